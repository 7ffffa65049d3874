import type { EntityManager } from '@mikro-orm/knex';
import { publish, uuid7 } from '@motcua/kernel/contract';
import { DossierTransitioned } from '../events.js';
import type { TransitionOutcome } from '../lifecycle/machine.js';
import { queuePortalSync } from '../portal/sync-job.js';
import { type Dossier, ProcessLogLine } from './dossier.entity.js';
import { milestonesAfter } from './milestones.js';

/** Who acted and what the process log says about it. */
export interface TransitionRecord {
  actor: { id?: string; name: string; title?: string; unitName?: string };
  /** The process-log text (`NoiDungXuLy`), e.g. "Yêu cầu bổ sung giấy khám sức khỏe". */
  content: string;
  /** The step this action belongs to, with its deadline (control sheet, `NgayKetThucTheoQuyDinh`). */
  stepStartedAt?: Date;
  stepDueAt?: Date;
  /** A due date the clock recomputed (receipt, supplement received, apology). The slip's original is kept apart. */
  dueAt?: Date;
  /** Action details for subscribers (missing items, reasons, new due date, return method…). */
  details?: Record<string, unknown>;
}

/**
 * Records a transition the state machine allowed, in the caller's transaction: the dossier's
 * state, national code and milestones, a process-log line, a national-portal delivery and the
 * `dossiers.Transitioned` event (evaluation, notifications). Carrying out the clock effect and
 * the forms is the caller's (workflow clock, form rendering); the dossier is flushed with the
 * caller's unit of work.
 *
 * @example
 * const outcome = applyTransition(dossier.state, input, context);
 * await recordTransition(ctx.em, dossier, outcome, { actor, content: 'Chuyển xử lý' }, ctx.clock.now());
 */
export async function recordTransition(em: EntityManager, dossier: Dossier, outcome: TransitionOutcome, record: TransitionRecord, now: Date): Promise<ProcessLogLine> {
  const milestones = milestonesAfter(
    { receivedAt: dossier.receivedAt ?? null, finishedAt: dossier.finishedAt ?? null, returnedAt: dossier.returnedAt ?? null, refusedAt: dossier.refusedAt ?? null },
    outcome,
    now,
  );
  Object.assign(dossier, milestones, { state: outcome.to, nationalStatus: outcome.nationalStatus.to });
  if (record.dueAt) {
    dossier.originalDueAt ??= record.dueAt;
    dossier.dueAt = record.dueAt;
  }
  const line = em.create(ProcessLogLine, {
    id: uuid7(now.getTime()), dossierId: dossier.id, at: now, actorName: record.actor.name, actorTitle: record.actor.title ?? null,
    unitName: record.actor.unitName ?? null, content: record.content, nationalStatus: outcome.nationalStatus.to ?? 0,
    stepStartedAt: record.stepStartedAt ?? null, stepDueAt: record.stepDueAt ?? null,
  });
  if (outcome.nationalStatus.to !== null) await queuePortalSync(em, dossier.id, now);
  publish(em, DossierTransitioned, {
    dossierId: dossier.id, code: dossier.code ?? null, transition: outcome.transition, action: outcome.action, from: outcome.from, to: outcome.to,
    nationalStatus: outcome.nationalStatus, clock: outcome.clock, forms: outcome.forms, events: outcome.events, flags: outcome.flags,
    actorId: record.actor.id ?? null, at: now.toISOString(), dueAt: dossier.dueAt?.toISOString() ?? null, details: record.details ?? {},
  }, now);
  return line;
}
