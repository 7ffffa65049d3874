/**
 * The signature module's admin plugin (`@motcua/signature/admin`): verifying the signatures of a
 * PDF (any signed-in user), managing the trust list (`signature.trust.manage`), and the
 * configured signing keys, TSA and audit-log anchors (`signature.keys.read`).
 */
import { FileProtectOutlined, KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { defineAdminPlugin } from '@motcua/kernel/admin';
import { lazy } from 'react';
import { en } from './messages.en';
import { vi } from './messages.vi';

const VerifyPage = lazy(() => import('./pages/VerifyPage'));
const TrustListPage = lazy(() => import('./pages/TrustListPage'));
const SigningKeysPage = lazy(() => import('./pages/SigningKeysPage'));

export default defineAdminPlugin({
  name: 'signature',
  resources: [
    { name: 'verify', list: '/signature/verify' },
    { name: 'trustList', list: '/signature/trust-list' },
    { name: 'signingKeys', list: '/signature/keys' },
  ],
  routes: [
    { path: '/signature/verify', element: <VerifyPage />, resource: 'verify', action: 'list' },
    { path: '/signature/trust-list', element: <TrustListPage />, resource: 'trustList', action: 'list' },
    { path: '/signature/keys', element: <SigningKeysPage />, resource: 'signingKeys', action: 'list' },
  ],
  menu: [
    { key: 'verify', label: 'verify.menu', icon: <FileProtectOutlined />, path: '/signature/verify', resource: 'verify', order: 60 },
    { key: 'trustList', label: 'trustList.menu', icon: <SafetyOutlined />, path: '/signature/trust-list', resource: 'trustList', order: 70 },
    { key: 'signingKeys', label: 'signingKeys.menu', icon: <KeyOutlined />, path: '/signature/keys', resource: 'signingKeys', order: 75 },
  ],
  permissions: {
    verify: { list: null },
    trustList: { list: 'signature.trust.manage', create: 'signature.trust.manage', delete: 'signature.trust.manage' },
    signingKeys: { list: 'signature.keys.read' },
  },
  messages: { vi, en },
});
