import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { epochMs } from '@motcua/kernel/contract';
import { StepAction } from '../processes/definition.js';
import { Timeliness } from '../clock/deadline.js';

export enum TaskStatus {
  OPEN = 'OPEN',
  COMPLETED = 'COMPLETED',
  /** Withdrawn by the engine (a RETURN out of a parallel branch, a cancelled instance). */
  CANCELLED = 'CANCELLED',
}

/** How far a task has escalated; each level fires its event once. */
export enum EscalationLevel {
  NONE = 0,
  DUE_SOON = 1,
  OVERDUE = 2,
  ESCALATED = 3,
}

/**
 * One visit of an instance to a step: who may act (a role in a unit, or an assignee), the
 * step's due instant and how it ended. Instants are epoch milliseconds so the inbox and the
 * escalation sweep compare plain numbers on SQLite and PostgreSQL alike. `version` locks the
 * row optimistically: of two officers acting at once one succeeds, the other gets CONFLICT.
 *
 * The indexes are the inbox's filters followed by the due instant it sorts on.
 */
@Entity({ tableName: 'workflow_task' })
@Index({ name: 'workflow_task_assignee_inbox', properties: ['assigneeId', 'status', 'dueAt'] })
@Index({ name: 'workflow_task_role_inbox', properties: ['roleKey', 'unitId', 'status', 'dueAt'] })
@Index({ name: 'workflow_task_escalation', properties: ['status', 'nextEscalationAt'] })
export class Task {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  @Index()
  instanceId!: string;

  @Property({ type: 'uuid' })
  processId!: string;

  @Property()
  processVersion!: number;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ length: 50 })
  subjectType!: string;

  @Property({ length: 100 })
  subjectId!: string;

  @Property({ length: 50 })
  stepCode!: string;

  @Property({ length: 300 })
  stepName!: string;

  @Property({ length: 100 })
  roleKey!: string;

  /** The unit the task is routed to: the step's unit, else the process's agency. */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ length: 1000 })
  unitPath!: string;

  @Property({ type: 'uuid', nullable: true })
  assigneeId?: string | null;

  @Enum({ items: () => TaskStatus })
  status!: TaskStatus;

  /** Zone of the calendar the due instant counts on, for output. */
  @Property({ length: 64 })
  timezone!: string;

  @Property({ type: epochMs() })
  enteredAt!: number;

  @Property({ type: epochMs() })
  dueAt!: number;

  @Property({ type: epochMs() })
  dueSoonAt!: number;

  @Property({ type: epochMs() })
  escalateAt!: number;

  /** The next escalation threshold still to fire; null once escalated or closed. */
  @Property({ type: epochMs(), nullable: true })
  nextEscalationAt?: number | null;

  @Property({ default: 0 })
  escalationLevel: EscalationLevel = EscalationLevel.NONE;

  @Property({ type: epochMs(), nullable: true })
  completedAt?: number | null;

  @Property({ type: 'uuid', nullable: true })
  completedBy?: string | null;

  @Enum({ items: () => StepAction, nullable: true })
  action?: StepAction | null;

  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Enum({ items: () => Timeliness, nullable: true })
  timeliness?: Timeliness | null;

  @Property({ default: 1 })
  version: number = 1;
}
