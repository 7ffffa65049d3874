/**
 * The process engine: runs instances of published process versions for a subject (the
 * dossiers module drives it through the contract). Every call runs in the caller's
 * transaction and flushes; a task is acted on under its version (optimistic lock), so of two
 * officers acting at once one succeeds and the other gets CONFLICT with nothing written.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { OptimisticLockError } from '@mikro-orm/core';
import { agencyUnitOrFail, roleHoldingsOf } from '@motcua/identity/contract';
import { AppError, publish, uuid7 } from '@motcua/kernel/contract';
import { startClock } from '../clock/ledger.js';
import { countWorkingTime, consumeWorkingTime, nextWorkingInstant } from '../clock/walk.js';
import { MINUTE_MS } from '../clock/zone.js';
import { putClock, stopSubjectClock } from '../clocks/subject-clock.store.js';
import { type ProcessStep, SPLIT_ACTIONS, StepAction, StepKind } from '../processes/definition.js';
import { type DefinitionRun, findProcess, joinOf, loadRun, stepOf, targetsFor } from './definition-run.js';
import { InstanceCompleted, StepCompleted, StepEntered, SubjectActionKind, SubjectActionRequired, type TaskEventBase } from './events.js';
import { InstanceStatus, ProcessInstance } from './instance.entity.js';
import { reaches } from './routing.js';
import { EscalationLevel, Task, TaskStatus } from './task.entity.js';

const TASK_ENTITY = { vi: 'công việc', en: 'Task' };
const INSTANCE_ENTITY = { vi: 'phiên xử lý quy trình', en: 'Process instance' };

const conflict = (vi: string, en: string) => AppError.conflict({ vi, en });
const iso = (ms: number) => new Date(ms).toISOString();

/** What a task event says about the task. */
export function taskEventBase(task: Task): TaskEventBase {
  return {
    taskId: task.id, instanceId: task.instanceId, processId: task.processId, processVersion: task.processVersion, subjectType: task.subjectType,
    subjectId: task.subjectId, stepCode: task.stepCode, roleKey: task.roleKey, unitId: task.unitId, assigneeId: task.assigneeId ?? null, dueAt: iso(task.dueAt),
  };
}

/** Due, due-soon and escalation instants of a step entered at `now`, from its quota on the process calendar. */
function stepTimes(run: DefinitionRun, step: ProcessStep, now: Date) {
  const { calendar } = run;
  if (!(step.quota.value > 0)) {
    const at = nextWorkingInstant(calendar, now.getTime());
    return { ledger: null, dueAt: at, dueSoonAt: at, escalateAt: at };
  }
  const ledger = startClock(calendar, { receivedAt: now, limit: step.quota });
  const [start, due] = [ledger.effectiveStart.getTime(), ledger.dueAt!.getTime()];
  const { dueSoonShare, graceMinutes } = run.version.escalation;
  const span = countWorkingTime(calendar, start, due, []).countedMs;
  return {
    ledger, dueAt: due,
    dueSoonAt: consumeWorkingTime(calendar, start, span * dueSoonShare, []).endsAt,
    escalateAt: consumeWorkingTime(calendar, due, graceMinutes * MINUTE_MS, []).endsAt,
  };
}

/**
 * Enters a step: at a JOIN still waiting for parallel branches it only counts the arrival;
 * otherwise it creates the task, starts the step's clock and publishes StepEntered.
 */
async function enterStep(em: EntityManager, run: DefinitionRun, instance: ProcessInstance, code: string, now: Date): Promise<Task | null> {
  const step = stepOf(run, code);
  const join = instance.joins[code];
  if (step.kind === StepKind.JOIN && join) {
    const { [code]: _, ...others } = instance.joins;
    instance.joins = join.arrived + 1 < join.expected ? { ...others, [code]: { ...join, arrived: join.arrived + 1 } } : others;
    if (join.arrived + 1 < join.expected) return null;
  }
  const unit = step.actor.unitId ? await agencyUnitOrFail(em, step.actor.unitId) : { id: run.process.agencyId, path: run.process.agencyPath };
  const times = stepTimes(run, step, now);
  const task = em.create(Task, {
    id: uuid7(now.getTime()), instanceId: instance.id, processId: run.process.id, processVersion: run.version.number, agencyId: run.process.agencyId,
    subjectType: instance.subjectType, subjectId: instance.subjectId, stepCode: step.code, stepName: step.name, roleKey: step.actor.roleKey,
    unitId: unit.id, unitPath: unit.path, assigneeId: step.actor.userId ?? null, status: TaskStatus.OPEN, timezone: run.calendar.timezone,
    enteredAt: now.getTime(), dueAt: times.dueAt, dueSoonAt: times.dueSoonAt, escalateAt: times.escalateAt,
    nextEscalationAt: times.ledger ? times.dueSoonAt : null, escalationLevel: EscalationLevel.NONE, version: 1,
  });
  if (times.ledger) await putClock(em, { subjectType: instance.subjectType, subjectId: instance.subjectId, stepCode: step.code }, times.ledger);
  publish(em, StepEntered, { ...taskEventBase(task), enteredAt: now.toISOString() }, now);
  return task;
}

async function enterSteps(em: EntityManager, run: DefinitionRun, instance: ProcessInstance, codes: string[], now: Date): Promise<Task[]> {
  const tasks: Task[] = [];
  for (const code of codes) {
    const task = await enterStep(em, run, instance, code, now);
    if (task) tasks.push(task);
  }
  return tasks;
}

/** Flushes, turning a concurrent change of the instance (two branches at a join) into CONFLICT. */
async function flushOrConflict(em: EntityManager): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw conflict('phiên xử lý vừa được người khác thay đổi; hãy thử lại', 'someone else just changed this instance; try again');
    throw error;
  }
}

export interface StartInstanceInput {
  /** The process by id, or by `agencyId` + `processCode`. */
  processId?: string | null;
  agencyId?: string | null;
  processCode?: string | null;
  subjectType: string;
  subjectId: string;
  now: Date;
}

/**
 * Starts an instance of the process's published version for a subject and enters its start
 * step. Refused while the subject has a running or waiting instance.
 */
export async function startInstance(em: EntityManager, input: StartInstanceInput): Promise<{ instance: ProcessInstance; tasks: Task[] }> {
  const process = await findProcess(em, input);
  if (!process.publishedVersion) throw new AppError('INVALID_TRANSITION', { reason: { vi: `quy trình ${process.code} chưa ban hành`, en: `process ${process.code} is not published` } });
  const active = await em.count(ProcessInstance, { subjectType: input.subjectType, subjectId: input.subjectId, status: { $in: [InstanceStatus.RUNNING, InstanceStatus.WAITING] } });
  if (active) throw conflict(`${input.subjectType} ${input.subjectId} đang được xử lý theo quy trình`, `${input.subjectType} ${input.subjectId} already has a running instance`);
  const run = await loadRun(em, process, process.publishedVersion);
  const instance = em.create(ProcessInstance, {
    id: uuid7(input.now.getTime()), processId: process.id, processVersionId: run.version.id, processVersion: run.version.number, agencyId: process.agencyId,
    subjectType: input.subjectType, subjectId: input.subjectId, status: InstanceStatus.RUNNING, joins: {}, startedAt: input.now,
  });
  const tasks = await enterSteps(em, run, instance, [run.definition.startStepCode], input.now);
  await flushOrConflict(em);
  return { instance, tasks };
}

/** A task, read without joining the unit of work (its changes go through {@link lockTask}). */
export async function taskOrFail(em: EntityManager, taskId: string): Promise<Task> {
  const task = await em.findOne(Task, { id: taskId }, { disableIdentityMap: true });
  if (!task) throw AppError.notFound(TASK_ENTITY, taskId);
  return task;
}

/**
 * Writes changes to an open task under its version: the row is updated only if nobody changed
 * it since it was read, else CONFLICT. The one place task rows change on behalf of people.
 */
export async function lockTask(em: EntityManager, task: Task, changes: Partial<Task>, expectedVersion?: number | null): Promise<Task> {
  const stale = () => conflict('công việc vừa được người khác xử lý; hãy tải lại', 'someone else just acted on this task; reload it');
  if (task.status !== TaskStatus.OPEN) throw conflict(`công việc đã ${task.status === TaskStatus.COMPLETED ? 'hoàn thành' : 'bị huỷ'}`, `the task is ${task.status.toLowerCase()}`);
  if (expectedVersion != null && expectedVersion !== task.version) throw stale();
  const next = { ...changes, version: task.version + 1 };
  const updated = await em.nativeUpdate(Task, { id: task.id, version: task.version, status: TaskStatus.OPEN }, next);
  if (!updated) throw stale();
  return Object.assign(task, next);
}

/** Whether a user may act on a task: its assignee, or, while unassigned, a holder of its role who reaches its unit. */
export async function mayAct(em: EntityManager, task: Task, userId: string): Promise<boolean> {
  if (task.assigneeId) return task.assigneeId === userId;
  return holdsRoleFor(em, task, userId);
}

/** Whether the user holds the task's role in a unit that reaches the task's unit. */
export async function holdsRoleFor(em: EntityManager, task: Pick<Task, 'roleKey' | 'unitPath'>, userId: string): Promise<boolean> {
  return (await roleHoldingsOf(em, userId)).some((h) => h.roleKey === task.roleKey && reaches(h, task.unitPath));
}

async function instanceOrFail(em: EntityManager, id: string): Promise<ProcessInstance> {
  const instance = await em.findOne(ProcessInstance, { id });
  if (!instance) throw AppError.notFound(INSTANCE_ENTITY, id);
  return instance;
}

/** Withdraws the instance's other open tasks (a RETURN, a supplement or COMPLETE ends every branch). */
async function cancelOpenTasks(em: EntityManager, instance: ProcessInstance, except: string | null): Promise<void> {
  await em.nativeUpdate(Task, { instanceId: instance.id, status: TaskStatus.OPEN, ...(except ? { id: { $ne: except } } : {}) }, { status: TaskStatus.CANCELLED, nextEscalationAt: null });
  instance.joins = {};
}

export interface ActInput {
  taskId: string;
  /** The version the actor saw; a newer one is CONFLICT. */
  version?: number | null;
  action: StepAction;
  /** The chosen target step where the action offers several. */
  to?: string[] | null;
  comment?: string | null;
  actorId: string;
  now: Date;
}

export interface ActResult {
  task: Task;
  instance: ProcessInstance;
  /** Tasks created by the move (none at a JOIN still waiting, after COMPLETE, or while waiting for a supplement). */
  entered: Task[];
}

const SUBJECT_ACTIONS: Partial<Record<StepAction, SubjectActionKind>> = {
  [StepAction.REQUEST_SUPPLEMENT]: SubjectActionKind.SUPPLEMENT_REQUESTED,
  [StepAction.PROPOSE_REFUSAL]: SubjectActionKind.REFUSAL_PROPOSED,
  [StepAction.SIGN]: SubjectActionKind.SIGNED,
  [StepAction.COMPLETE]: SubjectActionKind.COMPLETED,
};

/**
 * Acts on a task: completes it with the action (judging the step's clock) and moves the
 * instance on; SIGN without a target records the signature and leaves the task open.
 */
export async function actOnTask(em: EntityManager, input: ActInput): Promise<ActResult> {
  const task = await taskOrFail(em, input.taskId);
  if (!(await mayAct(em, task, input.actorId))) throw AppError.forbidden('act', 'Task');
  const instance = await instanceOrFail(em, task.instanceId);
  const run = await loadRun(em, await findProcess(em, { processId: task.processId }), task.processVersion);
  const step = stepOf(run, task.stepCode);
  const targets = targetsFor(step, input.action, input.to ?? []);
  const comment = input.comment?.trim() ? input.comment.trim().slice(0, 4000) : null;
  const signOnly = input.action === StepAction.SIGN && !targets.length;
  if (signOnly) {
    await lockTask(em, task, { assigneeId: task.assigneeId ?? input.actorId }, input.version);
  } else {
    await lockTask(em, task, {
      status: TaskStatus.COMPLETED, assigneeId: task.assigneeId ?? input.actorId, completedAt: input.now.getTime(), completedBy: input.actorId,
      action: input.action, comment, nextEscalationAt: null,
    }, input.version);
    const key = { subjectType: task.subjectType, subjectId: task.subjectId, stepCode: task.stepCode };
    task.timeliness = step.quota.value > 0 ? (await stopSubjectClock(em, key, { end: input.now })).timeliness : null;
    if (task.timeliness) await em.nativeUpdate(Task, { id: task.id }, { timeliness: task.timeliness });
    publish(em, StepCompleted, {
      ...taskEventBase(task), action: input.action, to: targets, actorId: input.actorId, comment, completedAt: input.now.toISOString(), timeliness: task.timeliness,
    }, input.now);
  }
  const kind = SUBJECT_ACTIONS[input.action];
  if (kind) {
    publish(em, SubjectActionRequired, {
      kind, instanceId: instance.id, taskId: task.id, subjectType: task.subjectType, subjectId: task.subjectId, stepCode: task.stepCode,
      actorId: input.actorId, comment, at: input.now.toISOString(),
    }, input.now);
  }
  const entered = signOnly ? [] : await move(em, run, instance, step, input, targets);
  await flushOrConflict(em);
  return { task, instance, entered };
}

/** Moves the instance on after a completed task. */
async function move(em: EntityManager, run: DefinitionRun, instance: ProcessInstance, step: ProcessStep, input: ActInput, targets: string[]): Promise<Task[]> {
  switch (input.action) {
    case StepAction.COMPLETE:
      await cancelOpenTasks(em, instance, null);
      Object.assign(instance, { status: InstanceStatus.COMPLETED, completedAt: input.now });
      publish(em, InstanceCompleted, {
        instanceId: instance.id, processId: instance.processId, processVersion: instance.processVersion, subjectType: instance.subjectType,
        subjectId: instance.subjectId, completedAt: input.now.toISOString(), actorId: input.actorId,
      }, input.now);
      return [];
    case StepAction.REQUEST_SUPPLEMENT:
      await cancelOpenTasks(em, instance, null);
      Object.assign(instance, { status: InstanceStatus.WAITING, resumeStepCode: targets[0] ?? step.code });
      return [];
    case StepAction.RETURN:
      await cancelOpenTasks(em, instance, null);
      return enterSteps(em, run, instance, targets, input.now);
    default:
      if (step.kind === StepKind.PARALLEL_SPLIT && SPLIT_ACTIONS.has(input.action)) {
        const join = joinOf(run, step);
        if (join) instance.joins = { ...instance.joins, [join]: { expected: targets.length, arrived: 0 } };
      }
      return enterSteps(em, run, instance, targets, input.now);
  }
}

/** Continues an instance waiting for its subject (the supplement arrived) at the step the request named. */
export async function resumeInstance(em: EntityManager, input: { instanceId: string; now: Date }): Promise<{ instance: ProcessInstance; tasks: Task[] }> {
  const instance = await instanceOrFail(em, input.instanceId);
  if (instance.status !== InstanceStatus.WAITING) throw new AppError('INVALID_TRANSITION', { reason: { vi: 'phiên xử lý không chờ bổ sung', en: 'the instance is not waiting for its subject' } });
  const run = await loadRun(em, await findProcess(em, { processId: instance.processId }), instance.processVersion);
  const resumeAt = instance.resumeStepCode ?? run.definition.startStepCode;
  Object.assign(instance, { status: InstanceStatus.RUNNING, resumeStepCode: null });
  const tasks = await enterSteps(em, run, instance, [resumeAt], input.now);
  await flushOrConflict(em);
  return { instance, tasks };
}

/** Stops an instance (the dossier was withdrawn or refused at intake): open tasks are cancelled. */
export async function cancelInstance(em: EntityManager, input: { instanceId: string; now: Date }): Promise<ProcessInstance> {
  const instance = await instanceOrFail(em, input.instanceId);
  if (instance.status === InstanceStatus.COMPLETED || instance.status === InstanceStatus.CANCELLED) {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: 'phiên xử lý đã kết thúc', en: 'the instance has ended' } });
  }
  await cancelOpenTasks(em, instance, null);
  Object.assign(instance, { status: InstanceStatus.CANCELLED, completedAt: input.now });
  await flushOrConflict(em);
  return instance;
}
