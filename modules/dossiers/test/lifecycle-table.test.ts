import { describe, expect, it } from 'vitest';
import {
  allowedActions, ClockEffect, DossierAction as A, DossierState as S, FormKind, NATIONAL_STATUS, transition, TRANSITIONS, applyTransition,
} from '@motcua/dossiers/contract';
import { permissiveContext, validInput } from './lifecycle-support.js';

/**
 * Acceptance 2, pure part: every state × every action. The expectation is written out here from
 * domain doc §5.2, independently of the transition table, so a wrong row in the table fails.
 * The permissive context is an ordinary dossier; the competent agency's receipt of a
 * boundary-free dossier (T3b) is checked under its own facts below.
 */
const EXPECTED: Record<S, Partial<Record<A, S>>> = {
  [S.NEW]: { [A.CREATE_DRAFT]: S.DRAFT, [A.RECEIVE]: S.RECEIVED, [A.REQUEST_COMPLETION]: S.NEEDS_COMPLETION, [A.REFUSE_AT_RECEPTION]: S.REFUSED_AT_RECEPTION },
  [S.DRAFT]: { [A.SUBMIT]: S.SUBMITTED },
  [S.SUBMITTED]: { [A.RECEIVE]: S.RECEIVED, [A.REQUEST_COMPLETION]: S.NEEDS_COMPLETION, [A.REFUSE_AT_RECEPTION]: S.REFUSED_AT_RECEPTION, [A.WITHDRAW]: S.WITHDRAWN },
  [S.NEEDS_COMPLETION]: { [A.RESUBMIT]: S.SUBMITTED, [A.REFUSE_AT_RECEPTION]: S.REFUSED_AT_RECEPTION, [A.WITHDRAW]: S.WITHDRAWN },
  [S.REFUSED_AT_RECEPTION]: {},
  [S.RECEIVED]: { [A.FORWARD]: S.PROCESSING, [A.WITHDRAW]: S.WITHDRAWN },
  [S.PROCESSING]: {
    [A.HAND_OVER]: S.PROCESSING, [A.REQUEST_SUPPLEMENT]: S.SUPPLEMENT_REQUESTED, [A.REQUIRE_PAYMENT]: S.FINANCIAL_OBLIGATION,
    [A.STOP_PROCESSING]: S.STOPPED, [A.WITHDRAW]: S.WITHDRAWN, [A.ISSUE_APOLOGY]: S.PROCESSING, [A.APPROVE_RESULT]: S.RESULT_APPROVED,
  },
  [S.SUPPLEMENT_REQUESTED]: { [A.RECEIVE_SUPPLEMENT]: S.PROCESSING, [A.EXPIRE_SUPPLEMENT]: S.STOPPED, [A.WITHDRAW]: S.WITHDRAWN },
  [S.FINANCIAL_OBLIGATION]: { [A.CONFIRM_PAYMENT]: S.PROCESSING, [A.WITHDRAW]: S.WITHDRAWN },
  [S.STOPPED]: {},
  [S.WITHDRAWN]: {},
  [S.RESULT_APPROVED]: { [A.ASSIGN_RESULT_NUMBER]: S.AWAITING_OFFICER_SIGNATURE },
  [S.AWAITING_OFFICER_SIGNATURE]: { [A.SIGN_AS_OFFICER]: S.AWAITING_AGENCY_SIGNATURE },
  [S.AWAITING_AGENCY_SIGNATURE]: { [A.SIGN_AS_AGENCY]: S.DONE },
  [S.DONE]: { [A.RETURN_RESULT]: S.RETURNED },
  [S.RETURNED]: { [A.EVALUATE]: S.EVALUATED },
  [S.EVALUATED]: {},
};

const STATES = Object.values(S);
const ACTIONS = Object.values(A);
const CASES = STATES.flatMap((state) => ACTIONS.map((action) => ({ state, action, to: EXPECTED[state][action] })));

describe('lifecycle: every state × every action', () => {
  it(`covers ${STATES.length} states × ${ACTIONS.length} actions`, () => expect(CASES).toHaveLength(STATES.length * ACTIONS.length));

  it.each(CASES)('$state --$action--> $to', ({ state, action, to }) => {
    const ctx = Object.freeze(permissiveContext());
    const result = transition(state, validInput(action), ctx);
    if (to) {
      expect(result).toMatchObject({ ok: true, from: state, to, nationalStatus: { from: NATIONAL_STATUS[state], to: NATIONAL_STATUS[to] } });
    } else {
      expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', state, action });
      if (!result.ok && result.code === 'INVALID_TRANSITION') expect(new Set(result.allowed)).toEqual(new Set(Object.keys(EXPECTED[state])));
      expect(() => applyTransition(state, validInput(action), ctx)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    }
  });

  it('lists the allowed actions of every state', () => {
    for (const state of STATES) expect(new Set(allowedActions(state, permissiveContext())), state).toEqual(new Set(Object.keys(EXPECTED[state])));
  });

  it('has at most one rule per (action, from-state)', () => {
    const keys = TRANSITIONS.flatMap((rule) => rule.from.map((from) => `${rule.action}|${from}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names every transition T1–T19 of the domain doc', () => {
    const numbers = new Set(TRANSITIONS.map((rule) => Number(/^T(\d+)/.exec(rule.id)![1])));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
  });
});

/** A received boundary-free dossier: before the competent agency receives it (its clock not started), and after. */
const AWAITING = permissiveContext({ boundaryFree: true, clockStarted: false, dueAt: null });
const COMPETENT_RECEIVED = permissiveContext({ boundaryFree: true, clockStarted: true });
const RECEIVED_CASES = [
  ...ACTIONS.map((action) => ({ facts: 'awaiting the competent agency', ctx: AWAITING, action, to: ({ [A.RECEIVE_AT_COMPETENT_AGENCY]: S.RECEIVED, [A.WITHDRAW]: S.WITHDRAWN } as Partial<Record<A, S>>)[action] })),
  ...ACTIONS.map((action) => ({ facts: 'received by the competent agency', ctx: COMPETENT_RECEIVED, action, to: EXPECTED[S.RECEIVED][action] })),
];

describe('lifecycle: a received boundary-free dossier × every action', () => {
  it.each(RECEIVED_CASES)('$facts: RECEIVED --$action--> $to', ({ ctx, action, to }) => {
    const result = transition(S.RECEIVED, validInput(action), ctx);
    if (to) expect(result).toMatchObject({ ok: true, to });
    else expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('is not forwarded for processing before the competent agency received it, and says what is allowed', () => {
    expect(transition(S.RECEIVED, validInput(A.FORWARD), AWAITING)).toMatchObject({
      ok: false, code: 'INVALID_TRANSITION', allowed: [A.RECEIVE_AT_COMPETENT_AGENCY, A.WITHDRAW],
      reason: { en: 'the competent agency has not received the dossier yet' },
    });
    expect(transition(S.RECEIVED, validInput(A.RECEIVE_AT_COMPETENT_AGENCY), permissiveContext())).toMatchObject({ ok: false, allowed: [A.FORWARD, A.WITHDRAW] });
  });

  it('withdrawing while awaiting the competent agency stops no clock', () => {
    expect(transition(S.RECEIVED, validInput(A.WITHDRAW), AWAITING)).toMatchObject({ ok: true, clock: ClockEffect.NONE });
  });
});

describe('lifecycle: national codes', () => {
  it('maps every state but NEW and DRAFT to exactly one code 1–10', () => {
    for (const state of STATES) {
      const code = NATIONAL_STATUS[state];
      if (state === S.NEW || state === S.DRAFT) expect(code).toBeNull();
      else expect(code! >= 1 && code! <= 10, state).toBe(true);
    }
  });

  it.each([
    [S.SUBMITTED, 1], [S.NEEDS_COMPLETION, 1], [S.REFUSED_AT_RECEPTION, 3], [S.RECEIVED, 2], [S.PROCESSING, 4],
    [S.SUPPLEMENT_REQUESTED, 5], [S.FINANCIAL_OBLIGATION, 6], [S.WITHDRAWN, 7], [S.STOPPED, 8],
    [S.AWAITING_AGENCY_SIGNATURE, 4], [S.DONE, 9], [S.RETURNED, 10], [S.EVALUATED, 10],
  ])('%s → %i', (state, code) => expect(NATIONAL_STATUS[state]).toBe(code));
});

describe('lifecycle: outputs', () => {
  const ctx = permissiveContext();
  it.each([
    [S.NEW, A.RECEIVE, ClockEffect.START, [FormKind.RECEIPT, FormKind.TRACKING_BOOK]],
    [S.SUBMITTED, A.RECEIVE, ClockEffect.START, [FormKind.RECEIPT, FormKind.TRACKING_BOOK]],
    [S.SUBMITTED, A.REQUEST_COMPLETION, ClockEffect.NONE, [FormKind.SUPPLEMENT_REQUEST]],
    [S.SUBMITTED, A.REFUSE_AT_RECEPTION, ClockEffect.NONE, [FormKind.REFUSAL]],
    [S.RECEIVED, A.FORWARD, ClockEffect.NONE, [FormKind.CONTROL_SHEET]],
    [S.PROCESSING, A.HAND_OVER, ClockEffect.NONE, [FormKind.CONTROL_SHEET]],
    [S.PROCESSING, A.REQUEST_SUPPLEMENT, ClockEffect.PAUSE, [FormKind.SUPPLEMENT_REQUEST]],
    [S.SUPPLEMENT_REQUESTED, A.RECEIVE_SUPPLEMENT, ClockEffect.RESUME, []],
    [S.SUPPLEMENT_REQUESTED, A.EXPIRE_SUPPLEMENT, ClockEffect.STOP, [FormKind.STOP_NOTICE]],
    [S.PROCESSING, A.REQUIRE_PAYMENT, ClockEffect.PAUSE, []],
    [S.FINANCIAL_OBLIGATION, A.CONFIRM_PAYMENT, ClockEffect.RESUME, []],
    [S.PROCESSING, A.STOP_PROCESSING, ClockEffect.STOP, [FormKind.STOP_NOTICE]],
    [S.PROCESSING, A.WITHDRAW, ClockEffect.STOP, []],
    [S.PROCESSING, A.ISSUE_APOLOGY, ClockEffect.EXTEND, [FormKind.APOLOGY]],
    [S.AWAITING_AGENCY_SIGNATURE, A.SIGN_AS_AGENCY, ClockEffect.STOP, []],
    [S.DONE, A.RETURN_RESULT, ClockEffect.NONE, []],
  ])('%s --%s--> clock %s, forms %j', (state, action, clock, forms) => {
    expect(transition(state, validInput(action), ctx)).toMatchObject({ ok: true, clock, forms });
  });

  it('a boundary-free dossier starts its clock when the competent agency receives it, not at the desk (T3b)', () => {
    const boundaryFree = permissiveContext({ boundaryFree: true, clockStarted: false, dueAt: null });
    expect(transition(S.NEW, validInput(A.RECEIVE), boundaryFree)).toMatchObject({ ok: true, clock: ClockEffect.NONE, forms: [FormKind.RECEIPT, FormKind.TRACKING_BOOK] });
    expect(transition(S.SUBMITTED, validInput(A.RECEIVE), boundaryFree)).toMatchObject({ ok: true, clock: ClockEffect.NONE });
    expect(transition(S.RECEIVED, validInput(A.RECEIVE_AT_COMPETENT_AGENCY), boundaryFree)).toMatchObject({
      ok: true, transition: 'T3b', to: S.RECEIVED, clock: ClockEffect.START, forms: [], events: ['COMPETENT_AGENCY_RECEIVED'], nationalStatus: { from: 2, to: 2 },
    });
  });

  it('withdrawing before the clock started stops nothing', () => {
    expect(transition(S.SUBMITTED, validInput(A.WITHDRAW), permissiveContext({ clockStarted: false }))).toMatchObject({ ok: true, clock: ClockEffect.NONE });
  });

  it('a payment confirmed after the result was signed ends processing (T13 → 9)', () => {
    expect(transition(S.FINANCIAL_OBLIGATION, validInput(A.CONFIRM_PAYMENT), permissiveContext({ resultSigned: true })))
      .toMatchObject({ ok: true, to: S.DONE, clock: ClockEffect.STOP, nationalStatus: { from: 6, to: 9 } });
  });
});
