import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { ReviewStatus } from './lifecycle.js';

/**
 * One version of a periodic review of an officer, unit or agency: the four dimensions, the
 * weights, the combined score and the advisory grade. Versions are immutable once locked; a
 * later change writes the next version with its reason.
 */
@Entity({ tableName: 'evaluation_review' })
@Unique({ properties: ['subjectKind', 'subjectId', 'period', 'version'] })
@Index({ properties: ['unitId', 'period'] })
export class Review {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ length: 10 })
  subjectKind!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The unit the review is scoped by (the officer's unit, the unit, the agency) and its org path. */
  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ length: 1000 })
  unitPath!: string;

  /** Officer reviews only: the officer, so they read their own. */
  @Property({ length: 36 })
  officerId!: string;

  @Property({ length: 10 })
  period!: string;

  @Property()
  version!: number;

  @Property({ length: 10 })
  status!: ReviewStatus;

  @Property({ type: 'double', nullable: true }) automatic?: number | null;
  @Property({ type: 'double', nullable: true }) citizen?: number | null;
  @Property({ type: 'double', nullable: true }) self?: number | null;
  @Property({ type: 'double', nullable: true }) superior?: number | null;
  @Property({ type: 'double', nullable: true }) combined?: number | null;

  @Property({ length: 20, nullable: true })
  advisedGrade?: string | null;

  @Property({ type: 'json' })
  weights!: Record<string, number>;

  /** Why this version replaces a locked one (null for the first). */
  @Property({ length: 1000, nullable: true })
  reason?: string | null;

  @Property({ type: 'uuid' })
  submittedBy!: string;

  @Property({ type: 'uuid', nullable: true })
  approvedBy?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
