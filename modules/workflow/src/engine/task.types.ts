import { Connection } from '@motcua/kernel/contract';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Timeliness } from '../clock/deadline.js';
import { StepAction } from '../processes/definition.js';
import { DateTimeScalar, type ZonedDateTime } from '../shared/date-time.scalar.js';
import { InstanceStatus } from './instance.entity.js';
import { EscalationLevel, TaskStatus } from './task.entity.js';

registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'Where a task stands.' });
registerEnumType(InstanceStatus, { name: 'ProcessInstanceStatus', description: 'Where a process instance stands.' });
registerEnumType(EscalationLevel, {
  name: 'TaskEscalation',
  description: 'How far a task has escalated.',
  valuesConfig: {
    NONE: { description: 'Within the due-soon share of its quota.' },
    DUE_SOON: { description: 'Past the due-soon share (sắp đến hạn).' },
    OVERDUE: { description: 'Past its due instant (quá hạn).' },
    ESCALATED: { description: 'Overdue past the grace: the unit leader was notified.' },
  },
});

/** The inbox views. */
export enum InboxView {
  MINE = 'MINE',
  MY_ROLE = 'MY_ROLE',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  ESCALATED = 'ESCALATED',
}
registerEnumType(InboxView, {
  name: 'InboxView',
  description: 'Which open tasks an inbox lists; every view is sorted by due instant, earliest first.',
  valuesConfig: {
    MINE: { description: 'Assigned to me.' },
    MY_ROLE: { description: 'Unassigned, routed to a role I hold in my unit (claim one to work on it).' },
    DUE_SOON: { description: 'Mine or unassigned in my role, past the due-soon share but not yet due.' },
    OVERDUE: { description: 'Mine or unassigned in my role, past the due instant.' },
    ESCALATED: { description: 'Escalated tasks in units where I may assign work (`task.assign`).' },
  },
});

@ObjectType('Task', { description: 'One visit of a process instance to a step: who acts, by when, and how it ended.' })
export class TaskNode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Send it back when acting; someone acting first makes yours a CONFLICT.' })
  version!: number;

  @Field(() => ID)
  instanceId!: string;

  @Field(() => ID)
  processId!: string;

  @Field(() => Int)
  processVersion!: number;

  @Field(() => ID)
  agencyId!: string;

  @Field({ description: 'What the instance runs for, e.g. `Dossier`.' })
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  stepCode!: string;

  @Field()
  stepName!: string;

  @Field({ description: 'The role that acts.' })
  roleKey!: string;

  @Field(() => ID, { description: 'The unit the task is routed to (the step unit, else the agency).' })
  unitId!: string;

  @Field(() => ID, { nullable: true })
  assigneeId!: string | null;

  @Field(() => TaskStatus)
  status!: TaskStatus;

  @Field(() => DateTimeScalar)
  enteredAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { description: "The step's due instant (its quota on the process calendar)." })
  dueAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { description: 'When the task counts as due soon.' })
  dueSoonAt!: ZonedDateTime;

  @Field(() => EscalationLevel)
  escalation!: EscalationLevel;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: ZonedDateTime | null;

  @Field(() => ID, { nullable: true })
  completedById!: string | null;

  @Field(() => StepAction, { nullable: true, description: 'The action the task was completed with.' })
  action!: StepAction | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Timeliness, { nullable: true, description: 'The step judged against its quota; null while open or for a zero quota.' })
  timeliness!: Timeliness | null;
}

@ObjectType()
export class TaskConnection extends Connection(TaskNode, 'Task') {}

@ObjectType('ProcessInstance', { description: 'One run of a process version for a subject.' })
export class ProcessInstanceNode {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  processId!: string;

  @Field(() => Int)
  processVersion!: number;

  @Field()
  subjectType!: string;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => InstanceStatus)
  status!: InstanceStatus;

  @Field(() => DateTimeScalar)
  startedAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { nullable: true })
  completedAt!: ZonedDateTime | null;
}

@InputType({ description: 'Takes an unassigned task of a role I hold.' })
export class ClaimTaskInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => Int)
  version!: number;
}

@InputType({ description: 'Assigns or reassigns a task (`task.assign` over its unit) to a holder of its role.' })
export class AssignTaskInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => ID, { description: 'The new assignee; must hold the task role in a unit that reaches the task.' })
  assigneeId!: string;
}

@InputType({ description: 'Completes a task with one of its allowed actions.' })
export class CompleteTaskInput {
  @Field(() => ID)
  taskId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => StepAction)
  action!: StepAction;

  @Field(() => [String], { nullable: true, description: 'The target step, where the action offers several.' })
  to?: string[];

  @Field({ nullable: true })
  comment?: string;
}

@ObjectType()
export class TaskPayload {
  @Field(() => TaskNode)
  task!: TaskNode;
}

@ObjectType()
export class CompleteTaskPayload {
  @Field(() => TaskNode)
  task!: TaskNode;

  @Field(() => ProcessInstanceNode)
  instance!: ProcessInstanceNode;

  @Field(() => [TaskNode], { description: 'Tasks the move created.' })
  nextTasks!: TaskNode[];
}
