import type { EntityManager } from '@mikro-orm/knex';
import { asJson, uuid7 } from '@motcua/kernel/contract';
import { addCounters, type Counters, counterDelta, zeroCounters } from './counters.js';
import type { DossierFact } from './dossier-fact.js';
import type { AttributionKey } from './consume.js';
import { DailyAggregate, EvaluationFact } from './fact.entity.js';

const BATCH = 5_000;

/** Days to rebuild, inclusive (`YYYY-MM-DD`); both absent means every day. */
export interface DayRange {
  fromDay?: string;
  toDay?: string;
}

function dayWhere(range: DayRange): Record<string, unknown> {
  const day: Record<string, string> = {};
  if (range.fromDay) day.$gte = range.fromDay;
  if (range.toDay) day.$lte = range.toDay;
  return Object.keys(day).length ? { day } : {};
}

/**
 * Rebuilds the daily aggregates of a day range from the kept facts, in the caller's
 * transaction: the repair path and the oracle the incremental path is tested against.
 * Returns the number of facts read.
 *
 * @example
 * await em.transactional((tx) => recomputeAggregates(tx, { fromDay: '2026-07-01', toDay: '2026-09-30' }, clock.now()));
 */
export async function recomputeAggregates(em: EntityManager, range: DayRange, now: Date): Promise<number> {
  const rows = new Map<string, { key: AttributionKey; unitPath: string; counters: Counters }>();
  let read = 0;
  for (let after = ''; ;) {
    const facts = await em
      .createQueryBuilder(EvaluationFact, 'f')
      .select(['f.id', 'f.agencyId', 'f.unitId', 'f.officerId', 'f.procedureId', 'f.day', 'f.unitPath', 'f.excludedBy', 'f.fact'])
      .where({ $and: [dayWhere(range), { id: { $gt: after || '00000000-0000-0000-0000-000000000000' } }] })
      .orderBy({ id: 'asc' })
      .limit(BATCH)
      .execute<Array<AttributionKey & { id: string; unitPath: string; excludedBy: string | null; fact: unknown }>>('all', true);
    for (const row of facts) {
      if (row.excludedBy) continue; // excluded by an accepted dispute
      const fact = asJson<DossierFact>(row.fact);
      // The row's attribution, not the payload's: an accepted dispute may have moved the fact.
      const key: AttributionKey = { agencyId: row.agencyId, unitId: row.unitId, officerId: row.officerId, procedureId: row.procedureId, day: row.day };
      const id = Object.values(key).join('|');
      const entry = rows.get(id) ?? { key, unitPath: row.unitPath, counters: zeroCounters() };
      entry.unitPath = row.unitPath; // the latest fact's path, as the incremental path keeps it
      rows.set(id, { ...entry, counters: addCounters(entry.counters, counterDelta(fact)) });
    }
    read += facts.length;
    if (facts.length < BATCH) break;
    after = facts[facts.length - 1].id;
  }
  await em.nativeDelete(DailyAggregate, dayWhere(range));
  const entities = [...rows.values()].map(({ key, unitPath, counters }) => ({ id: uuid7(now.getTime()), ...key, unitPath, ...counters }));
  for (let start = 0; start < entities.length; start += 500) await em.insertMany(DailyAggregate, entities.slice(start, start + 500));
  return read;
}
