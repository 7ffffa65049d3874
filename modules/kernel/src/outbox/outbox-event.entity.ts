import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { epochMs } from '../db/columns.js';

/**
 * An event waiting to be (or already) delivered. Written in the publishing transaction, so
 * an event exists if and only if its transaction committed.
 */
@Entity({ tableName: 'kernel_outbox' })
@Index({ properties: ['deliveredAt', 'availableAt'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 200 })
  type!: string;

  @Property({ type: 'json' })
  payload!: unknown;

  @Property({ type: epochMs() })
  occurredAt!: number;

  @Property({ type: epochMs() })
  availableAt!: number;

  @Property({ type: epochMs(), nullable: true })
  deliveredAt?: number | null;

  @Property({ default: 0 })
  attempts: number = 0;

  /** Set when delivery was given up after repeated failures; clearing it re-queues the event. */
  @Property({ type: epochMs(), nullable: true })
  failedAt?: number | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ length: 100, nullable: true })
  leaseOwner?: string | null;

  @Property({ type: epochMs(), nullable: true })
  leaseUntil?: number | null;
}
