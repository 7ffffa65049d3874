import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (server/src or server/dist → ../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_SQLITE_FILE = resolve(REPO_ROOT, 'data/motcua.sqlite');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default(`file:${DEFAULT_SQLITE_FILE}`),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  DEMO_SEED: z.enum(['auto', 'true', 'false']).default('auto'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
  MAX_QUERY_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_QUERY_COMPLEXITY: z.coerce.number().int().positive().default(5_000),
  CORS_ORIGINS: z.string().default('*'),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  TRUST_PROXY: booleanFlag.default(false),
  INTROSPECTION: booleanFlag.default(true),
  WORKERS: booleanFlag.default(true),
  DATA_DIR: z.string().min(1).optional(),
});

export type Dialect = 'sqlite' | 'postgresql';

/** Validated configuration; every field has a safe default except AUTH_SECRET in production. */
export interface Config {
  env: 'development' | 'production' | 'test';
  production: boolean;
  port: number;
  host: string;
  database: { dialect: Dialect; url: string; sqliteFile?: string };
  logLevel: string;
  authSecret: Buffer;
  demoSeed: 'auto' | 'true' | 'false';
  limits: { maxBodyBytes: number; maxDepth: number; maxComplexity: number };
  corsOrigins: string[];
  /** Unauthenticated requests per minute per client address (0 = no limit). */
  publicRateLimit: number;
  /** Take the client address from X-Forwarded-For (behind a trusted reverse proxy). */
  trustProxy: boolean;
  introspection: boolean;
  /** Run the outbox dispatcher and job runner in this process. */
  workers: boolean;
  /** Files kept between restarts (development keys, secrets): `DATA_DIR`, else beside the SQLite file, else `<repo>/data`. */
  dataDir: string;
  /** The variables this configuration was read from; modules validate their own (`onStart`). */
  variables: Readonly<Record<string, string | undefined>>;
}

function databaseOf(url: string): Config['database'] {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgresql', url };
  const file = url.replace(/^(file|sqlite|libsql):/, '');
  return { dialect: 'sqlite', url, sqliteFile: file === ':memory:' ? ':memory:' : resolve(file) };
}

/** A development secret kept beside the SQLite file, so tokens survive restarts. */
function developmentSecret(database: Config['database']): Buffer {
  if (!database.sqliteFile || database.sqliteFile === ':memory:') return randomBytes(32);
  const file = resolve(dirname(database.sqliteFile), 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * Reads configuration from the environment. Throws a readable error listing every invalid
 * variable.
 *
 * @example
 * const config = loadConfig({ ...process.env, PORT: '0' });
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_SECRET) throw new Error('Invalid configuration: AUTH_SECRET is required in production');
  const database = databaseOf(e.DATABASE_URL);
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    database,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    authSecret: e.AUTH_SECRET ? Buffer.from(e.AUTH_SECRET) : developmentSecret(database),
    demoSeed: e.DEMO_SEED,
    limits: { maxBodyBytes: e.MAX_BODY_BYTES, maxDepth: e.MAX_QUERY_DEPTH, maxComplexity: e.MAX_QUERY_COMPLEXITY },
    corsOrigins: e.CORS_ORIGINS.split(',').map((o) => o.trim()),
    publicRateLimit: e.PUBLIC_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    introspection: e.INTROSPECTION,
    workers: e.WORKERS,
    dataDir: resolve(e.DATA_DIR ?? (database.sqliteFile && database.sqliteFile !== ':memory:' ? dirname(database.sqliteFile) : resolve(REPO_ROOT, 'data'))),
    variables: { ...env },
  };
}
