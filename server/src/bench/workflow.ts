/**
 * Workflow timings against our running server (acceptance 5 of the workflow issue):
 * - `deadlinePreview` throughput: the public clock computation (5 working days over the
 *   national calendar, with a pause and an end), under the bench's connections;
 * - inbox latency for one officer with BENCH_INBOX_TASKS (100,000) open tasks assigned to them,
 *   inserted with SQL (not through the API): sequential `inbox(view: MINE, first: 20)` and
 *   `inbox(view: OVERDUE, first: 20)` requests, p50/p95/p99. Target: p95 under 50 ms.
 */
import type { Dialect } from './queries.js';
import { cpuTimeMs } from './children.js';
import { runLoad } from './load.js';

export interface WorkflowTiming {
  database: Dialect;
  operation: string;
  requests: number;
  rps: number | null;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Server CPU (user + sys) per request, ms: what a request costs regardless of how busy the machine is. */
  cpuMsPerReq: number | null;
  /** p95 target in ms, where there is one. */
  targetP95Ms: number | null;
  pass: boolean | null;
}

export const INBOX_P95_TARGET_MS = 50;
const OFFICER = 'chuyenvien';
const PASSWORD = 'Motcua@2026';

const DEADLINE_PREVIEW = JSON.stringify({
  query: `query { deadlinePreview(input: { calendarId: "VN-GOV", start: "2025-04-24T10:15:00+07:00", limit: { value: 5, unit: WORKING_DAYS },
    pauses: [{ from: "2025-04-29T09:00:00+07:00", to: "2025-05-07T14:00:00+07:00" }], end: "2025-05-08T10:00:00+07:00" }) { dueAt timeliness consumedWorkingMinutes } }`,
});
const inboxBody = (view: string) => JSON.stringify({ query: `{ inbox(view: ${view}, first: 20) { totalCount nodes { id version stepName dueAt escalation } } }` });

async function post(url: string, body: string, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body,
  });
  const json = await response.json();
  if (response.status !== 200 || json.errors) throw new Error(`workflow bench request failed (${response.status}): ${JSON.stringify(json).slice(0, 300)}`);
  return json.data;
}

function percentiles(durations: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * The officer's open tasks as one INSERT … SELECT over a generated series: ids, due instants
 * a minute apart from a week ago (so some are overdue), everything else constant.
 */
async function insertTasks(dialect: Dialect, database: string, count: number): Promise<void> {
  const now = Date.now();
  const columns = 'id, instance_id, process_id, process_version, agency_id, subject_type, subject_id, step_code, step_name, role_key, unit_id, unit_path, assignee_id, status, timezone, '
    + 'entered_at, due_at, due_soon_at, escalate_at, next_escalation_at, escalation_level, version';
  const officerSql = `select u.id as user_id, a.id as unit_id, a.path as unit_path from identity_user u join identity_agency a on a.id = u.unit_id where u.username = '${OFFICER}'`;
  const start = now - 7 * 86_400_000;
  if (dialect === 'sqlite') {
    const { default: Database } = await import('libsql');
    const db = new Database(database);
    try {
      const officer = db.prepare(officerSql).get() as { user_id: string; unit_id: string; unit_path: string };
      const uuid = "lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))";
      db.prepare(
        `insert into workflow_task (${columns}) with recursive n(i) as (select 1 union all select i + 1 from n where i < ?), `
          + 'r(i, h, k) as (select i, hex(randomblob(16)), hex(randomblob(16)) from n) '
          + `select ${uuid}, ${uuid.replace(/\bh\b/g, 'k')}, ?, 1, ?, 'Dossier', 'BENCH-' || i, 'THU_LY', 'Thụ lý', 'HANDLING_OFFICER', ?, ?, ?, 'OPEN', 'Asia/Ho_Chi_Minh', `
          + '?, ? + i * 60000, ? + i * 60000 - 3600000, ? + i * 60000 + 28800000, null, 0, 1 from r',
      ).run(count, officer.unit_id, officer.unit_id, officer.unit_id, officer.unit_path, officer.user_id, start, start, start, start);
      db.exec('analyze');
    } finally {
      db.close();
    }
    return;
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const officer = (await client.query(officerSql)).rows[0];
    await client.query(
      `insert into workflow_task (${columns}) select gen_random_uuid(), gen_random_uuid(), $2, 1, $2, 'Dossier', 'BENCH-' || i, 'THU_LY', 'Thụ lý', 'HANDLING_OFFICER', `
        + `$2, $3, $4, 'OPEN', 'Asia/Ho_Chi_Minh', $5::bigint, $5::bigint + i::bigint * 60000, $5::bigint + i::bigint * 60000 - 3600000, $5::bigint + i::bigint * 60000 + 28800000, null, 0, 1 from generate_series(1, $1) as i`,
      [count, officer.unit_id, officer.unit_path, officer.user_id, start],
    );
    await client.query('vacuum analyze workflow_task');
  } finally {
    await client.end();
  }
}

async function sequentialTimings(url: string, body: string, token: string, requests: number): Promise<number[]> {
  await post(url, body, token); // warm-up: prepared statements, JIT
  const durations: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = process.hrtime.bigint();
    await post(url, body, token);
    durations.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return durations;
}

export interface WorkflowBenchOptions {
  database: Dialect;
  /** The SQLite file or PostgreSQL URL our server runs on (for the SQL inserts). */
  databaseLocation: string;
  url: string;
  pid: number;
  seconds: number;
  connections: number;
  inboxTasks: number;
  inboxRequests: number;
}

/** Runs the workflow timings; see the module comment. */
export async function benchWorkflow(options: WorkflowBenchOptions): Promise<WorkflowTiming[]> {
  const { login } = await post(options.url, JSON.stringify({
    query: 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }', variables: { u: OFFICER, p: PASSWORD },
  }));
  const token: string = login.accessToken;
  await post(options.url, DEADLINE_PREVIEW, token);
  const preview = await runLoad({ url: options.url, body: DEADLINE_PREVIEW, token, seconds: options.seconds, connections: options.connections, pid: options.pid });
  const timings: WorkflowTiming[] = [{
    database: options.database, operation: 'deadlinePreview (5 working days, a pause, an end)', requests: preview.requests, rps: preview.rps,
    p50Ms: preview.p50, p95Ms: NaN, p99Ms: preview.p99, cpuMsPerReq: preview.cpuMsPerReq, targetP95Ms: null, pass: null,
  }];
  await insertTasks(options.database, options.databaseLocation, options.inboxTasks);
  const { inbox } = await post(options.url, inboxBody('MINE'), token);
  if (inbox.totalCount < options.inboxTasks) throw new Error(`the officer's inbox shows ${inbox.totalCount} tasks, expected ${options.inboxTasks}`);
  for (const view of ['MINE', 'OVERDUE']) {
    const cpuBefore = cpuTimeMs(options.pid);
    const { p50, p95, p99 } = percentiles(await sequentialTimings(options.url, inboxBody(view), token, options.inboxRequests));
    const cpu = cpuBefore === null ? null : (cpuTimeMs(options.pid)! - cpuBefore) / (options.inboxRequests + 1);
    timings.push({
      database: options.database, operation: `inbox(view: ${view}, first: 20), ${options.inboxTasks} open tasks`, requests: options.inboxRequests, rps: null,
      p50Ms: p50, p95Ms: p95, p99Ms: p99, cpuMsPerReq: cpu, targetP95Ms: INBOX_P95_TARGET_MS, pass: p95 < INBOX_P95_TARGET_MS,
    });
  }
  return timings;
}

/** The timings as a Markdown table. */
export function formatWorkflowTable(timings: WorkflowTiming[]): string {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
  const rows = timings.map((t) => `| ${t.database} | ${t.operation} | ${t.requests} | ${t.rps === null ? '–' : t.rps.toFixed(0)} | ${ms(t.p50Ms)} | ${ms(t.p95Ms)} | ${ms(t.p99Ms)} | ${t.cpuMsPerReq === null ? '–' : t.cpuMsPerReq.toFixed(2)} | ${t.targetP95Ms === null ? '–' : `< ${t.targetP95Ms} ms: ${t.pass ? 'met' : 'MISSED'}`} |`);
  return ['| database | operation | requests | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | p95 target |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
