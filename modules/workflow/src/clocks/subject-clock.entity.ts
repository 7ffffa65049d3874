import { Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { epochMs } from '@motcua/kernel/contract';
import { Timeliness } from '../clock/deadline.js';

export enum ClockStatus {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  /** Ended (the dossier returned, the step completed); judged. */
  STOPPED = 'STOPPED',
}

/**
 * A persisted statutory clock: the ledger of one subject (e.g. a dossier), or of one step of
 * it (`stepCode`; empty for the subject's own clock). The ledger is the JSON of `ClockLedger`;
 * `dueAt` copies its due instant for queries. A step visited again restarts its clock.
 */
@Entity({ tableName: 'workflow_clock' })
@Unique({ properties: ['subjectType', 'subjectId', 'stepCode'] })
export class SubjectClock {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 50 })
  subjectType!: string;

  @Property({ length: 100 })
  subjectId!: string;

  /** '' for the subject's own clock. */
  @Property({ length: 50 })
  stepCode!: string;

  @Property({ type: 'json' })
  ledger!: Record<string, unknown>;

  @Enum({ items: () => ClockStatus })
  status!: ClockStatus;

  @Property({ type: epochMs(), nullable: true })
  dueAt?: number | null;

  @Property({ type: epochMs(), nullable: true })
  endedAt?: number | null;

  @Enum({ items: () => Timeliness, nullable: true })
  timeliness?: Timeliness | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ version: true })
  version!: number;
}
