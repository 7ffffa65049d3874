import { DataloaderType, type EventArgs, type EventSubscriber, helper, MikroORM, type Options } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsFor } from '@motcua/migrations';
import type { ModuleDefinition } from '@motcua/kernel/contract';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { type Config, REPO_ROOT } from './config.js';

export type Orm = MikroORM & { em: EntityManager };

/**
 * Works around a MikroORM 6.6.16 SQLite quirk: the libsql result mapper turns `datetime`
 * columns into Date objects and keeps them as the loaded snapshot, while change detection
 * compares against epoch milliseconds, so every loaded entity with a date looked dirty and
 * was rewritten (bumping its optimistic-lock version) on the next flush. Re-taking the
 * snapshot after load makes both sides epoch milliseconds.
 */
class SqliteSnapshotFix implements EventSubscriber {
  onLoad({ entity, em }: EventArgs<object>): void {
    helper(entity).__originalEntityData = em.getComparator().prepareEntity(entity);
  }
}

/** How long a SQLite transaction waits for the single connection before it fails. */
const SQLITE_QUEUE_MS = 180_000;

/**
 * SQLite's page cache for the connection, in KiB. SQLite's default (2 MB) is too small to keep a
 * busy list's pages between requests: at 1,000,000 dossiers the officer list spent more time in
 * read() system calls than in SQLite itself.
 */
const SQLITE_CACHE_KIB = 65_536;

/** Knex pool hook: sets the page cache on each new SQLite connection (libsql `Database`). */
function sizeSqliteCache(connection: { exec(sql: string): void }, done: (error: Error | null, connection: unknown) => void): void {
  connection.exec(`pragma cache_size = -${SQLITE_CACHE_KIB}`);
  done(null, connection);
}

/** MikroORM options for the configured database; the driver is loaded on demand. */
export async function ormOptions(database: Config['database'], modules: readonly ModuleDefinition[], log?: Logger): Promise<Options> {
  const postgres = database.dialect === 'postgresql';
  const driver = postgres ? (await import('@mikro-orm/postgresql')).PostgreSqlDriver : (await import('@mikro-orm/libsql')).LibSqlDriver;
  if (database.sqliteFile && database.sqliteFile !== ':memory:') mkdirSync(dirname(database.sqliteFile), { recursive: true });
  const migrationsPath = resolve(REPO_ROOT, 'migrations', database.dialect);
  return {
    driver,
    ...(postgres ? { clientUrl: database.url } : { dbName: database.sqliteFile }),
    // libsql's default busy timeout is 0: a read that meets another process's commit (a CLI
    // command, a test's own connection) failed at once with SQLITE_BUSY. Wait up to 5 s, as
    // better-sqlite3 does by default (libsql's `timeout` is in milliseconds).
    // SQLite has one connection, so transactions queue for it; knex's default 60 s acquire
    // timeout turned a burst of receptions (200 at one desk, each rendering Mẫu 01) into
    // internal errors for the last in line. They wait their turn for up to 3 minutes instead.
    ...(postgres ? {} : { driverOptions: { connection: { timeout: 5_000 }, acquireConnectionTimeout: SQLITE_QUEUE_MS }, pool: { afterCreate: sizeSqliteCache } }),
    entities: modules.flatMap((m) => m.entities),
    subscribers: postgres ? [] : [new SqliteSnapshotFix()],
    extensions: [Migrator],
    // Entity code (mutations, handlers) batches Ref/Collection loads through MikroORM's dataloader;
    // GraphQL reads bypass entities and batch through per-request DataLoaders (docs/architecture.md).
    dataloader: DataloaderType.ALL,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    colors: false,
    debug: false,
    logger: log ? (message) => log.debug({ orm: true }, message) : undefined,
    discovery: { warnWhenNoEntities: false },
    migrations: {
      migrationsList: migrationsFor(database.dialect),
      path: migrationsPath,
      pathTs: migrationsPath,
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
  };
}

/** Opens the ORM (does not migrate). */
export async function openOrm(database: Config['database'], modules: readonly ModuleDefinition[], log?: Logger): Promise<Orm> {
  return (await MikroORM.init(await ormOptions(database, modules, log))) as Orm;
}

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
