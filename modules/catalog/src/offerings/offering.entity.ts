import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Procedure } from '../procedures/procedure.entity.js';
import type { Channel, TimeLimit } from '../procedures/content.js';

/** A channel an agency offers, with its optional local limit (never above the statutory one). */
export interface OfferedChannel {
  channel: Channel;
  localLimit: TimeLimit | null;
}

/**
 * An agency's offering of a procedure: which of its units receive, on which channels, with
 * which local time limits, processed by which workflow definition (workflow module, by id,
 * opaque here). One per (procedure, agency); it follows the procedure across versions.
 */
@Entity({ tableName: 'catalog_offering' })
@Unique({ properties: ['procedure', 'agencyId'] })
export class Offering {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Procedure, { ref: true, deleteRule: 'cascade' })
  procedure!: Ref<Procedure>;

  /** The offering agency (identity module, by id). */
  @Property({ type: 'uuid' })
  @Index()
  agencyId!: string;

  /** The agency's org-tree path, copied so scoped permissions filter in SQL. */
  @Property({ length: 1000 })
  agencyPath!: string;

  /** Units of the agency that receive dossiers (identity module, by id). */
  @Property({ type: 'json' })
  receivingUnitIds!: string[];

  @Property({ type: 'json' })
  channels!: OfferedChannel[];

  /** Channels as `|DIRECT|ONLINE|`, for the search filter. */
  @Property({ length: 40 })
  channelList!: string;

  @Property({ length: 100, nullable: true })
  workflowDefinitionId!: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
