/**
 * What the bench sends, and the SQL both servers run for it.
 *
 * The SQL texts below are the statements our server issues for these two operations, as
 * captured at the driver (libsql `Database.prepare`, pg `Client.query`) with MikroORM 6.6.16:
 * - `me { agency { name } }` = the authenticator's 2 statements (modules/identity/src/auth/
 *   authenticate.ts) + the agency loader's `select e.* … where e.id in (…)` (kernel readByIds).
 * - the agencies page = the same 2 authentication statements, then `readPage`'s page and count
 *   selects (in parallel), then one batched `select e.* … where e.id in (…)` for `parent`.
 *
 * MikroORM inlines the values into the SQL text and sends/prepares it anew on every request
 * (libsql: `prepare` per statement; pg: simple query protocol, so the backend parses and plans
 * each time). The baseline runs the same texts with placeholders instead of the inlined values,
 * as prepared statements kept for the life of the process (libsql statement cache; pg named
 * statements), which is what a careful hand-written server does.
 */

export type Dialect = 'sqlite' | 'postgresql';
export type QueryKey = 'me' | 'list';

export const QUERIES: Record<QueryKey, string> = {
  me: '{ me { agency { name } } }',
  list: '{ agencies(limit: 50) { nodes { id code name kind parent { name } } totalCount } }',
};

export const QUERY_LABELS: Record<QueryKey, string> = {
  me: 'me { agency { name } }',
  list: 'agencies(limit: 50) + parent',
};

/** ratio ours/baseline (req/s) to reach, per query and database. */
export const TARGETS: Record<QueryKey, Record<Dialect, number>> = {
  list: { postgresql: 0.3, sqlite: 0.15 },
  me: { postgresql: 0.3, sqlite: 0.22 },
};

/** The body autocannon and the checks POST for a query. */
export function requestBody(query: QueryKey): string {
  return JSON.stringify({ query: QUERIES[query] });
}

export interface SqlSet {
  sessionUser: string;
  grants: string;
  page: string;
  count: string;
  /** `select e.* … where e.id in (…)` with `n` placeholders. */
  byIds(n: number): string;
}

const SESSION_USER_SQL =
  'select u.id, u.username, u.full_name, u.kind, u.unit_id from identity_session s join identity_user u on u.id = s.user_id ' +
  "where s.id = ? and s.user_id = ? and s.revoked_at is null and u.status = 'ACTIVE'";
const GRANTS_SQL =
  'select r.permissions, ra.unit_id, a.path, ra.include_subtree from identity_role_assignment ra ' +
  'join identity_role r on r.id = ra.role_id left join identity_agency a on a.id = ra.unit_id where ra.user_id = ?';

/** `?` → `$1, $2, …` for pg. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export const SQL: Record<Dialect, SqlSet> = {
  sqlite: {
    sessionUser: SESSION_USER_SQL,
    grants: GRANTS_SQL,
    page: 'select `e`.* from `identity_agency` as `e` order by `e`.`name` asc, `e`.`id` asc limit 50',
    count: 'select count(*) as `count` from `identity_agency` as `e`',
    byIds: (n) => `select \`e\`.* from \`identity_agency\` as \`e\` where \`e\`.\`id\` in (${Array(n).fill('?').join(', ')})`,
  },
  postgresql: {
    sessionUser: numbered(SESSION_USER_SQL),
    grants: numbered(GRANTS_SQL),
    page: 'select "e".* from "identity_agency" as "e" order by "e"."name" asc, "e"."id" asc limit 50',
    count: 'select count(*) as "count" from "identity_agency" as "e"',
    byIds: (n) => `select "e".* from "identity_agency" as "e" where "e"."id" in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(', ')})`,
  },
};
