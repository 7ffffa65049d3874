import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Where a process instance stands. */
export enum InstanceStatus {
  /** At least one task is open. */
  RUNNING = 'RUNNING',
  /** Waiting for the subject (e.g. the applicant's supplement); `resumeInstance` continues it. */
  WAITING = 'WAITING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Branches of a parallel split still expected at a join: join step code → branches expected and arrived. */
export type JoinState = Record<string, { expected: number; arrived: number }>;

/**
 * One run of a published process version for a subject (e.g. a dossier, by type and id).
 * It stays on the version it started with. `version` locks it optimistically: two tasks of
 * parallel branches completing at once serialise on it at the join.
 */
@Entity({ tableName: 'workflow_instance' })
@Index({ properties: ['subjectType', 'subjectId'] })
export class ProcessInstance {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  processId!: string;

  @Property({ type: 'uuid' })
  processVersionId!: string;

  /** Number of the process version it runs on. */
  @Property()
  processVersion!: number;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ length: 50 })
  subjectType!: string;

  @Property({ length: 100 })
  subjectId!: string;

  @Enum({ items: () => InstanceStatus })
  status!: InstanceStatus;

  @Property({ type: 'json' })
  joins!: JoinState;

  /** While WAITING: the step the instance resumes at. */
  @Property({ length: 50, nullable: true })
  resumeStepCode?: string | null;

  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Property({ version: true })
  version!: number;
}
