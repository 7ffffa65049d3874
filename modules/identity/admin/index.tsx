/**
 * The identity module's admin plugin (`@motcua/identity/admin`): the organisation tree, staff,
 * roles with their permissions, role assignments, and the "my account" card on the home page.
 */
import { ApartmentOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const MyAccountWidget = lazy(() => import('./dashboard/MyAccountWidget'));
const AgencyTreePage = lazy(() => import('./agencies/AgencyTreePage'));
const StaffListPage = lazy(() => import('./staff/StaffListPage'));
const StaffCreatePage = lazy(() => import('./staff/StaffCreatePage'));
const StaffEditPage = lazy(() => import('./staff/StaffEditPage'));
const RoleListPage = lazy(() => import('./roles/RoleListPage'));
const RoleCreatePage = lazy(() => import('./roles/RoleCreatePage'));
const RoleEditPage = lazy(() => import('./roles/RoleEditPage'));

export default defineAdminPlugin({
  name: 'identity',
  resources: [
    { name: 'agencies', list: '/agencies' },
    { name: 'staff', list: '/staff', create: '/staff/create', edit: '/staff/edit/:id' },
    { name: 'roles', list: '/roles', create: '/roles/create', edit: '/roles/edit/:id' },
  ],
  routes: [
    { path: '/agencies', element: <AgencyTreePage />, resource: 'agencies', action: 'list' },
    { path: '/staff', element: <StaffListPage />, resource: 'staff', action: 'list' },
    { path: '/staff/create', element: <StaffCreatePage />, resource: 'staff', action: 'create' },
    { path: '/staff/edit/:id', element: <StaffEditPage />, resource: 'staff', action: 'edit' },
    { path: '/roles', element: <RoleListPage />, resource: 'roles', action: 'list' },
    { path: '/roles/create', element: <RoleCreatePage />, resource: 'roles', action: 'create' },
    { path: '/roles/edit/:id', element: <RoleEditPage />, resource: 'roles', action: 'edit' },
  ],
  menu: [
    { key: 'agencies', label: 'agencies.menu', icon: <ApartmentOutlined />, path: '/agencies', resource: 'agencies', order: 10 },
    { key: 'staff', label: 'staff.menu', icon: <TeamOutlined />, path: '/staff', resource: 'staff', order: 20 },
    { key: 'roles', label: 'roles.menu', icon: <SafetyCertificateOutlined />, path: '/roles', resource: 'roles', order: 30 },
  ],
  permissions: {
    // The agency directory is public; changes are scoped by the server (and by useCan per unit).
    agencies: { list: null, create: 'agency.create', edit: 'agency.update' },
    staff: { list: 'staff.read', create: 'staff.create', edit: 'staff.update' },
    roles: { list: 'role.manage', create: 'role.manage', edit: 'role.manage', delete: 'role.manage' },
  },
  messages: { vi, en },
  widgets: [{ key: 'identity.myAccount', element: <MyAccountWidget />, order: 10 }],
});
