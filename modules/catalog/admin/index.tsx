/**
 * The catalog module's admin plugin (`@motcua/catalog/admin`): the procedure catalog with its
 * search, the procedure editor (general, channels and fees, components by case, e-form builder
 * with live preview, legal basis, versions with diff, offerings per agency), the lifecycle
 * actions with the completeness report, and the JSON/Excel import with its dry run.
 */
import { BookOutlined, ImportOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const ProcedureListPage = lazy(() => import('./pages/ProcedureListPage'));
const ProcedureEditPage = lazy(() => import('./editor/ProcedureEditPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));

export default defineAdminPlugin({
  name: 'catalog',
  resources: [
    { name: 'procedures', list: '/catalog/procedures', show: '/catalog/procedures/:id' },
    { name: 'catalogImport', list: '/catalog/import' },
  ],
  routes: [
    { path: '/catalog/procedures', element: <ProcedureListPage />, resource: 'procedures', action: 'list' },
    { path: '/catalog/procedures/:id', element: <ProcedureEditPage />, resource: 'procedures', action: 'show' },
    { path: '/catalog/import', element: <ImportPage />, resource: 'catalogImport', action: 'list' },
  ],
  menu: [
    { key: 'procedures', label: 'procedures.menu', icon: <BookOutlined />, path: '/catalog/procedures', resource: 'procedures', order: 40 },
    { key: 'catalogImport', label: 'catalogImport.menu', icon: <ImportOutlined />, path: '/catalog/import', resource: 'catalogImport', order: 45 },
  ],
  permissions: {
    // Published procedures are public; what a user may change (drafts of their agency, publishing,
    // offerings) the server says per procedure (`viewerCan…`) and checks on every request.
    procedures: { list: null, show: null },
    catalogImport: { list: 'catalog.publish' },
  },
  messages: { vi, en },
});
