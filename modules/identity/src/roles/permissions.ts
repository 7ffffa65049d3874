import { type PermissionDefinition, withinScope } from '@motcua/kernel/contract';

/** How a row with a `unit` relation is located in the org tree, for scoped rules. */
const STAFF_UNIT = { id: 'unit.id', path: 'unit.path' };
/** How an agency row is located: by itself. */
const AGENCY_SELF = { id: 'id', path: 'path' };
/** A new agency is located by the parent it is created under. */
const AGENCY_PARENT = { id: 'parent.id', path: 'parent.path' };

/**
 * The identity module's permissions. Each applies within the scope of the role assignment
 * that grants it (one unit, or a unit and its subtree).
 */
export const identityPermissions: PermissionDefinition[] = [
  {
    key: 'agency.create',
    label: { vi: 'Tạo cơ quan, đơn vị trực thuộc', en: 'Create sub-agencies and units' },
    rule: ({ can, grant }) => can('create', 'Agency', withinScope(grant.scope, AGENCY_PARENT)),
  },
  {
    key: 'agency.update',
    label: { vi: 'Sửa thông tin cơ quan, đơn vị', en: 'Edit agencies and units' },
    rule: ({ can, grant }) => can('update', 'Agency', withinScope(grant.scope, AGENCY_SELF)),
  },
  {
    key: 'staff.read',
    label: { vi: 'Xem danh sách cán bộ', en: 'View staff' },
    rule: ({ can, grant }) => can('read', 'Staff', withinScope(grant.scope, STAFF_UNIT)),
  },
  {
    key: 'staff.readPersonalData',
    label: { vi: 'Xem số định danh, điện thoại của cán bộ', en: "View staff's personal ID and phone" },
    rule: ({ can, grant }) => can('readPersonalData', 'Staff', withinScope(grant.scope, STAFF_UNIT)),
  },
  {
    key: 'staff.create',
    label: { vi: 'Tạo tài khoản cán bộ', en: 'Create staff accounts' },
    rule: ({ can, grant }) => can('create', 'Staff', withinScope(grant.scope, STAFF_UNIT)),
  },
  {
    key: 'staff.update',
    label: { vi: 'Sửa, khoá, mở khoá tài khoản cán bộ', en: 'Edit, disable and enable staff accounts' },
    rule: ({ can, grant }) => can('update', 'Staff', withinScope(grant.scope, STAFF_UNIT)),
  },
  {
    key: 'role.manage',
    label: { vi: 'Quản lý vai trò tuỳ chỉnh', en: 'Manage custom roles' },
    rule: ({ can, grant }) => can('manage', 'Role', withinScope(grant.scope, { id: 'agency.id', path: 'agency.path' })),
  },
  {
    key: 'roleAssignment.manage',
    label: { vi: 'Phân vai trò cho cán bộ', en: 'Assign roles to staff' },
    rule: ({ can, grant }) => can('manage', 'RoleAssignment', withinScope(grant.scope, STAFF_UNIT)),
  },
  {
    key: 'apiKey.manage',
    label: { vi: 'Quản lý khoá API tích hợp', en: 'Manage integration API keys' },
    rule: ({ can, grant }) => can('manage', 'ApiKey', withinScope(grant.scope, STAFF_UNIT)),
  },
];
