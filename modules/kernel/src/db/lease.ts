import type { EntityManager } from '@mikro-orm/knex';
import { isPostgres } from './dialect.js';

/** Which rows of a leasable table are due, as SQL over its columns. */
export interface LeaseQuery {
  table: 'kernel_outbox' | 'kernel_job';
  /** Extra condition, e.g. `delivered_at is null and available_at <= ?`. */
  dueSql: string;
  dueParams: unknown[];
  orderBy: string;
}

/**
 * Atomically claims up to `limit` due rows for `owner` until `now + leaseMs` and returns
 * their ids. On PostgreSQL the inner select uses `FOR UPDATE SKIP LOCKED`, so replicas
 * polling at once never claim the same row; SQLite has a single writer, so the one
 * `UPDATE … RETURNING` statement is already atomic there. A lease that expires (its
 * holder died) makes the row claimable again.
 */
export async function leaseDueRows(
  em: EntityManager,
  query: LeaseQuery,
  owner: string,
  now: number,
  leaseMs: number,
  limit: number,
): Promise<string[]> {
  const lock = isPostgres(em) ? 'for update skip locked' : '';
  const sql =
    `update ${query.table} set lease_owner = ?, lease_until = ? where id in (` +
    `select id from ${query.table} where ${query.dueSql} and (lease_until is null or lease_until < ?) ` +
    `order by ${query.orderBy} limit ? ${lock}) returning id`;
  const rows = await em.execute<{ id: string }[]>(sql, [owner, now + leaseMs, ...query.dueParams, now, limit]);
  return rows.map((row) => row.id);
}
