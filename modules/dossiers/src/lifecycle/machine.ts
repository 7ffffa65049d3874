import type { Bilingual } from '@motcua/kernel/contract';
import { AppError } from '@motcua/kernel/contract';
import type { ActionInput, DossierAction, LifecycleContext } from './actions.js';
import { DossierState, type NationalStatus, nationalStatusOf } from './states.js';
import { type InputProblem, TRANSITIONS, type TransitionId, type TransitionOutputs, type TransitionRule } from './transitions.js';

/** A transition that may happen: the new state and everything it produces. */
export interface TransitionOutcome extends TransitionOutputs {
  ok: true;
  transition: TransitionId;
  action: DossierAction;
  from: DossierState;
  to: DossierState;
  nationalStatus: { from: NationalStatus | null; to: NationalStatus | null };
}

/** The action is not allowed from this state (or the dossier's facts forbid it now). */
export interface InvalidTransition {
  ok: false;
  code: 'INVALID_TRANSITION';
  state: DossierState;
  action: DossierAction;
  reason: Bilingual;
  /** What may be done instead, right now. */
  allowed: DossierAction[];
}

/** The action is allowed but its input is not acceptable (no reasons, an earlier new due date...). */
export interface RejectedInput extends InputProblem {
  ok: false;
  code: 'BAD_USER_INPUT';
}

export type TransitionResult = TransitionOutcome | InvalidTransition | RejectedInput;

const BY_ACTION_AND_STATE = new Map<string, TransitionRule>(
  TRANSITIONS.flatMap((rule) => rule.from.map((from) => [`${rule.action}|${from}`, rule] as const)),
);

function ruleFor(state: DossierState, action: DossierAction): TransitionRule | undefined {
  return BY_ACTION_AND_STATE.get(`${action}|${state}`);
}

/**
 * The actions allowed from `state` given the dossier's facts (input-independent guards only).
 *
 * @example
 * allowedActions(DossierState.PROCESSING, ctx) // → ['HAND_OVER', 'REQUEST_SUPPLEMENT', ..., 'ISSUE_APOLOGY']
 */
export function allowedActions(state: DossierState, context: LifecycleContext): DossierAction[] {
  return TRANSITIONS.filter((rule) => rule.from.includes(state) && !rule.guard?.(context)).map((rule) => rule.action);
}

/**
 * Applies an action to a state: pure, nothing is loaded or written. On success it returns the
 * new state with the clock effect, forms and events the caller must carry out; otherwise why
 * not, and the actions allowed instead.
 *
 * @example
 * const result = transition(DossierState.PROCESSING, { type: DossierAction.REQUEST_SUPPLEMENT, missing: ['Bản sao CCCD'] }, ctx);
 * if (result.ok) { result.to; result.clock; result.forms; result.events } // SUPPLEMENT_REQUESTED, PAUSE, [SUPPLEMENT_REQUEST], [...]
 */
export function transition(state: DossierState, action: ActionInput, context: LifecycleContext): TransitionResult {
  const rule = ruleFor(state, action.type);
  const blocked = rule ? rule.guard?.(context) : { vi: `không áp dụng cho hồ sơ ở trạng thái ${state}`, en: `not possible in state ${state}` };
  if (!rule || blocked) {
    return { ok: false, code: 'INVALID_TRANSITION', state, action: action.type, reason: blocked!, allowed: allowedActions(state, context) };
  }
  const problem = rule.input?.(action, context);
  if (problem) return { ok: false, code: 'BAD_USER_INPUT', ...problem };
  const to = typeof rule.to === 'function' ? rule.to(context) : rule.to;
  return {
    ok: true, transition: rule.id, action: action.type, from: state, to,
    nationalStatus: { from: nationalStatusOf(state), to: nationalStatusOf(to) },
    ...rule.outputs(context),
  };
}

/**
 * `transition` for services: returns the outcome or throws the typed bilingual error
 * (`INVALID_TRANSITION` with `details.allowed`, or `BAD_USER_INPUT` naming the field).
 *
 * @example const outcome = applyTransition(dossier.state, { type: DossierAction.FORWARD }, ctx);
 */
export function applyTransition(state: DossierState, action: ActionInput, context: LifecycleContext): TransitionOutcome {
  const result = transition(state, action, context);
  if (result.ok) return result;
  if (result.code === 'BAD_USER_INPUT') throw AppError.badInput(result.field, result.reason);
  throw new AppError('INVALID_TRANSITION', { reason: result.reason }, { state: result.state, action: result.action, allowed: result.allowed });
}
