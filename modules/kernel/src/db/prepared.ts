import { type EntityName, JsonType } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { isPostgres } from './dialect.js';
import { asJson } from './rows.js';

/** A driver connection as knex hands it out: libsql's Database, or a pg Client. */
type PooledConnection = {
  prepare?: (sql: string) => { all(params: unknown[]): unknown[] };
  query?: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>;
};
type KnexClient = { acquireConnection(): Promise<PooledConnection>; releaseConnection(connection: PooledConnection): Promise<void> | void };

/** Distinct statements kept per connection; list queries vary in shape (filters, sorts, $in sizes). */
const MAX_STATEMENTS = 500;
const sqliteStatements = new WeakMap<PooledConnection, Map<string, { all(params: unknown[]): unknown[] }>>();
const postgresStatements = new Map<string, { name: string; text: string }>();
let postgresGeneration = 0;

function postgresStatement(sql: string): { name: string; text: string } {
  let statement = postgresStatements.get(sql);
  if (!statement) {
    if (postgresStatements.size >= MAX_STATEMENTS) {
      postgresStatements.clear();
      postgresGeneration++; // new names: connections may still hold the old ones
    }
    let n = 0;
    statement = { name: `motcua_${postgresGeneration}_${postgresStatements.size}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    postgresStatements.set(sql, statement);
  }
  return statement;
}

/**
 * Runs fixed SQL (`?` placeholders, no `?` in literals) through a statement prepared once per
 * pooled connection: cached `prepare` on SQLite, a named statement on PostgreSQL. For the
 * per-request hot path (authentication, id lookups), where re-preparing and re-planning cost
 * more than running the query. Inside a transaction it falls back to `em.execute`, so it sees
 * the transaction's writes. It bypasses MikroORM's query log.
 *
 * @example
 * const rows = await queryPrepared<{ id: string }>(ctx.em, 'select id from identity_user where username = ?', [name]);
 */
export async function queryPrepared<T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  if (em.getTransactionContext()) return em.execute<T[]>(sql, params);
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    if (isPostgres(em)) return (await connection.query!({ ...postgresStatement(sql), values: params })).rows as T[];
    let statements = sqliteStatements.get(connection);
    if (!statements) sqliteStatements.set(connection, (statements = new Map()));
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(sql, (statement = connection.prepare!(sql)));
    }
    return statement.all(params.map(sqliteValue)) as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Values as SQLite stores them: libsql's native binding aborts the whole process ("not yet
 * implemented: bool") when handed a JS boolean, and refuses a Date; MikroORM stores booleans as
 * 1 and 0 and datetimes as epoch milliseconds.
 */
function sqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return Number(value);
  return value instanceof Date ? value.getTime() : value;
}

const byIdsSql = new Map<string, string>();

/**
 * Rows of `entity` with the given ids as plain objects keyed by property name (a foreign key
 * as the related id), through prepared statements; the SQL is generated once per entity and
 * number of ids. The read path of per-request DataLoaders.
 */
export async function readByIds<T extends object>(em: EntityManager, entity: EntityName<T>, ids: readonly string[]): Promise<Record<string, unknown>[]> {
  const meta = em.getMetadata().get(entity as string);
  const key = `${meta.className}:${ids.length}`;
  let sql = byIdsSql.get(key);
  if (!sql) {
    sql = em.createQueryBuilder(entity, 'e').select('e.*').where({ id: { $in: [...ids] } } as never).getKnexQuery().toSQL().sql;
    byIdsSql.set(key, sql);
  }
  const rows = await queryPrepared(em, sql, [...ids]);
  const driver = em.getDriver() as unknown as { mapResult(row: unknown, meta: unknown): Record<string, unknown> };
  const jsonProps = meta.props.filter((prop) => prop.customType instanceof JsonType).map((prop) => prop.name);
  return rows.map((row) => {
    const mapped = driver.mapResult(row, meta);
    // SQLite hands JSON columns back as text; PostgreSQL already parsed them.
    for (const name of jsonProps) mapped[name] = asJson(mapped[name]);
    return mapped;
  });
}
