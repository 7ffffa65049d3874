import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';

/** A database for one test app, and how to throw it away. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * The database a test runs on, from TEST_DATABASE_URL: unset means a private in-memory
 * SQLite (or the given SQLite file); `postgresql://…` means a fresh database created on that
 * server for this test app and dropped afterwards, so test files can run in parallel.
 */
export async function createTestDatabase(sqliteFile?: string): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base || !/^postgres(ql)?:/.test(base)) {
    return { url: `file:${sqliteFile ?? ':memory:'}`, drop: async () => undefined };
  }
  const { default: pg } = await import('pg');
  const name = `motcua_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: base.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type { Config };
