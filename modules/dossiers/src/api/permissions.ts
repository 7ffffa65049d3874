import { type PermissionDefinition, withinScope } from '@motcua/kernel/contract';

/**
 * The dossiers module's permissions (CASL subject `Dossier`):
 * - `dossier.receive`: reception officers of the receiving unit read and receive dossiers,
 *   request completion, refuse at reception, take supplements and withdrawals, return results;
 *   reception officers of the competent agency's receiving unit (`competentUnitId`, the same unit
 *   except for boundary-free dossiers lodged elsewhere) read them and receive boundary-free ones
 *   for the competent agency (`receiveAsCompetent`).
 * - `dossier.process`: the handling officer (who took the first step) acts on the dossier
 *   (supplement, payment, apology, approve the result, sign as officer); officers read the
 *   dossiers they acted on last or hold an open task of. Acting on a step needs the workflow
 *   task itself (its assignee or a holder of its role, checked by the engine).
 * - `dossier.supervise`: leaders read every dossier of the agencies in their scope and sign the
 *   result for the agency; they may stop processing.
 * Citizens own their drafts: `createDossierDraft` and the draft actions check the owner, no grant.
 */
export const dossierPermissions: PermissionDefinition[] = [
  {
    key: 'dossier.receive',
    label: { vi: 'Tiếp nhận, trả kết quả hồ sơ tại bộ phận một cửa', en: 'Receive dossiers and return results at the one-stop desk' },
    rule: ({ can, grant }) => {
      const scope = withinScope(grant.scope, { id: 'unitId', path: 'unitPath' });
      can(['read', 'receive', 'return'], 'Dossier', scope);
      can(['read', 'receiveAsCompetent'], 'Dossier', withinScope(grant.scope, { id: 'competentUnitId', path: 'competentUnitPath' }));
    },
    builtInRoles: ['RECEPTION_OFFICER'],
  },
  {
    key: 'dossier.process',
    label: { vi: 'Xử lý hồ sơ được giao', en: 'Process the dossiers assigned' },
    rule: ({ can, principal }) => {
      can(['read', 'process'], 'Dossier', { handlerId: principal.userId });
      can('read', 'Dossier', { officerId: principal.userId });
    },
    builtInRoles: ['HANDLING_OFFICER', 'UNIT_LEADER'],
  },
  {
    key: 'dossier.supervise',
    label: { vi: 'Theo dõi, ký duyệt hồ sơ của cơ quan', en: "Supervise and sign the agency's dossiers" },
    rule: ({ can, grant }) => can(['read', 'supervise', 'process'], 'Dossier', withinScope(grant.scope, { id: 'agencyId', path: 'agencyPath' })),
    builtInRoles: ['AGENCY_LEADER', 'SUPERVISOR'],
  },
];
