import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Where a dispute stands: open until the unit leader or supervisor decides. */
export type DisputeStatus = 'OPEN' | 'ACCEPTED' | 'REJECTED';

/** What the officer asks for: the fact leaves the scores, or it counts against another unit/officer. */
export type DisputeProposal = 'EXCLUDE' | 'REATTRIBUTE';

/**
 * An officer contesting how one dossier fact counts against them (e.g. a late step whose delay
 * was another unit's). Kept for good whatever the decision, so the history stays visible.
 * `unitId`/`unitPath` are where the fact counted when the dispute was filed (the decider's
 * scope); `officerId` is the officer who filed it (they read their own disputes).
 */
@Entity({ tableName: 'evaluation_dispute' })
@Index({ properties: ['unitId', 'status'] })
@Index({ properties: ['factId'] })
export class Dispute {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  factId!: string;

  @Property({ type: 'uuid' })
  dossierId!: string;

  @Property({ length: 40 })
  factKind!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ length: 1000 })
  unitPath!: string;

  @Property({ length: 36 })
  officerId!: string;

  @Property({ length: 2000 })
  reason!: string;

  @Property({ length: 12 })
  proposal!: DisputeProposal;

  @Property({ type: 'uuid', nullable: true })
  targetUnitId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  targetOfficerId?: string | null;

  @Property({ length: 10 })
  status!: DisputeStatus;

  @Property({ type: 'uuid', nullable: true })
  decidedBy?: string | null;

  @Property({ length: 2000, nullable: true })
  decisionReason?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;
}
