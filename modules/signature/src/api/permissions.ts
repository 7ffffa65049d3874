import type { PermissionDefinition } from '@motcua/kernel/contract';

/**
 * Signature permissions. Keys and the trust list are installation-wide, so only global grants
 * count; who may use a particular key is further restricted by its operator list.
 */
export const signaturePermissions: PermissionDefinition[] = [
  {
    key: 'signature.sign',
    label: { vi: 'Ký số văn bản kết quả', en: 'Sign result documents' },
    rule: ({ can }) => can('sign', 'Document'),
  },
  {
    key: 'signature.trust.manage',
    label: { vi: 'Quản lý danh sách tin cậy (chứng thư gốc, CRL)', en: 'Manage the trust list (roots, CRLs)' },
    rule: ({ can, grant }) => {
      if (grant.scope.global) can('manage', 'TrustList');
    },
  },
  {
    key: 'signature.keys.read',
    label: { vi: 'Xem khóa ký và chứng thư số của hệ thống', en: 'View signing keys and certificates' },
    rule: ({ can, grant }) => {
      if (grant.scope.global) can('read', 'SigningKey');
    },
  },
];
