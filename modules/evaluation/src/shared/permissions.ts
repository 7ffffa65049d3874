import { type PermissionDefinition, type Principal, type RuleContext, withinScope } from '@motcua/kernel/contract';

/** Scorecard, fact and index rows carry the unit they count against and its org path. */
const UNIT_FIELDS = { id: 'unitId', path: 'unitPath' };

/**
 * The evaluation module's permissions. Scopes follow role assignments: a unit leader assigned
 * to a unit reads that unit's and its officers' scorecards, an agency leader (assigned with
 * the subtree) the whole agency, the province office's supervisor (the province root with its
 * subtree) every agency.
 */
export const evaluationPermissions: PermissionDefinition[] = [
  {
    key: 'evaluation.read',
    label: { vi: 'Xem kết quả đánh giá, bảng điểm của đơn vị và cán bộ', en: 'View evaluation results and scorecards of units and officers' },
    rule: ({ can, grant }) => can('read', 'Scorecard', withinScope(grant.scope, UNIT_FIELDS)),
    builtInRoles: ['UNIT_LEADER', 'AGENCY_LEADER', 'SUPERVISOR'],
  },
  {
    key: 'evaluation.review',
    label: { vi: 'Đánh giá định kỳ cán bộ, đơn vị cấp dưới; phê duyệt, khoá đánh giá', en: 'Review subordinate officers and units; approve and lock reviews' },
    rule: ({ can, grant }) => can('review', 'Review', withinScope(grant.scope, UNIT_FIELDS)),
    builtInRoles: ['UNIT_LEADER', 'AGENCY_LEADER', 'SUPERVISOR'],
  },
  {
    key: 'evaluation.manage',
    label: { vi: 'Nhập số liệu kỳ đánh giá, tính chỉ số 766 của cơ quan', en: "Enter an agency's period facts and compute its 766 index" },
    rule: ({ can, grant }) => can('manage', 'AgencyEvaluation', withinScope(grant.scope, UNIT_FIELDS)),
    builtInRoles: ['SUPERVISOR'],
  },
  {
    key: 'evaluation.publish',
    label: { vi: 'Công bố kết quả đánh giá theo kỳ', en: 'Publish evaluation results of a period' },
    rule: ({ can }) => can('publish', 'EvaluationPeriod'),
    builtInRoles: ['SUPERVISOR'],
  },
  {
    key: 'evaluation.kiosk',
    label: { vi: 'Thu đánh giá của người dân tại quầy (máy tính bảng), cấp liên kết đánh giá', en: "Collect citizens' ratings at the desk (kiosk tablet) and issue rating links" },
    // The desk of the provincial public administration centre receives for every agency, so no scope.
    rule: ({ can }) => can('kiosk', 'DossierRating'),
    builtInRoles: ['RECEPTION_OFFICER'],
  },
  {
    key: 'petition.handle',
    label: { vi: 'Tiếp nhận, trả lời phản ánh, kiến nghị gửi cơ quan', en: "Accept, refuse and answer citizens' petitions to the agency" },
    rule: ({ can, grant }) => can('handle', 'Petition', withinScope(grant.scope, UNIT_FIELDS)),
    builtInRoles: ['AGENCY_LEADER', 'AGENCY_ADMIN'],
  },
  {
    key: 'evaluation.configure',
    label: { vi: 'Thay đổi phiếu đánh giá, bảng công thức 766 (toàn hệ thống)', en: 'Change the questionnaire and the 766 formula table (system-wide)' },
    // Configuration applies to every agency, so only a global grant carries it.
    rule: ({ can, grant }: RuleContext) => {
      if (grant.scope.global) can('manage', 'EvaluationConfig');
    },
  },
];

/** Every staff member reads their own scorecard and the facts behind it. */
export function evaluationBaseRules({ can, principal }: { can: RuleContext['can']; principal: Principal | null }): void {
  if (principal?.kind === 'STAFF') can('read', 'Scorecard', { officerId: principal.userId });
}
