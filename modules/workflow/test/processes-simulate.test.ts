/**
 * Pre-publish simulation: a saturated single officer with numbers worked out by hand, the
 * clock pausing for supplements, dead ends, and properties (deterministic for a seed; more
 * staff never hurts; more arrivals never help) on configurations without randomness, where
 * they hold exactly rather than in expectation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TimeLimitUnit } from '../src/clock/deadline.js';
import { type ProcessDefinition, StepAction, StepKind } from '../src/processes/definition.js';
import { DeadEndReason, simulateProcess, type SimulationOptions } from '../src/processes/simulate.js';
import { validateProcess } from '../src/processes/validate.js';
import { VN_GOV } from './fixtures.js';
import { complete, days, definitionOf, forward, hours, REFERENCE, step } from './processes-fixtures.js';

const MONDAY = new Date('2026-03-02T07:00:00+07:00');
/** No randomness: equal arrival gaps, every step takes `share` of its quota, no supplements or returns. */
const exact = (share = 1): Partial<SimulationOptions> => ({
  arrivals: 'EVEN', serviceTime: { distribution: 'FIXED', min: share, mode: share, max: share }, supplementProbability: 0, returnProbability: 0,
});

/** Reception 1 h → appraisal 1 working day → signing 1 h; 5 working days. */
const THREE_STEPS = definitionOf([
  step('TIEP_NHAN', [forward('THAM_DINH')], { actor: { roleKey: 'RECEPTION' }, quota: hours(1) }),
  step('THAM_DINH', [forward('KY')], { name: 'Thẩm định', actor: { roleKey: 'SPECIALIST' }, quota: days(1) }),
  step('KY', [complete], { actor: { roleKey: 'LEADER' }, quota: hours(1) }),
], { statutoryLimit: days(5) });

describe('a single officer with 8 h of work per dossier and 2 arrivals a day saturates', () => {
  // Dossier k (0…19) arrives 4k working hours after Monday 07:00, is received within the hour,
  // and waits for the one specialist, free again at 8k + 1 h: it waits 4k h, is signed at
  // 8k + 10 h and so spends 4k + 10 h of the 40 h budget: dossiers 0–7 make it, 8–19 do not.
  const run = (specialists: number) => simulateProcess(THREE_STEPS, VN_GOV, {
    dossiers: 20, arrivalsPerDay: 2, seed: 1, start: MONDAY, staffPerRole: { RECEPTION: 2, SPECIALIST: specialists, LEADER: 1 }, ...exact(),
  });
  const report = run(1);

  it('on-time share drops to 8 of 20', () => {
    expect(report).toMatchObject({ dossiers: 20, completed: 20, deadEnds: { count: 0 }, onTimeShare: 0.4 });
    expect(report.timeliness.late).toBe(12);
    expect(report.meanLeadMinutes).toBe((4 * 9.5 + 10) * 60);
  });

  it('the appraisal step is where time is lost: a mean wait of 38 h against its 8 h quota, the cause of every late dossier', () => {
    expect(report.timeLostAt).toBe('THAM_DINH');
    expect(report.steps.find((s) => s.stepCode === 'THAM_DINH')).toMatchObject({ visits: 20, meanWaitMinutes: 38 * 60, meanWorkMinutes: 480, lossRatio: 5.75, lateCauseShare: 1 });
    expect(report.steps.find((s) => s.stepCode === 'KY')).toMatchObject({ meanWaitMinutes: 0, lateCauseShare: 0 });
  });

  it('the specialist is busy 160 of the 162 working hours (≈ 99 %)', () => {
    expect(report.horizon.workingMinutes).toBe(162 * 60);
    expect(report.roles.find((r) => r.roleHolderKey === 'SPECIALIST')).toMatchObject({ staff: 1, tasks: 20, busyMinutes: 160 * 60 });
    expect(report.roles.find((r) => r.roleHolderKey === 'SPECIALIST')!.utilisation).toBeCloseTo(160 / 162, 10);
  });

  it('explains it in Vietnamese and English', () => {
    expect(report.explanation.map((line) => line.vi)).toEqual(expect.arrayContaining([
      'Tỷ lệ đúng hạn (trước hạn và đúng hạn): 40 % so với thời hạn 5 ngày (12 hồ sơ trễ hạn).',
      'Mất thời gian nhiều nhất ở bước THAM_DINH (Thẩm định): chờ trung bình 4 ngày 6 giờ, xử lý 1 ngày, định mức 1 ngày.',
      'Vai trò SPECIALIST (1 cán bộ, 20 lượt xử lý): bận 99 % thời gian làm việc.',
    ]));
    expect(report.explanation[2].en).toBe('Most time is lost at step THAM_DINH (Thẩm định): mean wait 4 d 6 h, work 1 d, quota 1 d.');
  });

  it('a second specialist removes the queue: every dossier on time', () => {
    const fixed = run(2);
    expect(fixed.onTimeShare).toBe(1);
    expect(fixed.steps.find((s) => s.stepCode === 'THAM_DINH')!.meanWaitMinutes).toBe(0);
  });
});

describe('simulateProcess: the model', () => {
  it('a supplement pauses the clock: 4 days of lead time, 2 of them with the applicant, is on time for 2 working days', () => {
    const definition = definitionOf([step('A', [complete, { action: StepAction.REQUEST_SUPPLEMENT }], { quota: days(1) })], { statutoryLimit: days(2) });
    const report = simulateProcess(definition, VN_GOV, { dossiers: 1, arrivalsPerDay: 1, seed: 1, start: MONDAY, staffPerRole: { A: 1 }, ...exact(), supplementProbability: 1 });
    expect(report).toMatchObject({ completed: 1, onTimeShare: 1, meanLeadMinutes: 4 * 480 });
    expect(report.steps[0].visits).toBe(2);
  });

  it('parallel opinions wait at the join for the slower branch', () => {
    const report = simulateProcess(REFERENCE, VN_GOV, {
      dossiers: 1, arrivalsPerDay: 1, seed: 1, start: MONDAY, staffPerRole: { RECEPTION: 1, SPECIALIST: 1, 'OFFICER@u-tax': 1, 'OFFICER@u-land': 1, LEADER: 1 }, ...exact(),
    });
    // 0.5 + 2 + max(3, 2) + 0.5 + 1 = 7 working days, each step exactly its quota
    expect(report).toMatchObject({ completed: 1, meanLeadMinutes: 7 * 480, onTimeShare: 1 });
    expect(report.steps.map((s) => [s.stepCode, s.visits])).toEqual([['TIEP_NHAN', 1], ['THAM_DINH', 1], ['Y_KIEN_THUE', 1], ['Y_KIEN_DAT', 1], ['TONG_HOP', 1], ['KY', 1]]);
  });

  it('nested splits join inner branches first, then outer ones', () => {
    const split = { kind: StepKind.PARALLEL_SPLIT };
    const definition = definitionOf([
      step('A', [forward('B', 'C')], split), step('B', [forward('J')]),
      step('C', [forward('D', 'E')], split), step('D', [forward('K')]), step('E', [forward('K')]),
      step('K', [forward('J')], { kind: StepKind.JOIN }), step('J', [complete], { kind: StepKind.JOIN }),
    ]);
    expect(validateProcess(definition, { activeRoleHolders: Object.fromEntries(definition.steps.map((s) => [s.code, 1])) })).toEqual([]);
    const staffPerRole = Object.fromEntries(definition.steps.map((s) => [s.code, 1]));
    const report = simulateProcess(definition, VN_GOV, { dossiers: 3, arrivalsPerDay: 8, seed: 1, start: MONDAY, staffPerRole, ...exact() });
    expect(report).toMatchObject({ completed: 3, deadEnds: { count: 0 } });
    expect(report.steps.map((s) => s.visits)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    // five 1-hour steps on the critical path (A, C, D ∥ E, K, J); arrivals an hour apart never queue
    expect(report.meanLeadMinutes).toBe(5 * 60);
  });

  it('returns send the dossier back, at most twice', () => {
    const definition = definitionOf([step('A', [forward('B')]), step('B', [complete, { action: StepAction.RETURN, to: ['A'] }])]);
    const report = simulateProcess(definition, VN_GOV, { dossiers: 3, arrivalsPerDay: 1, seed: 1, start: MONDAY, staffPerRole: { A: 1, B: 1 }, ...exact(), returnProbability: 1 });
    expect(report.steps.map((s) => s.visits)).toEqual([9, 9]);
  });

  it('reports dead ends by step and reason', () => {
    const definition = definitionOf([
      step('A', [forward('B', 'C')], { kind: StepKind.PARALLEL_SPLIT }),
      step('B', [forward('J1')]), step('C', [forward('J2')]),
      step('J1', [complete], { kind: StepKind.JOIN }), step('J2', [complete], { kind: StepKind.JOIN }),
    ]);
    const staff = { A: 1, B: 1, C: 1, J1: 1, J2: 1 };
    const split = simulateProcess(definition, VN_GOV, { dossiers: 4, arrivalsPerDay: 4, seed: 1, start: MONDAY, staffPerRole: staff, ...exact() });
    expect(split).toMatchObject({ completed: 0, deadEnds: { count: 4, byStep: [{ stepCode: 'J2', reason: DeadEndReason.JOIN_INCOMPLETE, count: 4 }] } });
    const noStaff = simulateProcess(definition, VN_GOV, { dossiers: 2, arrivalsPerDay: 4, seed: 1, start: MONDAY, staffPerRole: { ...staff, B: 0 }, ...exact() });
    expect(noStaff.deadEnds.byStep).toEqual([{ stepCode: 'B', reason: DeadEndReason.NO_STAFF, count: 2 }]);
    expect(noStaff.explanation.at(-1)).toEqual({ vi: '2 hồ sơ bế tắc ở bước B (NO_STAFF).', en: '2 dossiers stuck at step B (NO_STAFF).' });
    const noWayOut = simulateProcess(definitionOf([step('A', [{ action: StepAction.SIGN }])]), VN_GOV, { dossiers: 1, arrivalsPerDay: 1, seed: 1, start: MONDAY, staffPerRole: { A: 1 } });
    expect(noWayOut.deadEnds.byStep).toEqual([{ stepCode: 'A', reason: DeadEndReason.NO_WAY_OUT, count: 1 }]);
  });

  it('arrivals fall in working time only', () => {
    const report = simulateProcess(THREE_STEPS, VN_GOV, { dossiers: 50, arrivalsPerDay: 5, seed: 9, start: new Date('2026-04-25T20:00:00+07:00'), staffPerRole: { RECEPTION: 9, SPECIALIST: 9, LEADER: 9 } });
    // Saturday evening → Monday 27/04 is the Hùng Kings make-up day → first arrival Tuesday 07:00
    expect(report.horizon.from.toISOString()).toBe(new Date('2026-04-28T07:00:00+07:00').toISOString());
  });

  it('refuses nonsense options', () => {
    const base = { dossiers: 1, arrivalsPerDay: 1, seed: 1, start: MONDAY, staffPerRole: {} };
    expect(() => simulateProcess(THREE_STEPS, VN_GOV, { ...base, dossiers: 0 })).toThrow();
    expect(() => simulateProcess(THREE_STEPS, VN_GOV, { ...base, arrivalsPerDay: 0 })).toThrow();
    expect(() => simulateProcess(THREE_STEPS, VN_GOV, { ...base, supplementProbability: 2 })).toThrow();
  });
});

// ---- properties ----

/** A line of 1–4 steps, each with its own role and a quota of 1–16 h (a whole number of minutes). */
const lineArb = fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 4 }).map((quotas): ProcessDefinition =>
  definitionOf(quotas.map((h, i) => step(`S${i}`, i === quotas.length - 1 ? [complete] : [forward(`S${i + 1}`)], { actor: { roleKey: `R${i}` }, quota: hours(h) }))));

/** Arrival rates whose gap is a whole number of minutes of the 480-minute day, so comparisons are exact. */
const rateArb = fc.constantFrom(1, 2, 3, 4, 5, 6, 8, 10, 12, 16);
const staffArb = (definition: ProcessDefinition) => fc.tuple(...definition.steps.map((s) => fc.integer({ min: 1, max: 3 }).map((n) => [s.actor.roleKey, n] as const))).map(Object.fromEntries);
const limitArb = fc.integer({ min: 4, max: 80 }).map((value) => ({ value, unit: TimeLimitUnit.WORKING_HOURS }));

describe('simulateProcess: properties', () => {
  it('is deterministic for a seed (with every random choice on), and the valid reference process never dead-ends', () => {
    fc.assert(fc.property(fc.integer(), rateArb, fc.integer({ min: 1, max: 40 }), (seed, arrivalsPerDay, dossiers) => {
      const options = {
        dossiers, arrivalsPerDay, seed, start: MONDAY, supplementProbability: 0.3, returnProbability: 0.3,
        staffPerRole: { RECEPTION: 1, SPECIALIST: 2, 'OFFICER@u-tax': 1, 'OFFICER@u-land': 1, LEADER: 1 },
      };
      const report = simulateProcess(REFERENCE, VN_GOV, options);
      expect(simulateProcess(REFERENCE, VN_GOV, options)).toEqual(report);
      expect(report).toMatchObject({ completed: dossiers, deadEnds: { count: 0 } });
    }), { numRuns: 25 });
  });

  it('more staff for a role never lowers the on-time share nor raises lead time or the end of the work', () => {
    const arb = lineArb.chain((definition) => fc.record({
      definition: fc.constant(definition), staff: staffArb(definition), extra: fc.integer({ min: 0, max: definition.steps.length - 1 }),
      limit: limitArb, arrivalsPerDay: rateArb, dossiers: fc.integer({ min: 1, max: 30 }), share: fc.constantFrom(0.5, 1),
    }));
    fc.assert(fc.property(arb, ({ definition, staff, extra, limit, arrivalsPerDay, dossiers, share }) => {
      const run = (staffPerRole: Record<string, number>) =>
        simulateProcess({ ...definition, statutoryLimit: limit }, VN_GOV, { dossiers, arrivalsPerDay, seed: 1, start: MONDAY, staffPerRole, ...exact(share) });
      const [base, more] = [run(staff), run({ ...staff, [`R${extra}`]: staff[`R${extra}`] + 1 })];
      expect(more.onTimeShare!).toBeGreaterThanOrEqual(base.onTimeShare!);
      expect(more.meanLeadMinutes!).toBeLessThanOrEqual(base.meanLeadMinutes!);
      expect(more.horizon.to.getTime()).toBeLessThanOrEqual(base.horizon.to.getTime());
    }), { numRuns: 60 });
  });

  it('more arrivals a day never raise the on-time share', () => {
    const arb = lineArb.chain((definition) => fc.record({
      definition: fc.constant(definition), staff: staffArb(definition), limit: limitArb,
      rates: fc.uniqueArray(rateArb, { minLength: 2, maxLength: 2 }).map((r) => r.sort((a, b) => a - b)), dossiers: fc.integer({ min: 1, max: 30 }),
    }));
    fc.assert(fc.property(arb, ({ definition, staff, limit, rates: [fewer, more], dossiers }) => {
      const run = (arrivalsPerDay: number) =>
        simulateProcess({ ...definition, statutoryLimit: limit }, VN_GOV, { dossiers, arrivalsPerDay, seed: 1, start: MONDAY, staffPerRole: staff, ...exact() });
      expect(run(more).onTimeShare!).toBeLessThanOrEqual(run(fewer).onTimeShare!);
    }), { numRuns: 60 });
  });
});
