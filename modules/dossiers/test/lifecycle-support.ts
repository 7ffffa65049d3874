import {
  type ActionInput, DossierAction as A, type LifecycleContext, RULES_DECREE_118_2025, ReturnMethod,
} from '@motcua/dossiers/contract';

export const NOW = new Date('2026-03-02T03:00:00Z'); // Monday 10:00 in Hà Nội

/** Facts under which every guard passes, so only the table decides. */
export function permissiveContext(overrides: Partial<LifecycleContext> = {}): LifecycleContext {
  return {
    now: NOW, rules: RULES_DECREE_118_2025, dueAt: new Date('2026-03-09T10:00:00Z'), clockStarted: true, boundaryFree: false,
    apologiesIssued: 0, supplementRequests: 0, supplementDeadlinePassed: true, requiredComponentsPresent: true,
    workflowAtEnd: true, resultSigned: false, ...overrides,
  };
}

/** A valid input for each action. */
export function validInput(type: A): ActionInput {
  switch (type) {
    case A.REQUEST_COMPLETION:
    case A.REQUEST_SUPPLEMENT:
      return { type, missing: ['Bản sao Căn cước công dân'] };
    case A.REFUSE_AT_RECEPTION:
    case A.STOP_PROCESSING:
      return { type, reasons: ['Không thuộc thẩm quyền giải quyết'] };
    case A.ISSUE_APOLOGY:
      return { type, reason: 'Cần xác minh thêm', newDueAt: new Date('2026-03-12T10:00:00Z') };
    case A.ASSIGN_RESULT_NUMBER:
      return { type, number: '123/QĐ-STP', signedOn: NOW };
    case A.RETURN_RESULT:
      return { type, method: ReturnMethod.AT_DESK, recipient: 'Nguyễn Văn An' };
    default:
      return { type } as ActionInput;
  }
}
