import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { epochMs } from '../db/columns.js';

export type JobStatus = 'PENDING' | 'DONE' | 'FAILED';

/** A unit of background work. Replicas lease due rows; a lease that expires is taken over. */
@Entity({ tableName: 'kernel_job' })
@Index({ properties: ['status', 'runAt'] })
export class Job {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 200 })
  name!: string;

  /** At most one pending job per key (recurring jobs use their name). */
  @Property({ length: 200, nullable: true })
  @Unique()
  dedupeKey?: string | null;

  @Property({ type: 'json', nullable: true })
  payload?: unknown;

  @Property({ length: 20 })
  status: JobStatus = 'PENDING';

  @Property({ type: epochMs() })
  runAt!: number;

  @Property({ default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ length: 100, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: epochMs(), nullable: true })
  leaseUntil?: number | null;
}
