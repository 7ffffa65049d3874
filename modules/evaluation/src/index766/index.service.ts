import type { EntityManager } from '@mikro-orm/knex';
import { AppError, asDate, asJson, ensureCan, readOne, type RequestContext, uuid7 } from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { sumDaily } from '../facts/aggregate.read.js';
import type { AgencyPeriodFacts } from '../questionnaire/criteria.js';
import { auditEvaluation } from '../shared/audit.js';
import { configVersion } from '../shared/config.service.js';
import { parsePeriod } from '../shared/period.js';
import { type IndicatorResult, type Measures, scoreIndex } from './formulas.js';
import { petitionCounts } from '../petitions/petition.service.js';
import { AgencyPeriod, IndexIndicator, IndexRun, Publication } from './index.entity.js';
import { measuresFromCounters } from './measures.js';

/** Who may manage an agency's evaluation (period facts, index runs): `evaluation.manage` over the agency. */
export const AGENCY_EVALUATION = 'AgencyEvaluation';

/** A stored index run with its indicators, as the API returns it. */
export interface StoredIndex {
  agencyId: string;
  period: string;
  formulaVersion: number;
  total: number;
  maxScored: number;
  score100: number;
  band: string;
  measures: Record<string, number>;
  computedAt: Date;
  indicators: IndicatorResult[];
}

async function ensureManages(ctx: RequestContext, agencyId: string): Promise<{ id: string; path: string }> {
  const agency = await agencyUnitOrFail(ctx.em, agencyId);
  ensureCan(ctx, 'manage', AGENCY_EVALUATION, { unitId: agency.id, unitPath: agency.path });
  return agency;
}

function validMeasures(measures: Record<string, number>): void {
  for (const [name, value] of Object.entries(measures)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || !Number.isFinite(value) || value < 0) {
      throw AppError.badInput(`measures.${name}`, { vi: `số liệu "${name}" phải là số không âm`, en: `measure "${name}" must be a non-negative number` });
    }
  }
}

/**
 * Computes and stores the shadow 766 index of an agency for a period: measures from the
 * aggregates, overridden or completed by `supplied` (catalog, sync, payment… until their
 * modules publish them); when the agency has handled petitions in the period, the petition
 * measures (`petitions`, `petitionsOnTime`, `petitionsLate`, `petitionsAboutRegulations`) are
 * counted from them and take precedence over supplied ones. Scored by the formula table in
 * force on the period's first day.
 * Replaces an earlier run of the same agency and period.
 */
export async function computeShadowIndex(ctx: RequestContext, agencyId: string, periodCode: string, supplied: Record<string, number>): Promise<StoredIndex> {
  await ensureManages(ctx, agencyId);
  const period = parsePeriod(periodCode);
  validMeasures(supplied);
  const table = await configVersion(ctx.em, 'INDEX_766', { day: period.fromDay });
  const { petitionsProtracted: _notA766Measure, ...petitions } = (await petitionCounts(ctx.em, agencyId, period)) ?? { petitionsProtracted: 0 };
  const measures: Measures = { ...measuresFromCounters(await sumDaily(ctx.em, period, { agencyId })), ...supplied, ...petitions };
  const result = scoreIndex(table.config, measures);
  const now = ctx.clock.now();
  const previous = await ctx.em.findOne(IndexRun, { agencyId, period: period.code });
  if (previous) {
    await ctx.em.nativeDelete(IndexIndicator, { runId: previous.id });
    await ctx.em.remove(previous).flush();
  }
  const run = ctx.em.create(IndexRun, {
    id: uuid7(now.getTime()), agencyId, period: period.code, formulaVersion: table.number, total: result.total,
    maxScored: result.maxScored, score100: result.score100, band: result.band.label, measures: { ...measures }, actorId: ctx.principal!.userId, computedAt: now,
  });
  for (const indicator of result.indicators) ctx.em.create(IndexIndicator, { id: uuid7(now.getTime()), runId: run.id, ...indicator });
  await ctx.em.flush();
  await auditEvaluation(ctx, 'index.compute', 'IndexRun', run.id, { agencyId, period: period.code, supplied, score100: result.score100 });
  return { ...toStored(run), indicators: result.indicators };
}

function toStored(run: Record<string, any>): Omit<StoredIndex, 'indicators'> {
  return {
    agencyId: run.agencyId, period: run.period, formulaVersion: Number(run.formulaVersion), total: Number(run.total), maxScored: Number(run.maxScored),
    score100: Number(run.score100), band: run.band, measures: asJson(run.measures), computedAt: asDate(run.computedAt),
  };
}

/** Whether a period's agency-level results are published. */
export async function isPublished(em: EntityManager, period: string): Promise<boolean> {
  return (await em.count(Publication, { period })) > 0;
}

/**
 * The stored index of an agency and period, or null when never computed. Readable by anyone
 * when the period is published; otherwise by whoever may read the agency's scorecards.
 */
export async function readShadowIndex(ctx: RequestContext, agencyId: string, periodCode: string): Promise<StoredIndex | null> {
  const period = parsePeriod(periodCode);
  if (!(await isPublished(ctx.em, period.code))) {
    const agency = await agencyUnitOrFail(ctx.em, agencyId);
    ensureCan(ctx, 'read', 'Scorecard', { unitId: agency.id, unitPath: agency.path });
  }
  const run = await readOne(ctx.em, IndexRun, { agencyId, period: period.code });
  if (!run) return null;
  const indicators = await ctx.em.createQueryBuilder(IndexIndicator, 'i').select('i.*').where({ runId: run.id }).orderBy({ code: 'asc' })
    .execute<Record<string, any>[]>('all', true);
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    ...toStored(run),
    indicators: indicators.map((i) => ({
      code: i.code, numerator: number(i.numerator), denominator: number(i.denominator), ratio: number(i.ratio), threshold: number(i.threshold),
      maxScore: Number(i.maxScore), score: number(i.score), status: i.status, missing: asJson<string[]>(i.missing),
    })),
  };
}

function validPeriodFacts(facts: AgencyPeriodFacts): void {
  for (const key of ['deskReceiveReturnShare', 'deskApprovalShare', 'onlineOfferedShare', 'onlineDossierShare'] as const) {
    if (!(facts[key] >= 0 && facts[key] <= 1)) throw AppError.badInput(key, { vi: 'tỷ lệ phải từ 0 đến 1', en: 'shares must be between 0 and 1' });
  }
  for (const key of ['petitions', 'petitionsOnTime', 'petitionsProtracted', 'onlineLateOrUnresolved'] as const) {
    if (!(Number.isInteger(facts[key]) && facts[key] >= 0)) throw AppError.badInput(key, { vi: 'số lượng phải là số nguyên không âm', en: 'counts must be non-negative integers' });
  }
  if (facts.petitionsOnTime > facts.petitions) {
    throw AppError.badInput('petitionsOnTime', { vi: 'số PAKN đúng hạn không thể vượt tổng số PAKN', en: 'petitions on time cannot exceed petitions' });
  }
}

/** Sets the agency-period facts criteria 5, 6, 8, 9 read (`evaluation.manage` over the agency). */
export async function setAgencyPeriodFacts(ctx: RequestContext, agencyId: string, periodCode: string, facts: AgencyPeriodFacts): Promise<AgencyPeriodFacts> {
  await ensureManages(ctx, agencyId);
  const period = parsePeriod(periodCode);
  validPeriodFacts(facts);
  const now = ctx.clock.now();
  const row = (await ctx.em.findOne(AgencyPeriod, { agencyId, period: period.code }))
    ?? ctx.em.create(AgencyPeriod, { id: uuid7(now.getTime()), agencyId, period: period.code, facts, updatedAt: now });
  Object.assign(row, { facts: { ...facts }, actorId: ctx.principal!.userId, updatedAt: now });
  await ctx.em.persist(row).flush();
  await auditEvaluation(ctx, 'agencyPeriod.set', 'AgencyPeriod', row.id, { agencyId, period: period.code, facts });
  return facts;
}

/** Publishes a period's agency-level results to the public (`evaluation.publish`); publishing twice changes nothing. */
export async function publishPeriod(ctx: RequestContext, periodCode: string): Promise<{ period: string; publishedAt: Date }> {
  ensureCan(ctx, 'publish', 'EvaluationPeriod');
  const period = parsePeriod(periodCode);
  const existing = await ctx.em.findOne(Publication, { period: period.code });
  if (existing) return { period: existing.period, publishedAt: existing.publishedAt };
  const row = ctx.em.create(Publication, { period: period.code, actorId: ctx.principal!.userId, publishedAt: ctx.clock.now() });
  await ctx.em.persist(row).flush();
  await auditEvaluation(ctx, 'period.publish', 'EvaluationPeriod', null, { period: row.period });
  return { period: row.period, publishedAt: row.publishedAt };
}
