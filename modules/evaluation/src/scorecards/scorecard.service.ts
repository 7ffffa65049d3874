import type { FilterQuery } from '@mikro-orm/core';
import {
  AppError, accessibleWhere, asJson, ensureCan, type ConnectionResult, type PageArgs, pageWindow, type Principal, readPage, type RequestContext, requirePrincipal,
  toConnection,
} from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { sumDaily, sumDailyBy, type GroupColumn } from '../facts/aggregate.read.js';
import { DailyAggregate, EvaluationFact, NO_OFFICER } from '../facts/fact.entity.js';
import { parsePeriod } from '../shared/period.js';
import { scorecard, type ScorecardFigures } from './scorecard.js';

/** Whose scorecard: an officer's, an org unit's or an agency's. */
export enum ScorecardKind {
  OFFICER = 'OFFICER',
  UNIT = 'UNIT',
  AGENCY = 'AGENCY',
}

export const SCORECARD_SUBJECT = 'Scorecard';
/** The aggregate column that names each kind of subject. */
export const SUBJECT_COLUMN: Record<ScorecardKind, GroupColumn> = { OFFICER: 'officerId', UNIT: 'unitId', AGENCY: 'agencyId' };

/** A scorecard as the API returns it. */
export interface ScorecardResult {
  kind: ScorecardKind;
  subjectId: string;
  period: string;
  figures: ScorecardFigures;
}

/** The rows of daily aggregates (and facts) the caller may read: own rows, or rows in a granted unit scope. */
export function readableWhere(ctx: RequestContext): FilterQuery<DailyAggregate> | null {
  return accessibleWhere<DailyAggregate>(ctx.ability, 'read', SCORECARD_SUBJECT);
}

function forbidden(): AppError {
  return AppError.forbidden('read', SCORECARD_SUBJECT);
}

/**
 * Refuses unless the caller may read this subject's scorecard. A unit or an agency: the
 * caller's read scope covers it. An officer: their own, or the caller's scope covers at least
 * one of the officer's rows (a unit leader sees the work an officer did in their unit, and
 * only that: the figures are summed over readable rows).
 */
async function ensureReadable(ctx: RequestContext, principal: Principal, kind: ScorecardKind, id: string): Promise<FilterQuery<DailyAggregate>> {
  const where = readableWhere(ctx);
  if (kind !== ScorecardKind.OFFICER) {
    const unit = await agencyUnitOrFail(ctx.em, id);
    ensureCan(ctx, 'read', SCORECARD_SUBJECT, { unitId: unit.id, unitPath: unit.path });
    return where!;
  }
  if (id === principal.userId) return where ?? { officerId: id };
  if (!where) throw forbidden();
  const visible = await ctx.em.createQueryBuilder(DailyAggregate, 'a').select('a.id').where({ $and: [where, { officerId: id }] }).limit(1).execute('all', false);
  if (!visible.length) throw forbidden();
  return where;
}

/**
 * One scorecard over a period, computed from the rows the caller may read.
 *
 * @example
 * await readScorecard(ctx, ScorecardKind.UNIT, unitId, '2026-Q3') // { figures: { stepsHandled, composite, ... } }
 */
export async function readScorecard(ctx: RequestContext, kind: ScorecardKind, id: string, periodCode: string): Promise<ScorecardResult> {
  const principal = requirePrincipal(ctx);
  const period = parsePeriod(periodCode);
  const where = await ensureReadable(ctx, principal, kind, id);
  const counters = await sumDaily(ctx.em, period, { $and: [where, { [SUBJECT_COLUMN[kind]]: id }] });
  return { kind, subjectId: id, period: period.code, figures: scorecard(counters) };
}

/** Every scorecard of a kind the caller may read for a period (optionally inside one agency), by composite, best first. */
export async function readableScorecards(ctx: RequestContext, kind: ScorecardKind, periodCode: string, agencyId?: string): Promise<ScorecardResult[]> {
  requirePrincipal(ctx);
  const period = parsePeriod(periodCode);
  const where = readableWhere(ctx);
  if (!where) return [];
  const filters: FilterQuery<DailyAggregate>[] = [where, ...(agencyId ? [{ agencyId }] : []), ...(kind === ScorecardKind.OFFICER ? [{ officerId: { $ne: NO_OFFICER } }] : [])];
  const grouped = await sumDailyBy(ctx.em, period, { $and: filters }, SUBJECT_COLUMN[kind]);
  return [...grouped].map(([subjectId, counters]) => ({ kind, subjectId, period: period.code, figures: scorecard(counters) }))
    .sort((a, b) => (b.figures.composite ?? -1) - (a.figures.composite ?? -1) || a.subjectId.localeCompare(b.subjectId));
}

/** A page of {@link readableScorecards}. */
export async function listScorecards(
  ctx: RequestContext, kind: ScorecardKind, periodCode: string, agencyId: string | undefined, args: PageArgs,
): Promise<ConnectionResult<ScorecardResult>> {
  const window = pageWindow(args);
  const cards = await readableScorecards(ctx, kind, periodCode, agencyId);
  return toConnection(cards.slice(window.offset, window.offset + window.limit), cards.length, window);
}

/** What a drill-down lists: the facts behind a scorecard, optionally of one kind. */
export interface FactRow {
  id: string;
  kind: string;
  dossierId: string;
  agencyId: string;
  unitId: string;
  officerId: string | null;
  procedureId: string;
  day: string;
  occurredAt: Date;
  fact: Record<string, unknown>;
}

/**
 * The facts behind a scorecard number (e.g. the late steps of a unit), newest first, within the
 * caller's scope: where they count now (facts excluded by an accepted dispute are not listed).
 */
export async function scorecardFacts(
  ctx: RequestContext, kind: ScorecardKind, id: string, periodCode: string, factKinds: string[] | undefined, args: PageArgs, timeliness?: string,
): Promise<ConnectionResult<FactRow>> {
  const principal = requirePrincipal(ctx);
  const window = pageWindow(args);
  const period = parsePeriod(periodCode);
  const where = await ensureReadable(ctx, principal, kind, id);
  const { rows, total } = await readPage(ctx.em, EvaluationFact, {
    $and: [where as FilterQuery<EvaluationFact>, { [SUBJECT_COLUMN[kind]]: id, excludedBy: null, day: { $gte: period.fromDay, $lte: period.toDay } }, ...(factKinds?.length ? [{ kind: { $in: factKinds } }] : []), ...(timeliness ? [{ timeliness }] : [])],
  }, window, { occurredAt: 'desc', id: 'desc' });
  return toConnection(rows.map(toFactRow), total, window);
}

export function toFactRow(row: Record<string, unknown>): FactRow {
  return {
    id: String(row.id), kind: String(row.kind), dossierId: String(row.dossierId), agencyId: String(row.agencyId), unitId: String(row.unitId),
    officerId: row.officerId ? String(row.officerId) : null, procedureId: String(row.procedureId), day: String(row.day),
    occurredAt: new Date(Number(row.occurredAt)), fact: asJson<Record<string, unknown>>(row.fact),
  };
}
