import { asDate, readOne, type RequestContext } from '@motcua/kernel/contract';
import { sumDailyBy } from '../facts/aggregate.read.js';
import { IndexRun, Publication } from '../index766/index.entity.js';
import { parsePeriod } from '../shared/period.js';

/** One agency's public line for a period. */
export interface AgencyRanking {
  rank: number;
  agencyId: string;
  received: number;
  done: number;
  doneInTime: number;
  /** Early + on-time share of resolved dossiers, null when none was resolved. */
  onTimeRate: number | null;
  ratings: number;
  averageSatisfaction: number | null;
  /** Share of ratings that were 4 or 5. */
  satisfiedRate: number | null;
  /** The shadow 766 index rescaled to 100 and its band, when computed. */
  indexScore: number | null;
  indexBand: string | null;
}

/** A period's public results; `published` false (and no agencies) until a supervisor publishes it. */
export interface TransparencyReport {
  period: string;
  published: boolean;
  publishedAt: Date | null;
  procedureId: string | null;
  agencies: AgencyRanking[];
}

const share = (n: number, d: number, digits = 4) => (d === 0 ? null : Math.round((n / d) * 10 ** digits) / 10 ** digits);

/**
 * Agency rankings of a published period, optionally for one procedure: ordered by on-time
 * rate, then satisfaction; readable without signing in. Nothing below agency level is shown.
 */
export async function transparencyReport(ctx: RequestContext, periodCode: string, procedureId: string | undefined): Promise<TransparencyReport> {
  const period = parsePeriod(periodCode);
  const publication = await readOne(ctx.em, Publication, { period: period.code });
  const base = { period: period.code, procedureId: procedureId ?? null };
  if (!publication) return { ...base, published: false, publishedAt: null, agencies: [] };
  const byAgency = await sumDailyBy(ctx.em, period, procedureId ? { procedureId } : {}, 'agencyId');
  const runRows = await ctx.em.createQueryBuilder(IndexRun, 'r').select(['r.agencyId', 'r.score100', 'r.band']).where({ period: period.code })
    .execute<Array<{ agencyId: string; score100: unknown; band: string }>>('all', true);
  const runs = new Map(runRows.map((run) => [run.agencyId, run]));
  const lines = [...byAgency].map(([agencyId, c]) => {
    const done = c.doneEarly + c.doneOnTime + c.doneLate;
    const run = procedureId ? undefined : runs.get(agencyId); // the index is per agency, not per procedure
    return {
      agencyId, received: c.received, done, doneInTime: c.doneEarly + c.doneOnTime, onTimeRate: share(c.doneEarly + c.doneOnTime, done),
      ratings: c.ratings, averageSatisfaction: share(c.satisfactionSum, c.ratings, 2), satisfiedRate: share(c.ratingsSatisfied, c.ratings),
      indexScore: run ? Number(run.score100) : null, indexBand: run?.band ?? null,
    };
  }).sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || (b.averageSatisfaction ?? -1) - (a.averageSatisfaction ?? -1) || a.agencyId.localeCompare(b.agencyId));
  return { ...base, published: true, publishedAt: asDate(publication.publishedAt), agencies: lines.map((line, i) => ({ rank: i + 1, ...line })) };
}
