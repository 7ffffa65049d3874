import { type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { COUNTER_NAMES, type Counters, zeroCounters } from './counters.js';
import { DailyAggregate } from './fact.entity.js';
import type { Period } from '../shared/period.js';

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const SUMS = COUNTER_NAMES.map((name) => raw(`coalesce(sum(a.${snake(name)}), 0) as ${snake(name)}`));

/** The column a grouped read groups by. */
export type GroupColumn = 'agencyId' | 'unitId' | 'officerId';

function toCounters(row: Record<string, unknown>): Counters {
  const counters = zeroCounters();
  for (const name of COUNTER_NAMES) counters[name] = Number(row[snake(name)] ?? 0);
  return counters;
}

/** Daily rows of a period matching `where` (CASL filters included by the caller). */
function periodQuery(em: EntityManager, period: Period, where: FilterQuery<DailyAggregate>) {
  return em.createQueryBuilder(DailyAggregate, 'a').where({ $and: [where, { day: { $gte: period.fromDay, $lte: period.toDay } }] });
}

/**
 * Summed counters of the daily rows of a period matching `where`, in one statement.
 *
 * @example
 * await sumDaily(em, parsePeriod('2026-Q3'), { $and: [caslWhere, { unitId }] })
 */
export async function sumDaily(em: EntityManager, period: Period, where: FilterQuery<DailyAggregate>): Promise<Counters> {
  const [row] = await periodQuery(em, period, where).select(SUMS).execute<Record<string, unknown>[]>('all', false);
  return row ? toCounters(row) : zeroCounters();
}

/** Summed counters per value of `by` (e.g. per officer), in one statement. */
export async function sumDailyBy(em: EntityManager, period: Period, where: FilterQuery<DailyAggregate>, by: GroupColumn): Promise<Map<string, Counters>> {
  const column = `a.${snake(by)}`;
  const rows = await periodQuery(em, period, where).select([raw(`${column} as subject_id`), ...SUMS]).groupBy(raw(column))
    .execute<Record<string, unknown>[]>('all', false);
  return new Map(rows.map((row) => [String(row.subject_id), toCounters(row)]));
}
