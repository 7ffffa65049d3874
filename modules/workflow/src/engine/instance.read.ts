import type { EntityManager } from '@mikro-orm/knex';
import { AppError } from '@motcua/kernel/contract';
import { ProcessVersion } from '../definitions/process.entity.js';
import type { StepTransition } from '../processes/definition.js';
import { InstanceStatus, ProcessInstance } from './instance.entity.js';
import { type EscalationLevel, Task, TaskStatus } from './task.entity.js';

/** An open task as the subject's owner sees it: who acts, by when, and what can be done. */
export interface TaskState {
  id: string;
  /** Pass it to `actOnTask` so a concurrent change is a CONFLICT. */
  version: number;
  stepCode: string;
  stepName: string;
  roleKey: string;
  unitId: string;
  assigneeId: string | null;
  enteredAt: Date;
  dueAt: Date;
  escalationLevel: EscalationLevel;
  allowedActions: StepTransition[];
}

/** Where an instance stands. */
export interface InstanceState {
  id: string;
  processId: string;
  processVersion: number;
  subjectType: string;
  subjectId: string;
  status: InstanceStatus;
  /** While WAITING: where `resumeInstance` continues. */
  resumeStepCode: string | null;
  startedAt: Date;
  completedAt: Date | null;
  openTasks: TaskState[];
}

async function stateOf(em: EntityManager, instance: ProcessInstance): Promise<InstanceState> {
  const tasks = await em.find(Task, { instanceId: instance.id, status: TaskStatus.OPEN }, { orderBy: { dueAt: 'asc', id: 'asc' }, disableIdentityMap: true });
  const version = await em.findOneOrFail(ProcessVersion, { id: instance.processVersionId }, { disableIdentityMap: true });
  const transitions = new Map(version.steps.map((step) => [step.code, step.transitions]));
  return {
    id: instance.id, processId: instance.processId, processVersion: instance.processVersion, subjectType: instance.subjectType, subjectId: instance.subjectId,
    status: instance.status, resumeStepCode: instance.resumeStepCode ?? null, startedAt: instance.startedAt, completedAt: instance.completedAt ?? null,
    openTasks: tasks.map((task) => ({
      id: task.id, version: task.version, stepCode: task.stepCode, stepName: task.stepName, roleKey: task.roleKey, unitId: task.unitId,
      assigneeId: task.assigneeId ?? null, enteredAt: new Date(task.enteredAt), dueAt: new Date(task.dueAt), escalationLevel: task.escalationLevel,
      allowedActions: (transitions.get(task.stepCode) ?? []).map((t) => ({ action: t.action, to: t.to ?? [] })),
    })),
  };
}

/**
 * An instance's state: status, and its open tasks with their allowed actions.
 *
 * @example
 * const { status, openTasks } = await readInstance(em, instanceId);
 * openTasks[0].allowedActions; // [{ action: 'FORWARD', to: ['TRINH'] }, { action: 'RETURN', to: ['THU_LY'] }]
 */
export async function readInstance(em: EntityManager, instanceId: string): Promise<InstanceState> {
  const instance = await em.findOne(ProcessInstance, { id: instanceId });
  if (!instance) throw AppError.notFound({ vi: 'phiên xử lý quy trình', en: 'Process instance' }, instanceId);
  return stateOf(em, instance);
}

/** The latest instance run for a subject, or null. */
export async function instanceOfSubject(em: EntityManager, subjectType: string, subjectId: string): Promise<InstanceState | null> {
  const instance = await em.findOne(ProcessInstance, { subjectType, subjectId }, { orderBy: { startedAt: 'desc', id: 'desc' } });
  return instance ? stateOf(em, instance) : null;
}
