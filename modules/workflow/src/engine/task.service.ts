import { AppError, appendAudit, asSubject, ensureCan, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import { actOnTask, type ActResult, holdsRoleFor, lockTask, taskOrFail } from './engine.js';
import type { Task } from './task.entity.js';
import type { AssignTaskInput, ClaimTaskInput, CompleteTaskInput } from './task.types.js';

async function audit(ctx: RequestContext, action: string, taskId: string, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType: 'Task', entityId: taskId, data }, ctx.clock.now());
}

/** A task the caller may see: theirs, open to their role, or in a unit where they assign work; else NOT_FOUND. */
export async function visibleTask(ctx: RequestContext, taskId: string): Promise<Task> {
  const { userId } = requirePrincipal(ctx);
  const task = await taskOrFail(ctx.em, taskId);
  const visible = task.assigneeId === userId || task.completedBy === userId || ctx.ability.can('assign', asSubject('Task', { unitId: task.unitId, unitPath: task.unitPath })) || (await holdsRoleFor(ctx.em, task, userId));
  if (!visible) throw AppError.notFound({ vi: 'công việc', en: 'Task' }, taskId);
  return task;
}

/** Takes an unassigned task of a role the caller holds in a unit that reaches it. */
export async function claimTask(ctx: RequestContext, input: ClaimTaskInput): Promise<Task> {
  const { userId } = requirePrincipal(ctx);
  const task = await taskOrFail(ctx.em, input.taskId);
  if (task.assigneeId && task.assigneeId !== userId) throw AppError.conflict({ vi: 'công việc đã được giao cho người khác', en: 'the task is already assigned to someone else' });
  if (!(await holdsRoleFor(ctx.em, task, userId))) throw AppError.forbidden('claim', 'Task');
  await lockTask(ctx.em, task, { assigneeId: userId }, input.version);
  await audit(ctx, 'workflow.task.claim', task.id, input);
  return task;
}

/** Assigns or reassigns a task (`task.assign` over its unit) to a holder of its role. */
export async function assignTask(ctx: RequestContext, input: AssignTaskInput): Promise<Task> {
  const task = await taskOrFail(ctx.em, input.taskId);
  ensureCan(ctx, 'assign', 'Task', { unitId: task.unitId, unitPath: task.unitPath });
  if (!(await holdsRoleFor(ctx.em, task, input.assigneeId))) {
    throw AppError.badInput('assigneeId', { vi: `người được giao không giữ vai trò ${task.roleKey} tại đơn vị của công việc`, en: `the assignee does not hold role ${task.roleKey} where the task is routed` });
  }
  await lockTask(ctx.em, task, { assigneeId: input.assigneeId }, input.version);
  await audit(ctx, 'workflow.task.assign', task.id, input);
  return task;
}

/** Completes a task with an allowed action (the caller must be its assignee, or hold its role while unassigned). */
export async function completeTask(ctx: RequestContext, input: CompleteTaskInput): Promise<ActResult> {
  const { userId } = requirePrincipal(ctx);
  const result = await actOnTask(ctx.em, { ...input, actorId: userId, now: ctx.clock.now() });
  await audit(ctx, 'workflow.task.complete', input.taskId, input);
  return result;
}
