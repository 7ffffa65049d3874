import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { epochMs } from '../db/columns.js';

/**
 * One line of the append-only audit log. `hash` covers this row's content and
 * `prevHash`, the previous row's hash, so changing or deleting any row breaks the chain
 * from that row on (see `verifyAuditChain`).
 */
@Entity({ tableName: 'kernel_audit' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditRecord {
  /** Position in the chain, 1-based and gapless. */
  @PrimaryKey({ autoincrement: false })
  seq!: number;

  @Property({ type: epochMs() })
  at!: number;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ length: 100 })
  action!: string;

  @Property({ length: 100 })
  entityType!: string;

  @Property({ length: 100, nullable: true })
  entityId?: string | null;

  @Property({ type: 'json', nullable: true })
  data?: unknown;

  @Property({ length: 64 })
  prevHash!: string;

  @Property({ length: 64 })
  hash!: string;
}
