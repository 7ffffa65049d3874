import 'reflect-metadata';
import kernel from '@motcua/kernel';
import { createTestApp, createTestDatabase, type TestApp, type TestAppOptions } from '@motcua/server/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EFFECT_ACTION, kernelTestModule } from './test-module.js';

// Shared by the tests and by crash-mid-delivery.ts, which runs outside vitest: no vitest imports here.
// Integration code imports the kernel as `@motcua/kernel…`, exactly as the server does, so both
// get the same module instances (AppError's instanceof, entity classes) however it resolves.

/** A fixed instant for FixedClock-driven tests (08:00 in Hà Nội). */
export const T0 = new Date('2026-01-05T08:00:00+07:00');

export type KernelAppOptions = Omit<TestAppOptions, 'modules'> & Parameters<typeof kernelTestModule>[0];

/** A test server running the kernel and the test module only (no identity, no demo data). */
export function startKernelApp({ handlers, jobs, ...options }: KernelAppOptions = {}): Promise<TestApp> {
  return createTestApp({ demo: false, ...options, modules: [kernel, kernelTestModule({ handlers, jobs })] });
}

/** Raw SQL on a fresh EntityManager (`?` placeholders work on both dialects). */
export function sql<T = Record<string, unknown>>(t: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return t.app.orm.em.fork().execute<T[]>(query, params);
}

/** Epoch-ms and integer columns come back as strings from PostgreSQL's bigint. */
function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Runs a mutation of the test module and returns its data; throws on GraphQL errors. */
export async function mutate<T = Record<string, unknown>>(t: TestApp, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await t.gql<T>(query, variables);
  if (result.errors || !result.data) throw new Error(`${query} failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const RAISE = 'mutation($fail: Boolean!, $tag: String!) { testRaise(fail: $fail, tag: $tag) }';

/** Publishes a TestRaised event in a mutation that commits; returns the event id. */
export async function raise(t: TestApp, tag: string): Promise<string> {
  return (await mutate<{ testRaise: string }>(t, RAISE, { fail: false, tag })).testRaise;
}

/** How many effects (audit rows) each handler produced for one event. */
export async function effectCounts(t: TestApp, eventId: string): Promise<Record<string, number>> {
  const rows = await sql<{ entity_type: string; n: unknown }>(
    t,
    'select entity_type, count(*) as n from kernel_audit where action = ? and entity_id = ? group by entity_type',
    [EFFECT_ACTION, eventId],
  );
  return Object.fromEntries(rows.map((row) => [row.entity_type, Number(row.n)]));
}

export interface OutboxState {
  attempts: number;
  availableAt: number;
  deliveredAt: number | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
}

export async function outboxRow(t: TestApp, id: string): Promise<OutboxState | undefined> {
  const [row] = await sql(t, 'select attempts, available_at, delivered_at, lease_owner, lease_until, last_error from kernel_outbox where id = ?', [id]);
  return row && {
    attempts: num(row.attempts)!,
    availableAt: num(row.available_at)!,
    deliveredAt: num(row.delivered_at),
    leaseOwner: row.lease_owner as string | null,
    leaseUntil: num(row.lease_until),
    lastError: row.last_error as string | null,
  };
}

export interface JobState {
  id: string;
  status: string;
  attempts: number;
  runAt: number;
  dedupeKey: string | null;
  leaseOwner: string | null;
}

export async function jobRows(t: TestApp, name: string): Promise<JobState[]> {
  const rows = await sql(t, 'select id, status, attempts, run_at, dedupe_key, lease_owner from kernel_job where name = ? order by run_at, id', [name]);
  return rows.map((row) => ({
    id: row.id as string,
    status: row.status as string,
    attempts: num(row.attempts)!,
    runAt: num(row.run_at)!,
    dedupeKey: row.dedupe_key as string | null,
    leaseOwner: row.lease_owner as string | null,
  }));
}

/**
 * A database that outlives one app, so a second app (or a CLI process) can open it: a SQLite
 * file in a temporary directory, or a fresh PostgreSQL database when TEST_DATABASE_URL says so.
 */
export interface SharedDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function sharedDatabase(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-kernel-'));
  const database = await createTestDatabase(join(dir, 'db.sqlite'));
  return {
    url: database.url,
    async drop() {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript entry point in a real Node process, the way `pnpm --filter @motcua/server`
 * scripts do (sources via the `source` condition, compiled on the fly by swc-node), from the
 * server directory whose tsconfig enables decorators.
 */
export function runTypeScript(args: string[], env: Record<string, string> = {}): Promise<ProcessResult> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', '@swc-node/register/esm-register', ...args], {
    cwd: fileURLToPath(new URL('../../../../server', import.meta.url)),
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
