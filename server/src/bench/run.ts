/**
 * `pnpm bench`: requests per second and p50/p99 latency of our server against a bare
 * `node:http` baseline doing the same SQL and JSON encoding, on the same machine in one run,
 * for SQLite (always) and PostgreSQL (when reachable at BENCH_PG_URL). Prints the ratio
 * ours/baseline with its target and writes bench-results/latest.json at the repository root.
 *
 * Both servers run as child processes: ours is `node server/dist/main.js` in production mode
 * (migrated and demo-seeded by itself, plus BENCH_AGENCIES extra units inserted with SQL), the
 * baseline is dist/bench/baseline.js. autocannon drives them from this process; servers are
 * alternated per round (the order flips every round) and the medians over rounds are reported.
 *
 * Environment (all optional):
 *   BENCH_SECONDS=8        measured seconds per run
 *   BENCH_WARMUP=2         warm-up seconds before a server's first run of a query (discarded)
 *   BENCH_REWARM=1         warm-up seconds before later runs (discarded)
 *   BENCH_ROUNDS=2         rounds (each measures every server on every query once)
 *   BENCH_CONNECTIONS=10   concurrent keep-alive connections
 *   BENCH_AGENCIES=2000    extra agencies inserted under the demo province
 *   BENCH_DATABASES=sqlite,postgresql
 *   BENCH_QUERIES=me,list
 *   BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres   (a throw-away database is created on it)
 *   BENCH_CPU_PROF=1       run our server with --cpu-prof (profiles in bench-results/profiles/)
 *   BENCH_CATALOG_PROCEDURES=5000  procedures imported for the catalog bench (0 skips it)
 *   BENCH_CATALOG_SEARCHES=1000    search requests timed over them
 *   BENCH_SIGNATURE_OPS=30 runs per signature operation (0 skips)
 *   BENCH_INBOX_TASKS=100000  open tasks of one officer for the inbox timing (0 skips the workflow timings)
 *   BENCH_INBOX_REQUESTS=200  sequential inbox requests per view
 *   BENCH_EVAL_DOSSIERS=1000000  dossiers whose evaluation facts are bulk-inserted for the evaluation bench (0 skips):
 *                          each quarter's full recompute is timed, then the busiest agency's quarter scorecard
 *   BENCH_EVAL_QUERIES=50  sequential scorecard reads for its p50/p95 (target p95 < 300 ms)
 *   BENCH_RECEPTIONS=500   desk dossiers received through `receiveDossier`, BENCH_CONNECTIONS at a time (receptions/s)
 *   BENCH_DOSSIERS=1000000 dossiers bulk-inserted by the generator (dossier-data.ts) for the officer list (0 skips the dossiers bench)
 *   BENCH_DOSSIER_QUERIES=100  sequential officer list reads for its p50/p95 (target p95 < 100 ms)
 *   BENCH_DOSSIER_SEED=61  the generator's seed (same seed, same dossiers)
 *
 * Exit code: 0 when everything ran, even if a target is missed; 1 when a server fails to start
 * or the two servers' bodies differ structurally.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { benchSignatures, formatSignatureTable } from './signature.js';
import { benchCatalog, formatCatalogTable } from './catalog.js';
import { benchWorkflow, formatWorkflowTable, type WorkflowTiming } from './workflow.js';
import { benchEvaluation, type EvaluationTiming } from './evaluation.js';
import { benchDossiers, DOSSIER_LIST_P95_MS, type DossiersTiming } from './dossiers.js';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../config.js';
import { type Child, killAllSync, startChild, stopChild } from './children.js';
import { addAgencies, postgresDatabase, postgresReachable, withDatabase } from './data.js';
import { runLoad } from './load.js';
import { type Dialect, type QueryKey, QUERY_LABELS, requestBody, TARGETS } from './queries.js';
import { type Comparison, cellOf, formatTable, type Sample, type ServerKind } from './report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER_MAIN = resolve(HERE, '../main.js');
const BASELINE_MAIN = resolve(HERE, 'baseline.js');
const RESULTS_DIR = resolve(REPO_ROOT, 'bench-results');
const DEMO_PASSWORD = 'Motcua@2026';

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function listEnv<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (!raw) return [...allowed];
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`${name}: unknown "${item}" (allowed: ${allowed.join(', ')})`);
  return items as T[];
}

const settings = {
  seconds: numberEnv('BENCH_SECONDS', 8),
  warmup: numberEnv('BENCH_WARMUP', 2),
  rewarm: numberEnv('BENCH_REWARM', 1),
  rounds: Math.max(1, Math.round(numberEnv('BENCH_ROUNDS', 2))),
  connections: Math.max(1, Math.round(numberEnv('BENCH_CONNECTIONS', 10))),
  agencies: Math.round(numberEnv('BENCH_AGENCIES', 2000)),
  databases: listEnv<Dialect>('BENCH_DATABASES', ['sqlite', 'postgresql']),
  queries: listEnv<QueryKey>('BENCH_QUERIES', ['me', 'list']),
  pgUrl: process.env.BENCH_PG_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
  cpuProf: ['1', 'true'].includes(process.env.BENCH_CPU_PROF ?? ''),
  /** Runs per signature operation (0 skips the signature bench). */
  signatureOps: Math.round(numberEnv('BENCH_SIGNATURE_OPS', 30)),
  /** Procedures imported for the catalog bench (0 skips it), and search requests timed over them. */
  catalogProcedures: Math.round(numberEnv('BENCH_CATALOG_PROCEDURES', 5000)),
  catalogSearches: Math.max(1, Math.round(numberEnv('BENCH_CATALOG_SEARCHES', 1000))),
  /** Open tasks of one officer for the inbox timing (0 skips the workflow timings). */
  inboxTasks: Math.round(numberEnv('BENCH_INBOX_TASKS', 100_000)),
  inboxRequests: Math.max(1, Math.round(numberEnv('BENCH_INBOX_REQUESTS', 200))),
  evalDossiers: Math.round(numberEnv('BENCH_EVAL_DOSSIERS', 1_000_000)),
  evalQueries: Math.max(1, Math.round(numberEnv('BENCH_EVAL_QUERIES', 50))),
  /** Receptions timed, dossiers generated for the officer list (0 skips the dossiers bench), list reads, generator seed. */
  receptions: Math.round(numberEnv('BENCH_RECEPTIONS', 500)),
  dossiers: Math.round(numberEnv('BENCH_DOSSIERS', 1_000_000)),
  dossierQueries: Math.max(1, Math.round(numberEnv('BENCH_DOSSIER_QUERIES', 100))),
  dossierSeed: Math.round(numberEnv('BENCH_DOSSIER_SEED', 61)),
};

/** The evaluation bench's target: p95 of the agency scorecard read. */
const EVALUATION_SCORECARD_P95_MS = 300;

/** A structural difference between the two servers' answers: the bench's numbers would be meaningless. */
class BodyMismatchError extends Error {}

interface Cleanup {
  tempDirs: string[];
  pgDatabases: string[];
}
const cleanup: Cleanup = { tempDirs: [], pgDatabases: [] };

async function cleanUp(): Promise<void> {
  killAllSync();
  for (const dir of cleanup.tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  for (const name of cleanup.pgDatabases.splice(0)) {
    await postgresDatabase(settings.pgUrl, 'drop', name).catch((error: unknown) => console.error(`could not drop database ${name}: ${(error as Error).message}`));
  }
}

async function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, text: await response.text() };
}

async function login(url: string): Promise<string> {
  const body = JSON.stringify({
    query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }',
    variables: { u: 'admin', p: DEMO_PASSWORD },
  });
  const { status, text } = await post(url, body);
  const token = status === 200 ? JSON.parse(text)?.data?.login?.accessToken : undefined;
  if (typeof token !== 'string') throw new Error(`login as admin failed (${status}): ${text.slice(0, 300)}`);
  return token;
}

interface BodyCheck {
  query: QueryKey;
  identical: boolean;
  bytes: number;
  note?: string;
}

/** Fetches a query from both servers and compares the bodies: bytes, then structure. */
async function compareBodies(ours: Child, baseline: Child, query: QueryKey, token: string): Promise<BodyCheck> {
  const body = requestBody(query);
  const [a, b] = await Promise.all([post(ours.url, body, token), post(baseline.url, body, token)]);
  if (a.status !== 200 || b.status !== 200) {
    throw new BodyMismatchError(`${query}: status ours ${a.status}, baseline ${b.status}\n  ours: ${a.text.slice(0, 300)}\n  baseline: ${b.text.slice(0, 300)}`);
  }
  if (a.text === b.text) return { query, identical: true, bytes: Buffer.byteLength(a.text) };
  let same = false;
  try {
    same = isDeepStrictEqual(JSON.parse(a.text), JSON.parse(b.text));
  } catch {
    same = false;
  }
  if (!same) {
    throw new BodyMismatchError(`${query}: the bodies differ structurally\n  ours:     ${a.text.slice(0, 400)}\n  baseline: ${b.text.slice(0, 400)}`);
  }
  const note = `bodies differ in bytes but not in structure (ours ${Buffer.byteLength(a.text)} B, baseline ${Buffer.byteLength(b.text)} B)`;
  console.warn(`  WARNING ${query}: ${note}`);
  return { query, identical: false, bytes: Buffer.byteLength(a.text), note };
}

interface DatabaseRun {
  database: Dialect;
  skipped?: string;
  serverVersion?: string;
  agencies?: number;
  responseBytes?: Partial<Record<QueryKey, number>>;
  bodyChecks?: BodyCheck[];
  evaluation?: EvaluationTiming;
  dossiers?: DossiersTiming;
  samples: Sample[];
  workflow?: WorkflowTiming[];
}

const fmt = (n: number, d: number) => (Number.isFinite(n) ? n.toFixed(d) : '–');

async function benchDatabase(database: Dialect): Promise<DatabaseRun> {
  const run: DatabaseRun = { database, samples: [] };
  const secret = randomBytes(24).toString('hex');
  let databaseUrl: string;
  let baselineDatabase: string;
  if (database === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
    cleanup.tempDirs.push(dir);
    baselineDatabase = join(dir, 'bench.sqlite');
    databaseUrl = `file:${baselineDatabase}`;
    run.serverVersion = 'libsql 0.5.29 (file)';
  } else {
    const version = await postgresReachable(settings.pgUrl);
    if (!version) {
      run.skipped = `PostgreSQL not reachable at ${settings.pgUrl.replace(/\/\/[^@/]*@/, '//…@')}; set BENCH_PG_URL`;
      console.log(`\n== postgresql: skipped (${run.skipped})`);
      return run;
    }
    run.serverVersion = `PostgreSQL ${version}`;
    const name = `motcua_bench_${process.pid}`;
    await postgresDatabase(settings.pgUrl, 'drop', name);
    await postgresDatabase(settings.pgUrl, 'create', name);
    cleanup.pgDatabases.push(name);
    databaseUrl = withDatabase(settings.pgUrl, name);
    baselineDatabase = databaseUrl;
  }
  console.log(`\n== ${database} (${run.serverVersion})`);

  const profileDir = resolve(RESULTS_DIR, 'profiles');
  if (settings.cpuProf) mkdirSync(profileDir, { recursive: true });
  const ours = await startChild('our server', SERVER_MAIN, {
    NODE_ENV: 'production', LOG_LEVEL: 'silent', AUTH_SECRET: secret, DEMO_SEED: 'true', WORKERS: 'false', DATABASE_URL: databaseUrl,
  }, settings.cpuProf ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=ours-${database}-${process.pid}.cpuprofile`] } : {});
  try {
    run.agencies = await addAgencies(database, baselineDatabase, settings.agencies);
    console.log(`  data: demo province + ${settings.agencies} extra agencies = ${run.agencies} agencies`);
    const baseline = await startChild('baseline', BASELINE_MAIN, { BASELINE_DIALECT: database, BASELINE_DATABASE: baselineDatabase, AUTH_SECRET: secret });
    try {
      const servers: Record<ServerKind, Child> = { ours, baseline };
      let token = await login(ours.url);
      run.bodyChecks = [];
      run.responseBytes = {};
      for (const query of settings.queries) {
        const check = await compareBodies(ours, baseline, query, token);
        run.bodyChecks.push(check);
        run.responseBytes[query] = check.bytes;
        console.log(`  body check ${query}: ${check.identical ? 'byte-identical' : 'same structure'} (${check.bytes} B)`);
      }
      const warmed = new Set<string>();
      for (let round = 1; round <= settings.rounds; round++) {
        token = await login(ours.url); // access tokens live 15 minutes; a fresh one per round
        const order: ServerKind[] = round % 2 ? ['ours', 'baseline'] : ['baseline', 'ours'];
        for (const query of settings.queries) {
          for (const server of order) {
            const child = servers[server];
            const key = `${server}:${query}`;
            const warm = warmed.has(key) ? settings.rewarm : settings.warmup;
            const load = { url: child.url, body: requestBody(query), token, connections: settings.connections };
            if (warm > 0) await runLoad({ ...load, seconds: warm });
            warmed.add(key);
            const result = await runLoad({ ...load, seconds: settings.seconds, pid: child.pid });
            run.samples.push({ ...result, database, query, server, round });
            const problems = result.errors || result.non2xx ? `  !! ${result.errors} errors, ${result.non2xx} non-2xx` : '';
            console.log(
              `  round ${round}/${settings.rounds}  ${query.padEnd(4)}  ${server.padEnd(8)}  ${fmt(result.rps, 0).padStart(6)} req/s  ` +
                `p50 ${fmt(result.p50, 2).padStart(7)} ms  p99 ${fmt(result.p99, 2).padStart(7)} ms  CPU ${result.cpuMsPerReq === null ? '–' : fmt(result.cpuMsPerReq, 3)} ms/req${problems}`,
            );
          }
        }
      }
      // The same answers after the load (nothing drifted, tokens still accepted).
      for (const query of settings.queries) await compareBodies(ours, baseline, query, token);
      if (settings.evalDossiers > 0) {
        try {
          run.evaluation = await benchEvaluation(database, baselineDatabase, ours.url, () => login(ours.url), settings.evalDossiers, settings.evalQueries);
        } catch (error) {
          const state = ours.proc.exitCode !== null || ours.proc.signalCode ? `exited (${ours.proc.exitCode ?? ours.proc.signalCode})` : 'running';
          const cause = (error as Error & { cause?: Error }).cause?.message ?? '';
          throw new Error(`evaluation bench: ${(error as Error).message} ${cause}; our server is ${state}, its last output:\n  ${ours.output.slice(-20).join('\n  ')}`);
        }
      }
    } finally {
      await stopChild(baseline, 3_000);
    }
    if (settings.inboxTasks > 0) {
      run.workflow = await benchWorkflow({
        database, databaseLocation: baselineDatabase, url: ours.url, pid: ours.pid, seconds: settings.seconds, connections: settings.connections,
        inboxTasks: settings.inboxTasks, inboxRequests: settings.inboxRequests,
      });
      for (const t of run.workflow) console.log(`  workflow: ${t.operation}: ${t.rps === null ? '' : `${fmt(t.rps, 0)} req/s, `}p50 ${fmt(t.p50Ms, 2)} ms, p95 ${fmt(t.p95Ms, 2)} ms, p99 ${fmt(t.p99Ms, 2)} ms`);
    }
    if (settings.dossiers > 0) {
      run.dossiers = await benchDossiers(database, baselineDatabase, ours.url, {
        receptions: settings.receptions, connections: settings.connections, dossiers: settings.dossiers, queries: settings.dossierQueries, seed: settings.dossierSeed,
      });
    }
  } finally {
    // Our server's graceful stop currently waits ~15 s for its forced exit (Apollo's own SIGTERM
    // handler and main.ts both call apollo.stop(); the concurrent call never returns). Give it
    // that long only when a CPU profile must be written on exit.
    await stopChild(ours, settings.cpuProf ? 20_000 : 3_000);
  }
  return run;
}

function compare(runs: DatabaseRun[]): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const run of runs) {
    for (const query of settings.queries) {
      const of = (server: ServerKind) => run.samples.filter((s) => s.query === query && s.server === server);
      if (!of('ours').length || !of('baseline').length) continue;
      const ours = cellOf(of('ours'));
      const baseline = cellOf(of('baseline'));
      const ratio = ours.rps / baseline.rps;
      const target = TARGETS[query][run.database];
      comparisons.push({ database: run.database, query, ours, baseline, ratio, target, pass: ratio >= target });
    }
  }
  return comparisons;
}

async function main(): Promise<number> {
  const cpu = cpus();
  const machine = {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    node: process.version,
    loadavgBefore: loadavg().map((v) => Number(v.toFixed(2))),
  };
  console.log(`Motcua bench: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadavgBefore.join(' ')}`);
  console.log(
    `  ${settings.connections} connections, ${settings.rounds} rounds × ${settings.seconds} s measured (warm-up ${settings.warmup} s, then ${settings.rewarm} s), ` +
      `databases ${settings.databases.join(', ')}, queries ${settings.queries.join(', ')}`,
  );
  console.log('  The load generator shares the machine with both servers (and the database); compare ratios, not absolute numbers.');
  const started = Date.now();
  const runs: DatabaseRun[] = [];
  for (const database of settings.databases) runs.push(await benchDatabase(database));
  await cleanUp();

  const comparisons = compare(runs);
  console.log('\nResults (medians over rounds; ratio = req/s ours / baseline):\n');
  console.log(formatTable(comparisons, QUERY_LABELS));
  for (const run of runs) if (run.skipped) console.log(`\n${run.database}: skipped: ${run.skipped}`);
  const missed = comparisons.filter((c) => !c.pass);
  console.log(missed.length ? `\n${missed.length} of ${comparisons.length} targets missed (reported only; the bench does not fail on targets).` : `\nAll ${comparisons.length} targets met.`);

  const workflow = runs.flatMap((r) => r.workflow ?? []);
  if (workflow.length) console.log(`\nWorkflow:\n\n${formatWorkflowTable(workflow)}`);
  for (const run of runs.filter((r) => r.evaluation)) {
    const { scorecard, recompute, facts } = run.evaluation!;
    const slowest = Math.max(...recompute.map((r) => r.seconds));
    console.log(`\nEvaluation (${run.database}, ${run.evaluation!.dossiers} dossiers, ${facts} facts): agency scorecard p95 ${scorecard.p95Ms.toFixed(1)} ms ` +
      `(target < ${EVALUATION_SCORECARD_P95_MS} ms: ${scorecard.p95Ms < EVALUATION_SCORECARD_P95_MS ? 'met' : 'MISSED'}), full quarter recompute up to ${slowest.toFixed(1)} s`);
  }

  for (const run of runs.filter((r) => r.dossiers)) {
    const { receptions, list, dossiers } = run.dossiers!;
    console.log(`\nDossiers (${run.database}, ${dossiers} dossiers): ${receptions.perSecond.toFixed(1)} receptions/s; officer list p95 ${list.p95Ms.toFixed(1)} ms ` +
      `(target < ${DOSSIER_LIST_P95_MS} ms: ${list.p95Ms < DOSSIER_LIST_P95_MS ? 'met' : 'MISSED'})`);
  }

  const signatures = settings.signatureOps > 0 ? await benchSignatures(settings.signatureOps) : [];
  if (signatures.length) console.log(`\nSignatures (in process, one-page result):\n\n${formatSignatureTable(signatures)}`);

  const catalog = settings.catalogProcedures > 0 ? await benchCatalog(SERVER_MAIN, settings.catalogProcedures, settings.catalogSearches) : null;
  if (catalog) console.log(`\nCatalog:\n\n${formatCatalogTable(catalog)}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(RESULTS_DIR, 'latest.json');
  const report = {
    at: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { ...machine, loadavgAfter: loadavg().map((v) => Number(v.toFixed(2))) },
    settings: { ...settings, pgUrl: settings.pgUrl.replace(/\/\/[^@/]*@/, '//…@') },
    queries: Object.fromEntries(settings.queries.map((q) => [q, QUERY_LABELS[q]])),
    results: comparisons.map((c) => ({
      database: c.database, query: c.query, ratio: Number(c.ratio.toFixed(4)), target: c.target, pass: c.pass, ours: c.ours, baseline: c.baseline,
    })),
    signatures,
    catalog,
    workflow,
    databases: runs.map(({ samples, workflow: _, ...rest }) => rest),
    samples: runs.flatMap((r) => r.samples),
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${file} (${report.durationSeconds} s in all).`);
  return 0;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error(`\n${signal}: stopping the servers and cleaning up…`);
    cleanUp().finally(() => process.exit(130));
  });
}
process.on('exit', killAllSync);

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof BodyMismatchError ? 'the servers answer differently: ' : ''}${(error as Error).message ?? error}`);
    await cleanUp();
    process.exit(1);
  },
);
