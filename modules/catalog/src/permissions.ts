import { type PermissionDefinition, withinScope } from '@motcua/kernel/contract';

/**
 * The catalog's permissions. Reading published procedures needs none (the citizen portal).
 * - `catalog.draft` (agency administrators): drafts owned by agencies within the grant's scope.
 * - `catalog.offering` (agency administrators): offerings of agencies within the grant's scope.
 * - `catalog.publish` (the province's catalog administrators): publish, retire, end validity,
 *   import; every draft and every offering. The catalog is the province's, so this grant is
 *   not narrowed by its scope.
 */
export const catalogPermissions: PermissionDefinition[] = [
  {
    key: 'catalog.draft',
    label: { vi: 'Soạn thảo thủ tục hành chính (bản nháp) của cơ quan', en: "Draft procedures for the agency" },
    rule: ({ can, grant }) => can('manage', 'ProcedureDraft', withinScope(grant.scope, { id: 'ownerAgencyId', path: 'ownerAgencyPath' })),
    builtInRoles: ['AGENCY_ADMIN'],
  },
  {
    key: 'catalog.offering',
    label: { vi: 'Cấu hình thủ tục cơ quan tiếp nhận (kênh, thời hạn riêng, quy trình)', en: "Configure the agency's procedure offerings" },
    rule: ({ can, grant }) => can('manage', 'Offering', withinScope(grant.scope, { id: 'agencyId', path: 'agencyPath' })),
    builtInRoles: ['AGENCY_ADMIN'],
  },
  {
    key: 'catalog.publish',
    label: { vi: 'Công bố, bãi bỏ, nhập danh mục thủ tục hành chính của tỉnh', en: "Publish, retire and import the province's procedure catalog" },
    rule: ({ can }) => {
      can('publish', 'Procedure');
      can('import', 'Procedure');
      can('manage', 'ProcedureDraft');
      can('manage', 'Offering');
    },
    builtInRoles: ['CATALOG_ADMIN'],
  },
];
