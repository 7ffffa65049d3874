/**
 * The signature module's admin plugin (`@motcua/signature/admin`): verifying the signatures of a
 * PDF (any signed-in user) and managing the trust list (`signature.trust.manage`).
 */
import { FileProtectOutlined, SafetyOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const VerifyPage = lazy(() => import('./pages/VerifyPage'));
const TrustListPage = lazy(() => import('./pages/TrustListPage'));

export default defineAdminPlugin({
  name: 'signature',
  resources: [
    { name: 'verify', list: '/signature/verify' },
    { name: 'trustList', list: '/signature/trust-list' },
  ],
  routes: [
    { path: '/signature/verify', element: <VerifyPage />, resource: 'verify', action: 'list' },
    { path: '/signature/trust-list', element: <TrustListPage />, resource: 'trustList', action: 'list' },
  ],
  menu: [
    { key: 'verify', label: 'verify.menu', icon: <FileProtectOutlined />, path: '/signature/verify', resource: 'verify', order: 60 },
    { key: 'trustList', label: 'trustList.menu', icon: <SafetyOutlined />, path: '/signature/trust-list', resource: 'trustList', order: 70 },
  ],
  permissions: {
    verify: { list: null },
    trustList: { list: 'signature.trust.manage', create: 'signature.trust.manage', delete: 'signature.trust.manage' },
  },
  messages: { vi, en },
});
