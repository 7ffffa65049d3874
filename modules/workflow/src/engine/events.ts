/**
 * The events the engine publishes through the outbox (delivered after commit, at least once;
 * handlers are idempotent by event id). Instants are ISO-8601 strings (UTC).
 */
import { defineEvent } from '@motcua/kernel/contract';
import type { StepAction } from '../processes/definition.js';
import type { Timeliness } from '../clock/deadline.js';

/** What every task event says about where it happened. */
export interface TaskEventBase {
  taskId: string;
  instanceId: string;
  processId: string;
  processVersion: number;
  subjectType: string;
  subjectId: string;
  stepCode: string;
  roleKey: string;
  unitId: string;
  assigneeId: string | null;
  dueAt: string;
}

/** A step was entered and its task created (a JOIN only once every branch arrived). */
export const StepEntered = defineEvent<TaskEventBase & { enteredAt: string }>('workflow.StepEntered');

/** A task was completed with an action; `timeliness` judges the step against its quota (null for a zero quota). */
export const StepCompleted = defineEvent<TaskEventBase & {
  action: StepAction; to: string[]; actorId: string; comment: string | null; completedAt: string; timeliness: Timeliness | null;
}>('workflow.StepCompleted');

/** A task reached the due-soon share of its quota. */
export const TaskDueSoon = defineEvent<TaskEventBase>('workflow.TaskDueSoon');

/** A task passed its due instant. */
export const TaskOverdue = defineEvent<TaskEventBase>('workflow.TaskOverdue');

/**
 * A task stayed overdue past the grace: the unit leader (`escalateToRoleKey` in `unitId`) is
 * notified and sees it in the ESCALATED inbox, where holders of `task.assign` can reassign it.
 */
export const TaskEscalated = defineEvent<TaskEventBase & { escalateToRoleKey: string }>('workflow.TaskEscalated');

/** An instance finished with COMPLETE. */
export const InstanceCompleted = defineEvent<{
  instanceId: string; processId: string; processVersion: number; subjectType: string; subjectId: string; completedAt: string; actorId: string;
}>('workflow.InstanceCompleted');

/** What the subject's owner (the dossiers module) must react to. */
export enum SubjectActionKind {
  /** Pause the dossier clock, send Mẫu 02; then call `resumeInstance`. */
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  /** A refusal is proposed (the refusal notice follows the deciding step). */
  REFUSAL_PROPOSED = 'REFUSAL_PROPOSED',
  /** The result was signed at a step. */
  SIGNED = 'SIGNED',
  /** Processing ended: the result is ready to return. */
  COMPLETED = 'COMPLETED',
}

/** An action at a step that the subject's owner must react to. */
export const SubjectActionRequired = defineEvent<{
  kind: SubjectActionKind; instanceId: string; taskId: string; subjectType: string; subjectId: string; stepCode: string;
  actorId: string; comment: string | null; at: string;
}>('workflow.SubjectActionRequired');
