/**
 * The dossiers module's admin plugin (`@motcua/dossiers/admin`): the reception desk (search a
 * procedure, enter the applicant, scan the case's components, receive a DIRECT dossier), the
 * officers' dossier desk (list with filters; a dossier with documents, e-form data, timeline,
 * clocks and the lifecycle actions allowed now) and the public tracking page (`/tra-cuu`).
 */
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const ReceptionPage = lazy(() => import('./pages/ReceptionPage'));
const DossierListPage = lazy(() => import('./pages/DossierListPage'));
const DossierPage = lazy(() => import('./pages/DossierPage'));
const TrackingPage = lazy(() => import('./pages/TrackingPage'));

export default defineAdminPlugin({
  name: 'dossiers',
  resources: [
    { name: 'reception', list: '/dossiers/reception' },
    { name: 'dossiers', list: '/dossiers', show: '/dossiers/:id' },
  ],
  routes: [
    { path: '/dossiers/reception', element: <ReceptionPage />, resource: 'reception', action: 'list' },
    { path: '/dossiers', element: <DossierListPage />, resource: 'dossiers', action: 'list' },
    { path: '/dossiers/:id', element: <DossierPage />, resource: 'dossiers', action: 'show' },
  ],
  publicRoutes: [{ path: '/tra-cuu', element: <TrackingPage /> }],
  menu: [
    { key: 'reception', label: 'reception.menu', icon: <InboxOutlined />, path: '/dossiers/reception', resource: 'reception', order: 50 },
    { key: 'dossiers', label: 'dossiers.menu', icon: <FolderOpenOutlined />, path: '/dossiers', resource: 'dossiers', order: 51 },
  ],
  permissions: {
    reception: { list: 'dossier.receive' },
    // Officers read what they act on without a grant of their own; the server scopes the list.
    dossiers: { list: null, show: null },
  },
  messages: { vi, en },
});
