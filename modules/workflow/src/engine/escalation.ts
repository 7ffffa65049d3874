/**
 * Escalation: a recurring job (leased through the kernel's job runner, so one replica runs
 * each sweep) fires, for every open task whose next threshold has passed, each threshold
 * crossed since in order: due soon (the configured share of the step's quota), overdue (the
 * due instant), escalated (the configured grace of working time after it). Each fires once:
 * the level is written with a check on the level read, and the task's version is left alone
 * so an officer acting on it at the same moment is not refused.
 *
 * Escalation notifies rather than reassigns: TaskEscalated names the unit and the role to
 * tell (UNIT_LEADER), and the task shows in the ESCALATED inbox of whoever may assign work in
 * its unit (`task.assign`), who can reassign it. Taking work away automatically would hide
 * who was late and could hand it to someone already overloaded.
 */
import type { EntityManager } from '@mikro-orm/knex';
import type { JobDefinition, WorkContext } from '@motcua/kernel/contract';
import { publish } from '@motcua/kernel/contract';
import { taskEventBase } from './engine.js';
import { TaskDueSoon, TaskEscalated, TaskOverdue } from './events.js';
import { EscalationLevel, Task, TaskStatus } from './task.entity.js';

export const ESCALATION_JOB = 'workflow.escalations';
/** How often the sweep runs. */
export const ESCALATION_EVERY_MS = 60_000;
const BATCH = 500;
const LEADER_ROLE = 'UNIT_LEADER';

/** The thresholds of a task, in level order. */
function thresholds(task: Task): Array<[EscalationLevel, number]> {
  return [[EscalationLevel.DUE_SOON, task.dueSoonAt], [EscalationLevel.OVERDUE, task.dueAt], [EscalationLevel.ESCALATED, task.escalateAt]];
}

/** Fires the thresholds one task has crossed by `now`; false when someone changed its level or closed it meanwhile. */
async function escalateTask(em: EntityManager, task: Task, now: Date): Promise<boolean> {
  const crossed = thresholds(task).filter(([level, at]) => level > task.escalationLevel && at <= now.getTime());
  if (!crossed.length) return false;
  const level = crossed[crossed.length - 1][0];
  const next = thresholds(task).find(([l]) => l > level)?.[1] ?? null;
  const updated = await em.nativeUpdate(Task, { id: task.id, status: TaskStatus.OPEN, escalationLevel: task.escalationLevel }, { escalationLevel: level, nextEscalationAt: next });
  if (!updated) return false;
  const base = taskEventBase(task);
  for (const [crossedLevel] of crossed) {
    if (crossedLevel === EscalationLevel.DUE_SOON) publish(em, TaskDueSoon, base, now);
    if (crossedLevel === EscalationLevel.OVERDUE) publish(em, TaskOverdue, base, now);
    if (crossedLevel === EscalationLevel.ESCALATED) publish(em, TaskEscalated, { ...base, escalateToRoleKey: LEADER_ROLE }, now);
  }
  return true;
}

/**
 * One sweep: the open tasks whose next threshold has passed, oldest first, in batches.
 * Returns how many tasks changed level.
 */
export async function sweepEscalations({ em, clock }: Pick<WorkContext, 'em' | 'clock'>): Promise<number> {
  const now = clock.now();
  let changed = 0;
  for (;;) {
    const due = await em.find(Task, { status: TaskStatus.OPEN, nextEscalationAt: { $lte: now.getTime() } }, { orderBy: { nextEscalationAt: 'asc', id: 'asc' }, limit: BATCH, disableIdentityMap: true });
    let batchChanged = 0;
    for (const task of due) if (await escalateTask(em, task, now)) batchChanged++;
    await em.flush();
    changed += batchChanged;
    if (due.length < BATCH || !batchChanged) return changed;
  }
}

/** The recurring sweep, registered in the module definition. */
export const escalationJob: JobDefinition<null> = {
  name: ESCALATION_JOB,
  every: ESCALATION_EVERY_MS,
  handle: async (_, ctx) => {
    const changed = await sweepEscalations(ctx);
    if (changed) ctx.log.info({ changed }, 'workflow escalations');
  },
};
