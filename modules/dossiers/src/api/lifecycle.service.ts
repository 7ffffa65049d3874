import { recordDossierFact, type DossierFact } from '@motcua/evaluation/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { AppError, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import {
  type ClockKey, extendSubjectClock, InstanceStatus, PauseReason, pauseSubjectClock, readInstance, readSubjectClock, resumeSubjectClock, stopSubjectClock,
  type Timeliness,
} from '@motcua/workflow/contract';
import { localDay } from '../code/dossier-code.js';
import { Dossier } from '../dossier/dossier.entity.js';
import { recordTransition, type TransitionRecord } from '../dossier/record-transition.js';
import { type ActionInput, ClockEffect, DossierEventName, type LifecycleContext } from '../lifecycle/actions.js';
import { applyTransition, type TransitionOutcome } from '../lifecycle/machine.js';
import { LIFECYCLE_RULES, lifecycleRulesFor, type LifecycleRules } from '../lifecycle/rules.js';
import type { DossierState } from '../lifecycle/states.js';

export const DOSSIER_ENTITY = { vi: 'Hồ sơ', en: 'Dossier' };
/** The workflow subject type of a dossier (its clock and its process instance). */
export const SUBJECT_TYPE = 'Dossier';

/** The statutory clock of a dossier. */
export const clockKeyOf = (dossier: Pick<Dossier, 'id'>): ClockKey => ({ subjectType: SUBJECT_TYPE, subjectId: dossier.id });

/** A dossier by id, for a change in this transaction (NOT_FOUND otherwise). */
export async function dossierOrFail(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await ctx.em.findOne(Dossier, { id });
  if (!dossier) throw AppError.notFound(DOSSIER_ENTITY, id);
  return dossier;
}

/** The rule set the dossier is judged by: the one recorded at receipt, else the one in force now. */
export function rulesOf(dossier: Dossier, now: Date): LifecycleRules {
  return LIFECYCLE_RULES.find((rules) => rules.version === dossier.rulesVersion) ?? lifecycleRulesFor(localDay(now));
}

/** Supplement requests made during processing (after receipt). */
export const processingSupplements = (dossier: Dossier) => (dossier.supplements ?? []).filter((s) => !s.beforeReceipt);

/**
 * The facts the state machine's guards read, gathered from the dossier, its clock and its
 * process instance. `componentsPresent` is the caller's (only submission and receipt check it).
 */
export async function lifecycleContext(ctx: RequestContext, dossier: Dossier, componentsPresent = true): Promise<LifecycleContext> {
  const now = ctx.clock.now();
  const instance = dossier.processInstanceId ? await readInstance(ctx.em, dossier.processInstanceId) : null;
  return {
    now, rules: rulesOf(dossier, now), dueAt: dossier.dueAt ?? null, clockStarted: dossier.limit != null, boundaryFree: dossier.boundaryFree,
    apologiesIssued: dossier.apologies?.length ?? 0, supplementRequests: processingSupplements(dossier).length, supplementDeadlinePassed: false,
    requiredComponentsPresent: componentsPresent, workflowAtEnd: instance?.status === InstanceStatus.COMPLETED, resultSigned: (dossier.signatures?.length ?? 0) >= 2,
  };
}

/** Carries out a transition's clock effect on the dossier's statutory clock; returns the judgement when it stops. */
async function applyClockEffect(ctx: RequestContext, dossier: Dossier, outcome: TransitionOutcome, input: ActionInput): Promise<Timeliness | null> {
  const key = clockKeyOf(dossier);
  const at = ctx.clock.now();
  const actorId = ctx.principal?.userId ?? null;
  switch (outcome.clock) {
    case ClockEffect.PAUSE: {
      const reason = input.type === 'REQUIRE_PAYMENT' ? PauseReason.FINANCIAL_OBLIGATION : PauseReason.SUPPLEMENT_REQUESTED;
      await pauseSubjectClock(ctx.em, key, { at, reason, actorId });
      return null;
    }
    case ClockEffect.RESUME:
      dossier.dueAt = (await resumeSubjectClock(ctx.em, key, { at })).ledger.dueAt;
      return null;
    case ClockEffect.EXTEND: {
      const { newDueAt, reason } = input as Extract<ActionInput, { type: 'ISSUE_APOLOGY' }>;
      dossier.dueAt = (await extendSubjectClock(ctx.em, key, { requestedAt: at, dueAt: newDueAt, reason, actorId })).ledger.dueAt;
      return null;
    }
    case ClockEffect.STOP:
      return (await readSubjectClock(ctx.em, key)) ? (await stopSubjectClock(ctx.em, key, { end: at })).timeliness : null;
    default:
      return null; // START is the receipt's, at the desk or the competent agency (it needs the offering's limit); NONE does nothing.
  }
}

/** Where a fact is attributed: the unit when it belongs to the competent agency, else the agency itself. */
export async function attributionUnit(ctx: RequestContext, dossier: Dossier, unitId: string | null | undefined): Promise<string> {
  if (!unitId || unitId === dossier.agencyId) return dossier.agencyId!;
  const unit = await agencyUnitOrFail(ctx.em, unitId);
  return unit.path.includes(`/${dossier.agencyId}/`) ? unit.id : dossier.agencyId!;
}

type FactBody = DossierFact extends infer F ? (F extends DossierFact ? Omit<F, 'dossierId' | 'agencyId' | 'procedureId' | 'occurredAt' | 'unitId' | 'officerId'> : never) : never;

/** Records an evaluation fact about the dossier in this transaction. */
export async function recordFact(ctx: RequestContext, dossier: Dossier, body: FactBody, unitId?: string | null): Promise<void> {
  const now = ctx.clock.now();
  await recordDossierFact(ctx.em, {
    ...body, dossierId: dossier.id, agencyId: dossier.agencyId!, procedureId: dossier.procedureId!, unitId: await attributionUnit(ctx, dossier, unitId),
    officerId: ctx.principal?.kind === 'STAFF' ? ctx.principal.userId : null, occurredAt: now.toISOString(),
  } as DossierFact, now);
}

/** The evaluation facts of the transition's domain events (RECEIVED and STEP_COMPLETED are their callers', who know more). */
async function recordOutcomeFacts(ctx: RequestContext, dossier: Dossier, outcome: TransitionOutcome, stopped: Timeliness | null): Promise<void> {
  for (const event of outcome.events) {
    if (event === DossierEventName.SUPPLEMENT_REQUESTED) await recordFact(ctx, dossier, { kind: 'SUPPLEMENT_REQUESTED', contactPoint: 'ONE_STOP_DESK', applicantFault: false });
    if (event === DossierEventName.SUPPLEMENT_RECEIVED) await recordFact(ctx, dossier, { kind: 'SUPPLEMENT_RECEIVED' });
    if (event === DossierEventName.APOLOGY_ISSUED) await recordFact(ctx, dossier, { kind: 'APOLOGY_ISSUED' });
    if (event === DossierEventName.DONE) await recordFact(ctx, dossier, { kind: 'DONE', timeliness: stopped ?? 'ON_TIME' });
    if (event === DossierEventName.RETURNED) await recordFact(ctx, dossier, { kind: 'RETURNED' });
  }
}

/**
 * Applies one lifecycle action to a dossier in the mutation's transaction: the state machine
 * decides (INVALID_TRANSITION with the allowed actions otherwise), the clock effect is carried
 * out, the transition recorded (state, national code, log, portal sync, event), and the
 * evaluation facts published. Nothing is written when the action is refused.
 *
 * @example
 * const outcome = await act(ctx, dossier, { type: DossierAction.WITHDRAW }, { content: 'Công dân rút hồ sơ' });
 */
export async function act(
  ctx: RequestContext, dossier: Dossier, input: ActionInput, record: Partial<TransitionRecord> & { content: string }, options: { componentsPresent?: boolean } = {},
): Promise<TransitionOutcome> {
  const outcome = applyTransition(dossier.state as DossierState, input, await lifecycleContext(ctx, dossier, options.componentsPresent));
  const stopped = await applyClockEffect(ctx, dossier, outcome, input);
  if (stopped && outcome.events.includes(DossierEventName.DONE)) dossier.timeliness = stopped;
  await recordTransition(ctx.em, dossier, outcome, { actor: actorOf(ctx), ...record }, ctx.clock.now());
  await recordOutcomeFacts(ctx, dossier, outcome, stopped);
  return outcome;
}

/** The signed-in caller as the process log names them. */
export function actorOf(ctx: RequestContext): TransitionRecord['actor'] {
  const principal = requirePrincipal(ctx);
  return { id: principal.userId, name: principal.fullName };
}
