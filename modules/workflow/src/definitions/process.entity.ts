import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import type { TimeLimit } from '../clock/deadline.js';
import type { ProcessStep } from '../processes/definition.js';

/** Where a version of a process stands. */
export enum ProcessVersionStatus {
  /** Being edited; never runs. At most one per process, always the latest. */
  DRAFT = 'DRAFT',
  /** The version new instances start on. */
  PUBLISHED = 'PUBLISHED',
  /** Replaced by a newer published version; instances started on it keep running on it. */
  RETIRED = 'RETIRED',
}

/** When a task warns and escalates (see the escalation job). */
export interface EscalationSettings {
  /** Share of a step's quota after which a due-soon event fires (0 < share < 1). */
  dueSoonShare: number;
  /** Working minutes after the due instant before the task escalates to the unit leader. */
  graceMinutes: number;
}

export const DEFAULT_ESCALATION: EscalationSettings = { dueSoonShare: 0.75, graceMinutes: 480 };

/**
 * A process definition (quy trình nội bộ) of one agency, optionally for one procedure case
 * and channel: the identity its versions share. `latestVersion` is the draft or newest
 * version; `publishedVersion` the one new instances start on.
 */
@Entity({ tableName: 'workflow_process' })
@Unique({ properties: ['agencyId', 'code'] })
export class Process {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** The owning agency (identity module, by id). */
  @Property({ type: 'uuid' })
  @Index()
  agencyId!: string;

  /** The agency's path in the org tree (`/root/…/agency/`), copied so scoped rules filter in SQL. */
  @Property({ length: 1000 })
  agencyPath!: string;

  @Property({ length: 50 })
  code!: string;

  /** Folded code and name of the latest version (see `foldVietnamese`), for search. */
  @Property({ length: 1000 })
  searchText!: string;

  /** Procedure case (catalog module, by id); null for every case. */
  @Property({ length: 100, nullable: true })
  procedureCaseId?: string | null;

  /** Channel, e.g. `ONLINE`; null for every channel. */
  @Property({ length: 50, nullable: true })
  channel?: string | null;

  /** The calendar step quotas count on. */
  @Property({ type: 'uuid' })
  calendarId!: string;

  @Property()
  latestVersion!: number;

  /** Status of the latest version (DRAFT or PUBLISHED), for the list filter. */
  @Enum({ items: () => ProcessVersionStatus })
  latestStatus!: ProcessVersionStatus;

  @Property({ type: 'integer', nullable: true })
  publishedVersion?: number | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}

/** One version of a process: the step graph. A published version is never edited. */
@Entity({ tableName: 'workflow_process_version' })
@Unique({ properties: ['process', 'number'] })
export class ProcessVersion {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Process, { ref: true, deleteRule: 'cascade' })
  process!: Ref<Process>;

  @Property()
  number!: number;

  @Enum({ items: () => ProcessVersionStatus })
  status!: ProcessVersionStatus;

  @Property({ length: 300 })
  name!: string;

  @Property({ type: 'json' })
  statutoryLimit!: TimeLimit;

  @Property({ length: 50 })
  startStepCode!: string;

  @Property({ type: 'json' })
  steps!: ProcessStep[];

  @Property({ type: 'json' })
  escalation!: EscalationSettings;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  publishedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;
}
