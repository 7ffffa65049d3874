import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions, DossierAction as A, DossierState as S, lifecycleRulesFor, NATIONAL_STATUS, RULES_DECREE_61_2018, transition, TransitionFlag,
  type LifecycleContext, type LifecycleRules,
} from '@motcua/dossiers/contract';
import { NOW, permissiveContext, validInput } from './lifecycle-support.js';

describe('lifecycle rules: versioned by receipt date', () => {
  it.each([
    ['2019-01-06', 'ND61-2018'],
    ['2025-06-30', 'ND61-2018'],
    ['2025-07-01', 'ND118-2025'],
    ['2026-11-26', 'ND118-2025'],
  ])('on %s the %s rules apply', (day, version) => expect(lifecycleRulesFor(day).version).toBe(version));

  it('has no rules before Decree 61/2018 took effect', () => expect(() => lifecycleRulesFor('2018-06-20')).toThrow(RangeError));
});

describe('lifecycle guards: apology and extension (T16)', () => {
  const apology = validInput(A.ISSUE_APOLOGY);

  it('is allowed once, before the due instant', () => {
    expect(transition(S.PROCESSING, apology, permissiveContext())).toMatchObject({ ok: true, to: S.PROCESSING });
  });

  it('is refused at or after the due instant, and no longer offered', () => {
    const late = permissiveContext({ now: new Date('2026-03-09T10:00:00Z') });
    expect(transition(S.PROCESSING, apology, late)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', reason: { en: 'an apology must be issued before the due time' } });
    expect(allowedActions(S.PROCESSING, late)).not.toContain(A.ISSUE_APOLOGY);
  });

  it('is refused a second time', () => {
    const result = transition(S.PROCESSING, apology, permissiveContext({ apologiesIssued: 1 }));
    expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', reason: { vi: expect.stringContaining('tối đa 1') } });
  });

  it('follows the configured limits when a rule version allows more', () => {
    const lenient: LifecycleRules = { ...RULES_DECREE_61_2018, version: 'test', apology: { onlyBeforeDue: false, maxCount: null } };
    const ctx = permissiveContext({ rules: lenient, apologiesIssued: 3, now: new Date('2026-03-10T00:00:00Z') });
    expect(transition(S.PROCESSING, { ...apology, newDueAt: new Date('2026-03-20T00:00:00Z') }, ctx)).toMatchObject({ ok: true });
  });

  it('needs a reason and a new due date after the current one', () => {
    expect(transition(S.PROCESSING, { type: A.ISSUE_APOLOGY, reason: ' ', newDueAt: new Date('2026-03-12T00:00:00Z') }, permissiveContext()))
      .toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'reason' });
    expect(transition(S.PROCESSING, { type: A.ISSUE_APOLOGY, reason: 'Chờ xác minh', newDueAt: new Date('2026-03-09T10:00:00Z') }, permissiveContext()))
      .toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'newDueAt' });
  });
});

describe('lifecycle guards: supplementation during processing (T9)', () => {
  it('allows a first request without a flag', () => {
    expect(transition(S.PROCESSING, validInput(A.REQUEST_SUPPLEMENT), permissiveContext())).toMatchObject({ ok: true, flags: [] });
  });

  it('allows a second request but flags it: it counts late nationally', () => {
    expect(transition(S.PROCESSING, validInput(A.REQUEST_SUPPLEMENT), permissiveContext({ supplementRequests: 1 })))
      .toMatchObject({ ok: true, flags: [TransitionFlag.SUPPLEMENT_COUNTS_LATE] });
  });

  it('refuses beyond a configured maximum', () => {
    const strict: LifecycleRules = { ...RULES_DECREE_61_2018, supplement: { maxRequestsDuringProcessing: 1, flaggedFromRequest: 2 } };
    expect(transition(S.PROCESSING, validInput(A.REQUEST_SUPPLEMENT), permissiveContext({ rules: strict, supplementRequests: 1 })))
      .toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('must list what is missing', () => {
    expect(transition(S.PROCESSING, { type: A.REQUEST_SUPPLEMENT, missing: [] }, permissiveContext())).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'missing' });
  });
});

describe('lifecycle guards: the rest', () => {
  it.each([
    [S.SUBMITTED, A.RECEIVE, { requiredComponentsPresent: false }],
    [S.DRAFT, A.SUBMIT, { requiredComponentsPresent: false }],
    [S.SUPPLEMENT_REQUESTED, A.EXPIRE_SUPPLEMENT, { supplementDeadlinePassed: false }],
    [S.PROCESSING, A.APPROVE_RESULT, { workflowAtEnd: false }],
  ] as const)('%s --%s--> refused when %j', (state, action, facts) => {
    const ctx = permissiveContext(facts);
    expect(transition(state, validInput(action), ctx)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', allowed: allowedActions(state, ctx) });
    expect(allowedActions(state, ctx)).not.toContain(action);
  });

  it.each([
    [S.SUBMITTED, { type: A.REFUSE_AT_RECEPTION, reasons: [''] }, 'reasons'],
    [S.PROCESSING, { type: A.STOP_PROCESSING, reasons: [] }, 'reasons'],
    [S.RESULT_APPROVED, { type: A.ASSIGN_RESULT_NUMBER, number: '', signedOn: NOW }, 'number'],
    [S.DONE, { type: A.RETURN_RESULT, method: 'PIGEON', recipient: 'An' }, 'method'],
    [S.DONE, { type: A.RETURN_RESULT, method: 'BY_POST', recipient: '' }, 'recipient'],
  ] as const)('%s refuses %j (field %s)', (state, action, field) => {
    expect(transition(state, action as never, permissiveContext())).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });
});

/** Random dossier facts: every guard sometimes passes, sometimes not. */
const contextArb: fc.Arbitrary<LifecycleContext> = fc.record({
  now: fc.date({ min: new Date('2026-03-01T00:00:00Z'), max: new Date('2026-03-20T00:00:00Z'), noInvalidDate: true }),
  dueAt: fc.option(fc.constant(new Date('2026-03-09T10:00:00Z')), { nil: null }),
  clockStarted: fc.boolean(), boundaryFree: fc.boolean(), apologiesIssued: fc.nat(2), supplementRequests: fc.nat(3),
  supplementDeadlinePassed: fc.boolean(), requiredComponentsPresent: fc.boolean(), workflowAtEnd: fc.boolean(), resultSigned: fc.boolean(),
}).map((facts) => ({ ...facts, rules: RULES_DECREE_61_2018 }));

const walkArb = fc.array(fc.tuple(fc.constantFrom(...Object.values(A)), contextArb), { maxLength: 40 });

/** Runs a random sequence of actions from NEW, keeping the states it went through. */
function walk(steps: Array<[A, LifecycleContext]>): S[] {
  const states = [S.NEW];
  for (const [action, ctx] of steps) {
    const result = transition(states.at(-1)!, validInput(action), ctx);
    if (result.ok) states.push(result.to);
  }
  return states;
}

describe('lifecycle properties', () => {
  it('every state reached after the draft has a national code 1–10', () => {
    fc.assert(fc.property(walkArb, (steps) => {
      for (const state of walk(steps).filter((s) => s !== S.NEW && s !== S.DRAFT)) {
        const code = NATIONAL_STATUS[state]!;
        expect(code >= 1 && code <= 10).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('a dossier at 5, 6 or 8 never reaches 9 without going back through processing (4)', () => {
    fc.assert(fc.property(walkArb, (steps) => {
      const codes = walk(steps).map((s) => NATIONAL_STATUS[s]);
      codes.forEach((code, i) => {
        if (code === 9 && i > 0) expect([4, 6]).toContain(codes[i - 1]); // 6 → 9 only by T13 after a signed result
      });
      const stopped = codes.indexOf(8);
      if (stopped >= 0) expect(codes.slice(stopped + 1)).toEqual([]); // stopping is final
    }), { numRuns: 500 });
  });

  it('once received, a dossier never goes back to 1 (new) or 3 (refused at reception)', () => {
    fc.assert(fc.property(walkArb, (steps) => {
      const codes = walk(steps).map((s) => NATIONAL_STATUS[s]);
      const received = codes.indexOf(2);
      if (received >= 0) for (const code of codes.slice(received)) expect([1, 3]).not.toContain(code);
    }), { numRuns: 500 });
  });

  it('a refused action changes nothing and offers exactly the actions that would succeed', () => {
    fc.assert(fc.property(fc.constantFrom(...Object.values(S)), fc.constantFrom(...Object.values(A)), contextArb, (state, action, ctx) => {
      const result = transition(state, validInput(action), ctx);
      if (result.ok || result.code !== 'INVALID_TRANSITION') return;
      expect(result.state).toBe(state);
      for (const allowed of result.allowed) expect(transition(state, validInput(allowed), ctx).ok).toBe(true);
    }), { numRuns: 2000 });
  });

  it('terminal states (3, 7, 8, evaluated) allow nothing', () => {
    fc.assert(fc.property(contextArb, (ctx) => {
      for (const state of [S.REFUSED_AT_RECEPTION, S.WITHDRAWN, S.STOPPED, S.EVALUATED]) expect(allowedActions(state, ctx)).toEqual([]);
    }));
  });
});
