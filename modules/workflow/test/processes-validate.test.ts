/**
 * Publishing checks: one table row per problem kind, the valid reference process, and the
 * order-independence property (shuffling steps yields the same problems).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeLimitUnit } from '../src/clock/deadline.js';
import { type ProcessDefinition, StepAction, StepKind } from '../src/processes/definition.js';
import { ProcessProblemCode as P, validateProcess, type ValidationContext } from '../src/processes/validate.js';
import { complete, days, definitionOf, forward, hours, REFERENCE, REFERENCE_HOLDERS, step } from './processes-fixtures.js';

/** Every role of a definition held by one active staff member. */
function everyoneHolds(definition: ProcessDefinition): ValidationContext {
  return { activeRoleHolders: new Map(definition.steps.map((s) => [s.actor.unitId ? `${s.actor.roleKey}@${s.actor.unitId}` : s.actor.roleKey, 1])) };
}

const codes = (definition: ProcessDefinition, context = everyoneHolds(definition)) =>
  validateProcess(definition, context).map((p) => [p.code, p.stepCode]);

describe('validateProcess: the reference process', () => {
  it('reception → appraisal split into two opinions → join → sign → complete has no problem', () => {
    expect(validateProcess(REFERENCE, { activeRoleHolders: REFERENCE_HOLDERS })).toEqual([]);
  });

  it('a unit-bound role needs a holder in that unit', () => {
    const holders = new Map(REFERENCE_HOLDERS);
    holders.delete('OFFICER@u-tax');
    holders.set('OFFICER', 5);
    const [only] = validateProcess(REFERENCE, { activeRoleHolders: holders });
    expect(only).toMatchObject({ code: P.UNASSIGNED_ROLE, stepCode: 'Y_KIEN_THUE', details: { roleHolderKey: 'OFFICER@u-tax' } });
    expect(only.message.vi).toBe('không có cán bộ đang hoạt động giữ vai trò OFFICER@u-tax cho bước Y_KIEN_THUE');
  });

  it('sums the longest parallel branch: 11 days of quotas against 10 is reported at the step where the sum goes over', () => {
    const slower = { ...REFERENCE, steps: REFERENCE.steps.map((s) => (s.code === 'Y_KIEN_THUE' ? { ...s, quota: days(7) } : s)) };
    const [over] = validateProcess(slower, { activeRoleHolders: REFERENCE_HOLDERS });
    expect(over).toMatchObject({
      code: P.QUOTA_EXCEEDS_STATUTORY, stepCode: 'KY', // 0.5 + 2 + 7 + 0.5 = 10 d still fits; signing goes over
      details: { path: ['TIEP_NHAN', 'THAM_DINH', 'Y_KIEN_THUE', 'TONG_HOP', 'KY'], totalMinutes: 11 * 480, limitMinutes: 10 * 480, approximate: false },
    });
    expect(over.message.en).toContain('add up to 11 d, over the statutory limit of 10 d');
    // the shorter branch does not add: raising it to 6 d keeps the total at 11 d
    const bothSlow = { ...slower, steps: slower.steps.map((s) => (s.code === 'Y_KIEN_DAT' ? { ...s, quota: days(6) } : s)) };
    expect(validateProcess(bothSlow, { activeRoleHolders: REFERENCE_HOLDERS })[0].details).toMatchObject({ totalMinutes: 11 * 480 });
    expect(validateProcess(slower, { activeRoleHolders: REFERENCE_HOLDERS, statutoryBudgetMinutes: 11 * 480 })).toEqual([]);
  });
});

const a = (code: string, ...transitions: Parameters<typeof step>[1]) => step(code, transitions);

/** [problem, definition, expected problems as [code, step]] — each definition has exactly the problems listed. */
const CASES: Array<[string, ProcessDefinition, Array<[P, string | null]>]> = [
  ['EMPTY', definitionOf([]), [[P.EMPTY, null]]],
  ['DUPLICATE_STEP_CODE', definitionOf([a('A', forward('B')), a('B', complete), a('B', complete)]), [[P.DUPLICATE_STEP_CODE, 'B']]],
  ['UNKNOWN_START', definitionOf([a('A', complete)], { startStepCode: 'X' }), [[P.UNKNOWN_START, null]]],
  ['UNKNOWN_TARGET', definitionOf([a('A', forward('B'), forward('Z')), a('B', complete)]), [[P.UNKNOWN_TARGET, 'A']]],
  ['MISSING_TARGET', definitionOf([a('A', { action: StepAction.FORWARD }, forward('B')), a('B', complete)]), [[P.MISSING_TARGET, 'A']]],
  ['UNEXPECTED_TARGET', definitionOf([a('A', forward('B')), a('B', { action: StepAction.COMPLETE, to: ['A'] })]), [[P.UNEXPECTED_TARGET, 'B']]],
  ['INVALID_QUOTA', definitionOf([step('A', [complete], { quota: { value: 2, unit: TimeLimitUnit.SAME_DAY } })]), [[P.INVALID_QUOTA, 'A']]],
  ['UNREACHABLE_STEP', definitionOf([a('A', complete), a('B', forward('A'))]), [[P.UNREACHABLE_STEP, 'B']]],
  ['NO_COMPLETE', definitionOf([a('A', forward('B')), a('B', { action: StepAction.SIGN })]), [[P.NO_COMPLETE, null]]],
  ['NO_WAY_TO_FINISH', definitionOf([a('A', forward('B'), forward('C')), a('B', complete), a('C', { action: StepAction.SIGN })]), [[P.NO_WAY_TO_FINISH, 'C']]],
  ['FORWARD_CYCLE', definitionOf([a('A', forward('B')), a('B', forward('A'), complete)]), [[P.FORWARD_CYCLE, 'A'], [P.FORWARD_CYCLE, 'B']]],
  ['RETURN_NOT_BACKWARD', definitionOf([a('A', forward('B'), { action: StepAction.RETURN, to: ['B'] }), a('B', complete)]), [[P.RETURN_NOT_BACKWARD, 'A']]],
  ['SPLIT_NEEDS_BRANCHES', definitionOf([step('A', [forward('B')], { kind: StepKind.PARALLEL_SPLIT }), step('B', [complete], { kind: StepKind.JOIN })]), [[P.SPLIT_NEEDS_BRANCHES, 'A']]],
  ['SPLIT_WITHOUT_JOIN', definitionOf([step('A', [forward('B', 'C')], { kind: StepKind.PARALLEL_SPLIT }), a('B', complete), a('C', complete)]), [[P.SPLIT_WITHOUT_JOIN, 'A']]],
  ['BRANCH_SKIPS_JOIN', definitionOf([step('A', [forward('B', 'C')], { kind: StepKind.PARALLEL_SPLIT }), a('B', forward('J'), complete), a('C', forward('J')), step('J', [complete], { kind: StepKind.JOIN })]), [[P.BRANCH_SKIPS_JOIN, 'A']]],
  ['JOIN_WITHOUT_SPLIT', definitionOf([a('A', forward('B')), step('B', [complete], { kind: StepKind.JOIN })]), [[P.JOIN_WITHOUT_SPLIT, 'B']]],
  ['QUOTA_EXCEEDS_STATUTORY', definitionOf([step('A', [forward('B')], { quota: days(1) }), step('B', [complete], { quota: hours(5) })], { statutoryLimit: hours(12) }), [[P.QUOTA_EXCEEDS_STATUTORY, 'B']]],
];

describe('validateProcess: one problem kind per row', () => {
  it.each(CASES)('%s', (_, definition, expected) => {
    expect(codes(definition)).toEqual(expected);
  });

  it('UNASSIGNED_ROLE and INACTIVE_USER: roles nobody holds and people no longer active', () => {
    const definition = definitionOf([step('A', [forward('B')], { actor: { roleKey: 'CLERK', userId: 'u-1' } }), step('B', [complete], { actor: { roleKey: 'LEADER' } })]);
    expect(validateProcess(definition, { activeRoleHolders: { CLERK: 1, LEADER: 0 }, activeUserIds: new Set(['u-2']) }).map((p) => [p.code, p.stepCode]))
      .toEqual([[P.INACTIVE_USER, 'A'], [P.UNASSIGNED_ROLE, 'B']]);
  });

  it('reports every problem at once, sorted by code and step', () => {
    const definition = definitionOf([a('A', forward('Z')), a('B', complete), a('B', complete)]);
    expect(codes(definition)).toEqual([
      [P.DUPLICATE_STEP_CODE, 'B'], [P.NO_WAY_TO_FINISH, 'A'], [P.UNKNOWN_TARGET, 'A'], [P.UNREACHABLE_STEP, 'B'],
    ]);
  });

  it('CALENDAR_DAYS against a working-time limit is compared as one working day per calendar day, flagged approximate', () => {
    const definition = definitionOf([step('A', [complete], { quota: { value: 3, unit: TimeLimitUnit.CALENDAR_DAYS } })], { statutoryLimit: days(2) });
    expect(validateProcess(definition, everyoneHolds(definition))[0].details).toMatchObject({ totalMinutes: 3 * 480, limitMinutes: 2 * 480, approximate: true });
    expect(codes({ ...definition, statutoryLimit: { value: 3, unit: TimeLimitUnit.CALENDAR_DAYS } })).toEqual([]);
  });

  it('a SAME_DAY limit allows one standard working day of quotas', () => {
    const sameDay = { value: 1, unit: TimeLimitUnit.SAME_DAY };
    expect(codes(definitionOf([step('A', [complete], { quota: hours(8) })], { statutoryLimit: sameDay }))).toEqual([]);
    expect(codes(definitionOf([step('A', [complete], { quota: hours(8.5) })], { statutoryLimit: sameDay }))).toEqual([[P.QUOTA_EXCEEDS_STATUTORY, 'A']]);
  });

  it('loops through RETURN and REQUEST_SUPPLEMENT are not counted in the quota sum', () => {
    const definition = definitionOf([
      step('A', [forward('B'), { action: StepAction.REQUEST_SUPPLEMENT }], { quota: days(5) }),
      step('B', [complete, { action: StepAction.RETURN, to: ['A'] }], { quota: days(5) }),
    ]);
    expect(codes(definition)).toEqual([]);
  });
});

describe('validateProcess: properties', () => {
  const definitions = fc.constantFrom(REFERENCE, ...CASES.map(([, definition]) => definition));

  it('is independent of the order of steps', () => {
    fc.assert(fc.property(definitions, fc.integer(), (definition, seed) => {
      const shuffle = <T>(items: readonly T[]) => items.map((item, i) => ({ item, key: Math.sin(seed + i * 7919) })).sort((x, y) => x.key - y.key).map((x) => x.item);
      const shuffled = { ...definition, steps: shuffle(definition.steps) };
      const context = { activeRoleHolders: REFERENCE_HOLDERS };
      expect(validateProcess(shuffled, context)).toEqual(validateProcess(definition, context));
    }), { numRuns: 200 });
  });
});
