import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { epochMs } from '@motcua/kernel/contract';
import type { DossierFact } from './dossier-fact.js';

/** `officerId` of a row that counts against no officer (keys cannot hold null and stay unique). */
export const NO_OFFICER = '';

/**
 * Where a row counts: agency, unit (with its org path when written, for scopes), officer,
 * procedure and local day. Facts and daily aggregates share it, so one CASL filter reads both.
 */
abstract class AttributedRow {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ length: 1000 })
  unitPath!: string;

  /** The officer's user id, or '' ({@link NO_OFFICER}). */
  @Property({ length: 36 })
  officerId!: string;

  @Property({ type: 'uuid' })
  procedureId!: string;

  /** Local date (Asia/Ho_Chi_Minh), `YYYY-MM-DD`. */
  @Property({ length: 10 })
  day!: string;
}

/**
 * One consumed {@link DossierFact}, kept as the evidence behind every number: per-dossier
 * sheets read it, and the full recompute rebuilds the daily aggregates from it. The id is the
 * outbox event id; `unitPath` is the unit's path when the fact was consumed. The attribution
 * columns (unit, officer) are where the fact counts now: an accepted dispute may move them or
 * exclude the fact, while `fact` keeps what the dossiers module originally reported.
 */
@Entity({ tableName: 'evaluation_fact' })
@Index({ properties: ['agencyId', 'day'] })
export class EvaluationFact extends AttributedRow {
  @Property({ length: 40 })
  kind!: string;

  @Property({ type: 'uuid' })
  @Index()
  dossierId!: string;

  @Property({ type: epochMs() })
  occurredAt!: number;

  @Property({ type: 'json' })
  fact!: DossierFact;

  /** The step's or dossier's timeliness (STEP_COMPLETED, DONE), a column so the drill-down from "late" filters on it. */
  @Property({ length: 10, nullable: true })
  timeliness?: string | null;

  /** The accepted dispute that excluded the fact: it no longer counts anywhere (it stays as evidence). */
  @Property({ type: 'uuid', nullable: true })
  excludedBy?: string | null;
}

/**
 * Counters of one (agency, unit, officer, procedure, day), kept up to date in the same
 * transaction that consumes each fact, and rebuilt from {@link EvaluationFact} by the full
 * recompute. Scorecards, rankings and the 766 index are sums over these rows.
 */
@Entity({ tableName: 'evaluation_daily' })
@Unique({ properties: ['agencyId', 'unitId', 'officerId', 'procedureId', 'day'] })
@Index({ properties: ['agencyId', 'day'] })
@Index({ properties: ['unitId', 'day'] })
@Index({ properties: ['officerId', 'day'] })
export class DailyAggregate extends AttributedRow {
  @Property({ default: 0 }) received: number = 0;
  @Property({ default: 0 }) receivedOnline: number = 0;
  @Property({ default: 0 }) stepsEarly: number = 0;
  @Property({ default: 0 }) stepsOnTime: number = 0;
  @Property({ default: 0 }) stepsLate: number = 0;
  @Property({ default: 0 }) supplementRequests: number = 0;
  @Property({ default: 0 }) supplementsReceived: number = 0;
  @Property({ default: 0 }) apologies: number = 0;
  @Property({ default: 0 }) doneEarly: number = 0;
  @Property({ default: 0 }) doneOnTime: number = 0;
  @Property({ default: 0 }) doneLate: number = 0;
  @Property({ default: 0 }) returned: number = 0;
  @Property({ default: 0 }) ratings: number = 0;
  @Property({ default: 0 }) satisfactionSum: number = 0;
  @Property({ default: 0 }) ratingsSatisfied: number = 0;
  @Property({ default: 0 }) ratingsDissatisfied: number = 0;
  @Property({ default: 0 }) complaints: number = 0;
}
