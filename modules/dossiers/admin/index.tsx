/**
 * The dossiers module's admin plugin (`@motcua/dossiers/admin`): the reception desk (search a
 * procedure, enter the applicant, scan the case's components, receive a DIRECT dossier), the
 * officers' dossier desk (list with filters; a dossier with documents, e-form data, timeline,
 * clocks and the lifecycle actions allowed now), the tracking book (Mẫu 07: a unit's dossiers
 * received in a period, previewed and downloaded as PDF or Excel) and the public tracking page (`/tra-cuu`).
 */
import { ProfileOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { BOOK_PERMISSIONS } from './book';
import { en } from './messages.en';
import { vi } from './messages.vi';

const ReceptionPage = lazy(() => import('./pages/ReceptionPage'));
const DossierListPage = lazy(() => import('./pages/DossierListPage'));
const DossierPage = lazy(() => import('./pages/DossierPage'));
const TrackingPage = lazy(() => import('./pages/TrackingPage'));
const TrackingBookPage = lazy(() => import('./pages/TrackingBookPage'));

export default defineAdminPlugin({
  name: 'dossiers',
  resources: [
    { name: 'reception', list: '/dossiers/reception' },
    { name: 'dossiers', list: '/dossiers', show: '/dossiers/:id' },
    { name: 'trackingBook', list: '/dossiers/tracking-book' },
  ],
  routes: [
    { path: '/dossiers/reception', element: <ReceptionPage />, resource: 'reception', action: 'list' },
    { path: '/dossiers', element: <DossierListPage />, resource: 'dossiers', action: 'list' },
    { path: '/dossiers/:id', element: <DossierPage />, resource: 'dossiers', action: 'show' },
    { path: '/dossiers/tracking-book', element: <TrackingBookPage />, resource: 'trackingBook', action: 'list' },
  ],
  publicRoutes: [{ path: '/tra-cuu', element: <TrackingPage /> }],
  menu: [
    { key: 'reception', label: 'reception.menu', icon: <InboxOutlined />, path: '/dossiers/reception', resource: 'reception', order: 50 },
    { key: 'dossiers', label: 'dossiers.menu', icon: <FolderOpenOutlined />, path: '/dossiers', resource: 'dossiers', order: 51 },
    { key: 'trackingBook', label: 'trackingBook.menu', icon: <ProfileOutlined />, path: '/dossiers/tracking-book', resource: 'trackingBook', order: 52 },
  ],
  permissions: {
    reception: { list: 'dossier.receive' },
    // Officers read what they act on without a grant of their own; the server scopes the list.
    dossiers: { list: null, show: null },
    // The book of a receiving unit: kept by its desk, read by leaders and supervisors (handling
    // officers read only the dossiers they act on, so a unit's book is not theirs to keep).
    trackingBook: { list: BOOK_PERMISSIONS },
  },
  messages: { vi, en },
});
