import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { epochMs } from '../db/columns.js';

/**
 * Proof that one handler applied one event. Inserted in the handler's own transaction,
 * so its effects and this row commit together: a re-delivered event finds the receipt and
 * is skipped, which makes every handler idempotent.
 */
@Entity({ tableName: 'kernel_inbox' })
export class InboxReceipt {
  @PrimaryKey({ length: 200 })
  handler!: string;

  @PrimaryKey({ type: 'uuid' })
  eventId!: string;

  @Property({ type: epochMs() })
  handledAt!: number;
}
