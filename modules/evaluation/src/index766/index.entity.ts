import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * The shadow 766 index of one agency for one period, as last computed: the total, its
 * rescaling to 100, the band, the formula version and every measure it read. Recomputing
 * replaces it.
 */
@Entity({ tableName: 'evaluation_index_run' })
@Unique({ properties: ['agencyId', 'period'] })
export class IndexRun {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ length: 10 })
  period!: string;

  @Property()
  formulaVersion!: number;

  @Property({ type: 'double' })
  total!: number;

  @Property({ type: 'double' })
  maxScored!: number;

  @Property({ type: 'double' })
  score100!: number;

  @Property({ length: 100 })
  band!: string;

  @Property({ type: 'json' })
  measures!: Record<string, number>;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'datetime' })
  computedAt!: Date;
}

/** One indicator of an {@link IndexRun}: numerator, denominator, ratio, threshold, maximum and score. */
@Entity({ tableName: 'evaluation_index_indicator' })
@Unique({ properties: ['runId', 'code'] })
export class IndexIndicator {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  @Index()
  runId!: string;

  @Property({ length: 20 })
  code!: string;

  @Property({ type: 'double', nullable: true }) numerator?: number | null;
  @Property({ type: 'double', nullable: true }) denominator?: number | null;
  @Property({ type: 'double', nullable: true }) ratio?: number | null;
  @Property({ type: 'double', nullable: true }) threshold?: number | null;
  @Property({ type: 'double' }) maxScore!: number;
  @Property({ type: 'double', nullable: true }) score?: number | null;

  @Property({ length: 20 })
  status!: string;

  /** Measures the formula needed but did not get (MISSING_DATA). */
  @Property({ type: 'json' })
  missing!: string[];
}

/**
 * An agency's facts for a period that criteria 5, 6, 8 and 9 read (one-stop-domain §9.2),
 * entered or imported once and stamped on every sheet of that agency and period.
 */
@Entity({ tableName: 'evaluation_agency_period' })
@Unique({ properties: ['agencyId', 'period'] })
export class AgencyPeriod {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ length: 10 })
  period!: string;

  @Property({ type: 'json' })
  facts!: import('../questionnaire/criteria.js').AgencyPeriodFacts;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}

/** A period whose agency-level results are published to the public transparency surface. */
@Entity({ tableName: 'evaluation_publication' })
export class Publication {
  @PrimaryKey({ length: 10 })
  period!: string;

  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Property({ type: 'datetime' })
  publishedAt!: Date;
}
