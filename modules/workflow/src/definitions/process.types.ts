import { Connection } from '@motcua/kernel/contract';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TimeLimitUnit } from '../clock/deadline.js';
import { TimeLimitInput } from '../deadlines/deadline.types.js';
import { StepAction, StepKind } from '../processes/definition.js';
import { ProcessProblemCode } from '../processes/validate.js';
import { DeadEndReason } from '../processes/simulate.js';
import { DateTimeScalar, type ZonedDateTime } from '../shared/date-time.scalar.js';
import { ProcessVersionStatus } from './process.entity.js';

registerEnumType(StepAction, {
  name: 'StepAction',
  description: 'What an actor can do at a step.',
  valuesConfig: {
    FORWARD: { description: 'Chuyển bước: to the next step (one of the targets; all of them at a PARALLEL_SPLIT).' },
    RETURN: { description: 'Trả lại: back to an earlier step.' },
    REQUEST_SUPPLEMENT: { description: 'Yêu cầu bổ sung: the instance waits for the applicant, then resumes at the target (or this step).' },
    PROPOSE_REFUSAL: { description: 'Đề nghị từ chối: to the step that decides the refusal.' },
    REQUEST_OPINION: { description: 'Xin ý kiến (liên thông): to the step(s) where another agency gives its opinion.' },
    SIGN: { description: 'Ký số: signs the result; with a target the dossier moves on.' },
    COMPLETE: { description: 'Hoàn thành: processing ends.' },
  },
});
registerEnumType(StepKind, {
  name: 'StepKind',
  description: 'What a step is in the graph.',
  valuesConfig: {
    TASK: { description: 'One actor works, then takes one of the allowed actions.' },
    PARALLEL_SPLIT: { description: 'The actor works, then every FORWARD / REQUEST_OPINION target runs in parallel.' },
    JOIN: { description: 'Starts once every parallel branch has arrived; then works like a TASK.' },
  },
});
registerEnumType(ProcessVersionStatus, { name: 'ProcessVersionStatus', description: 'Where a version of a process stands.' });
registerEnumType(ProcessProblemCode, { name: 'ProcessProblemCode', description: 'Why a process cannot be published (see validateProcess).' });
registerEnumType(DeadEndReason, { name: 'DeadEndReason', description: 'Why a simulated dossier could not finish.' });

@ObjectType('TimeLimit', { description: 'A time limit or quota, e.g. `{ value: 5, unit: WORKING_DAYS }`.' })
export class TimeLimitNode {
  @Field(() => Float)
  value!: number;

  @Field(() => TimeLimitUnit)
  unit!: TimeLimitUnit;
}

@ObjectType('StepActor', { description: 'Who acts at a step: a role within a unit of the agency, optionally a specific unit or person.' })
export class StepActorNode {
  @Field({ description: 'Role key, e.g. `HANDLING_OFFICER`.' })
  roleKey!: string;

  @Field(() => ID, { nullable: true, description: 'A specific unit (of this or, for opinions, another agency).' })
  unitId!: string | null;

  @Field(() => ID, { nullable: true, description: 'A specific person.' })
  userId!: string | null;
}

@ObjectType('StepTransition', { description: 'An allowed action at a step and where it leads.' })
export class StepTransitionNode {
  @Field(() => StepAction)
  action!: StepAction;

  @Field(() => [String], { description: 'Target step codes (empty for COMPLETE, or a supplement resuming at the same step).' })
  to!: string[];
}

@ObjectType('ProcessStep', { description: 'One step of a process (a node of the designer graph).' })
export class ProcessStepNode {
  @Field({ description: 'Unique within the process, e.g. `THAM_DINH`.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => StepKind)
  kind!: StepKind;

  @Field(() => StepActorNode)
  actor!: StepActorNode;

  @Field(() => TimeLimitNode, { description: 'Time quota (định mức); 0 means no time of its own.' })
  quota!: TimeLimitNode;

  @Field(() => [StepTransitionNode])
  transitions!: StepTransitionNode[];
}

@ObjectType('EscalationSettings', { description: 'When tasks warn and escalate.' })
export class EscalationSettingsNode {
  @Field(() => Float, { description: 'Share of a step quota after which a due-soon event fires (default 0.75).' })
  dueSoonShare!: number;

  @Field(() => Int, { description: 'Working minutes after the due instant before escalation to the unit leader (default 480).' })
  graceMinutes!: number;
}

@ObjectType('ProcessProblem', { description: 'One reason a process cannot be published.' })
export class ProcessProblemNode {
  @Field(() => ProcessProblemCode)
  code!: ProcessProblemCode;

  @Field(() => String, { nullable: true, description: 'The step concerned; null for the process as a whole.' })
  stepCode!: string | null;

  @Field({ description: 'In Vietnamese.' })
  message!: string;

  @Field({ description: 'In English.' })
  messageEn!: string;

  @Field(() => String, { nullable: true, description: 'Machine-readable facts as JSON text, e.g. `{"roleHolderKey":"LEADER"}` or `{"path":[…],"totalMinutes":…,"limitMinutes":…}`.' })
  details!: string | null;
}

@ObjectType('ProcessVersionInfo', { description: 'One version of a process.' })
export class ProcessVersionInfoNode {
  @Field(() => Int)
  number!: number;

  @Field(() => ProcessVersionStatus)
  status!: ProcessVersionStatus;

  @Field(() => DateTimeScalar)
  createdAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: ZonedDateTime | null;
}

@ObjectType('Process', {
  description: 'A process definition (quy trình nội bộ) at one version: the step graph an agency runs dossiers through. Running instances keep the version they started on.',
})
export class ProcessNode {
  @Field(() => ID, { description: 'The definition id, shared by every version.' })
  id!: string;

  @Field(() => ID)
  agencyId!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Procedure case it applies to; null for every case.' })
  procedureCaseId!: string | null;

  @Field(() => String, { nullable: true, description: 'Channel it applies to (e.g. `ONLINE`); null for every channel.' })
  channel!: string | null;

  @Field(() => ID, { description: 'Calendar the quotas count on.' })
  calendarId!: string;

  @Field(() => Int, { description: 'The version shown; send it back when editing or publishing.' })
  version!: number;

  @Field(() => ProcessVersionStatus)
  status!: ProcessVersionStatus;

  @Field(() => Int, { description: 'The newest version (the draft, if any).' })
  latestVersion!: number;

  @Field(() => Int, { nullable: true, description: 'The version new instances start on; null until published.' })
  publishedVersion!: number | null;

  @Field(() => TimeLimitNode, { description: "The offering's statutory time limit." })
  statutoryLimit!: TimeLimitNode;

  @Field()
  startStepCode!: string;

  @Field(() => [ProcessStepNode])
  steps!: ProcessStepNode[];

  @Field(() => EscalationSettingsNode)
  escalation!: EscalationSettingsNode;

  @Field(() => DateTimeScalar)
  createdAt!: ZonedDateTime;

  @Field(() => DateTimeScalar)
  updatedAt!: ZonedDateTime;

  @Field(() => DateTimeScalar, { nullable: true })
  publishedAt!: ZonedDateTime | null;
}

@ObjectType()
export class ProcessConnection extends Connection(ProcessNode, 'Process') {}

@InputType({ description: 'Filters for the processes list.' })
export class ProcessFilter {
  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => ProcessVersionStatus, { nullable: true, description: 'Only processes whose latest version has this status.' })
  status?: ProcessVersionStatus;

  @Field({ nullable: true, description: 'Code or name contains (diacritics ignored).' })
  search?: string;
}

@InputType({ description: 'Who acts at a step.' })
export class StepActorInput {
  @Field()
  roleKey!: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true })
  userId?: string;
}

@InputType({ description: 'An allowed action and its targets.' })
export class StepTransitionInput {
  @Field(() => StepAction)
  action!: StepAction;

  @Field(() => [String], { nullable: true })
  to?: string[];
}

@InputType({ description: 'One step of a process.' })
export class ProcessStepInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => StepKind, { defaultValue: StepKind.TASK })
  kind!: StepKind;

  @Field(() => StepActorInput)
  actor!: StepActorInput;

  @Field(() => TimeLimitInput)
  quota!: TimeLimitInput;

  @Field(() => [StepTransitionInput])
  transitions!: StepTransitionInput[];
}

@InputType({ description: 'When tasks warn and escalate.' })
export class EscalationSettingsInput {
  @Field(() => Float, { nullable: true })
  dueSoonShare?: number;

  @Field(() => Int, { nullable: true })
  graceMinutes?: number;
}

@InputType({ description: 'A new process, created as draft version 1.' })
export class CreateProcessInput {
  @Field(() => ID)
  agencyId!: string;

  @Field({ description: 'Unique within the agency: letters, digits, `.`, `-`, `_` (2–50).' })
  code!: string;

  @Field()
  name!: string;

  @Field({ nullable: true })
  procedureCaseId?: string;

  @Field({ nullable: true })
  channel?: string;

  @Field(() => ID, { nullable: true, description: 'Calendar id or code; default the agency calendar, else `VN-GOV`.' })
  calendarId?: string;

  @Field(() => TimeLimitInput)
  statutoryLimit!: TimeLimitInput;

  @Field()
  startStepCode!: string;

  @Field(() => [ProcessStepInput])
  steps!: ProcessStepInput[];

  @Field(() => EscalationSettingsInput, { nullable: true })
  escalation?: EscalationSettingsInput;
}

@InputType({ description: "Changes to a process's draft; omitted fields stay. Editing a published process starts a new draft version." })
export class UpdateProcessInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The latest version you edited; a newer one is a STALE_VERSION error.' })
  version!: number;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  procedureCaseId?: string;

  @Field({ nullable: true })
  channel?: string;

  @Field(() => ID, { nullable: true })
  calendarId?: string;

  @Field(() => TimeLimitInput, { nullable: true })
  statutoryLimit?: TimeLimitInput;

  @Field({ nullable: true })
  startStepCode?: string;

  @Field(() => [ProcessStepInput], { nullable: true })
  steps?: ProcessStepInput[];

  @Field(() => EscalationSettingsInput, { nullable: true })
  escalation?: EscalationSettingsInput;
}

@InputType({ description: 'Publishes the draft version.' })
export class PublishProcessInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The draft version to publish.' })
  version!: number;

  @Field(() => TimeLimitInput, { nullable: true, description: "The offering's statutory limit to check quotas against; default the process's own." })
  statutoryLimit?: TimeLimitInput;
}

@ObjectType()
export class ProcessPayload {
  @Field(() => ProcessNode)
  process!: ProcessNode;
}

@InputType({ description: 'Staff of one role holder key (`ROLE` or `ROLE@unitId`).' })
export class RoleCountInput {
  @Field()
  roleHolderKey!: string;

  @Field(() => Int)
  count!: number;
}

@InputType({ description: 'A pre-publish simulation run.' })
export class SimulateProcessInput {
  @Field(() => Int, { description: 'Synthetic dossiers (1–10,000).' })
  dossiers!: number;

  @Field(() => Float, { description: 'Arrivals per standard working day.' })
  arrivalsPerDay!: number;

  @Field(() => [RoleCountInput], { nullable: true, description: "Staff per role; default the agency's active role holders." })
  staffPerRole?: RoleCountInput[];

  @Field(() => Int, { defaultValue: 1, description: 'Same seed, same report.' })
  seed!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'First arrival at or after this instant; default now.' })
  start?: Date;

  @Field(() => Float, { nullable: true })
  supplementProbability?: number;

  @Field(() => Float, { nullable: true })
  returnProbability?: number;
}

@ObjectType('SimulationStepLoad', { description: 'One step in a simulation: visits, mean wait and work against the quota.' })
export class SimulationStepNode {
  @Field()
  stepCode!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  visits!: number;

  @Field(() => Float)
  meanWaitMinutes!: number;

  @Field(() => Float)
  meanWorkMinutes!: number;

  @Field(() => Float)
  quotaMinutes!: number;

  @Field(() => Float, { description: '(mean wait + mean work) / quota.' })
  lossRatio!: number;

  @Field(() => Float, { description: 'Share of late dossiers whose largest overrun was at this step.' })
  lateCauseShare!: number;
}

@ObjectType('SimulationRoleLoad', { description: 'One role in a simulation: staff, tasks and utilisation.' })
export class SimulationRoleNode {
  @Field()
  roleHolderKey!: string;

  @Field(() => Int)
  staff!: number;

  @Field(() => Int)
  tasks!: number;

  @Field(() => Float)
  busyMinutes!: number;

  @Field(() => Float)
  availableMinutes!: number;

  @Field(() => Float)
  utilisation!: number;
}

@ObjectType('SimulationDeadEnd', { description: 'Dossiers stuck at a step.' })
export class SimulationDeadEndNode {
  @Field()
  stepCode!: string;

  @Field(() => DeadEndReason)
  reason!: DeadEndReason;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SimulationReport', { description: 'What a simulation run tells the agency before publishing.' })
export class SimulationReportNode {
  @Field(() => Int)
  dossiers!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  deadEndCount!: number;

  @Field(() => [SimulationDeadEndNode])
  deadEnds!: SimulationDeadEndNode[];

  @Field(() => Int)
  early!: number;

  @Field(() => Int)
  onTime!: number;

  @Field(() => Int)
  late!: number;

  @Field(() => Float, { nullable: true, description: '(early + on time) / completed.' })
  onTimeShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean working minutes from receipt to completion.' })
  meanLeadMinutes!: number | null;

  @Field(() => [SimulationStepNode])
  steps!: SimulationStepNode[];

  @Field(() => String, { nullable: true, description: 'The step where time is lost (largest loss ratio).' })
  timeLostAt!: string | null;

  @Field(() => [SimulationRoleNode])
  roles!: SimulationRoleNode[];

  @Field(() => DateTimeScalar)
  horizonFrom!: ZonedDateTime;

  @Field(() => DateTimeScalar)
  horizonTo!: ZonedDateTime;

  @Field(() => [String], { description: 'The report in the language of the request.' })
  explanation!: string[];
}
