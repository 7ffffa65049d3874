/**
 * Process definitions shared by the processes-* tests: the valid reference process of the
 * issue (reception → appraisal split into two parallel opinions → join → sign → complete) and
 * small builders.
 */
import { TimeLimitUnit } from '../src/clock/deadline.js';
import { type ProcessDefinition, type ProcessStep, StepAction, StepKind, type StepTransition } from '../src/processes/definition.js';

export const hours = (value: number) => ({ value, unit: TimeLimitUnit.WORKING_HOURS });
export const days = (value: number) => ({ value, unit: TimeLimitUnit.WORKING_DAYS });
export const forward = (...to: string[]): StepTransition => ({ action: StepAction.FORWARD, to });
export const complete: StepTransition = { action: StepAction.COMPLETE };

/** A step with defaults: a TASK of `roleKey` (default: the code) with a 1-hour quota. */
export function step(code: string, transitions: StepTransition[], extra: Partial<ProcessStep> = {}): ProcessStep {
  return { code, name: code, kind: StepKind.TASK, actor: { roleKey: code }, quota: hours(1), transitions, ...extra };
}

/** A definition of the given steps, starting at the first, 10 working days. */
export function definitionOf(steps: ProcessStep[], extra: Partial<ProcessDefinition> = {}): ProcessDefinition {
  return { code: 'TEST', name: 'Test', version: 1, agencyId: 'agency', statutoryLimit: days(10), startStepCode: steps[0]?.code ?? 'NONE', steps, ...extra };
}

/**
 * The reference process (10 working days; longest path 0.5 + 2 + 3 + 0.5 + 1 = 7 days):
 * TIEP_NHAN (reception, 4 h) → THAM_DINH (specialist, 2 d, splits into opinions) →
 * Y_KIEN_THUE (tax department, 3 d) ∥ Y_KIEN_DAT (land office, 2 d) → TONG_HOP (join,
 * specialist, 4 h) → KY (leader, 1 d: signs and completes).
 */
export const REFERENCE: ProcessDefinition = definitionOf([
  step('TIEP_NHAN', [forward('THAM_DINH')], { name: 'Tiếp nhận', actor: { roleKey: 'RECEPTION' }, quota: hours(4) }),
  step('THAM_DINH', [
    { action: StepAction.REQUEST_OPINION, to: ['Y_KIEN_THUE', 'Y_KIEN_DAT'] },
    { action: StepAction.RETURN, to: ['TIEP_NHAN'] },
    { action: StepAction.REQUEST_SUPPLEMENT },
  ], { name: 'Thẩm định', kind: StepKind.PARALLEL_SPLIT, actor: { roleKey: 'SPECIALIST' }, quota: days(2) }),
  step('Y_KIEN_THUE', [forward('TONG_HOP')], { name: 'Ý kiến cơ quan thuế', actor: { roleKey: 'OFFICER', unitId: 'u-tax' }, quota: days(3) }),
  step('Y_KIEN_DAT', [forward('TONG_HOP')], { name: 'Ý kiến văn phòng đất đai', actor: { roleKey: 'OFFICER', unitId: 'u-land' }, quota: days(2) }),
  step('TONG_HOP', [forward('KY'), { action: StepAction.RETURN, to: ['THAM_DINH'] }], { name: 'Tổng hợp', kind: StepKind.JOIN, actor: { roleKey: 'SPECIALIST' }, quota: hours(4) }),
  step('KY', [{ action: StepAction.SIGN }, complete, { action: StepAction.RETURN, to: ['TONG_HOP'] }], { name: 'Ký duyệt', actor: { roleKey: 'LEADER' }, quota: days(1) }),
]);

/** One active holder of every role the reference process names. */
export const REFERENCE_HOLDERS = new Map([['RECEPTION', 2], ['SPECIALIST', 3], ['OFFICER@u-tax', 1], ['OFFICER@u-land', 1], ['LEADER', 1]]);
