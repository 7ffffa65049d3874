/**
 * The evaluation bench: `dossiers` dossiers' facts (received, one step, done; a third rated)
 * spread over a year and the demo agencies, inserted with bulk SQL; then each quarter's daily
 * aggregates rebuilt by the server's own full recompute (timed), then the agency scorecard of
 * the busiest agency for a quarter read `queries` times in a row (p50/p95).
 */
import { request } from 'node:http';
import { uuid7 } from '@motcua/kernel/contract';
import type { Dialect } from './queries.js';

/** What the evaluation bench measured on one database. */
export interface EvaluationTiming {
  dossiers: number;
  facts: number;
  insertSeconds: number;
  /** Seconds of each quarter's full recompute (Q1…Q4), and the facts each read. */
  recompute: Array<{ quarter: string; seconds: number; facts: number }>;
  scorecard: { agencyId: string; period: string; queries: number; p50Ms: number; p95Ms: number; dossiersInPeriod: number };
}

const YEAR = 2026;
const OFFICERS_PER_UNIT = 5;
const PROCEDURES_PER_AGENCY = 20;
const FACT_COLUMNS = ['id', 'kind', 'dossier_id', 'agency_id', 'unit_id', 'unit_path', 'officer_id', 'procedure_id', 'day', 'occurred_at', 'fact', 'timeliness'];

/** A small deterministic generator (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Agency { id: string; units: Array<{ id: string; path: string; officers: string[] }>; procedures: string[] }

/** Rows a database can insert in bulk, and read. */
export interface Db {
  all<T>(sql: string): Promise<T[]>;
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  close(): Promise<void>;
}

/** Opens the bench's database directly: SQLite inserts in one transaction, PostgreSQL in multi-row statements of 1,000 rows. */
export async function openDb(dialect: Dialect, database: string): Promise<Db> {
  if (dialect === 'sqlite') {
    const { default: Database } = await import('libsql');
    const db = new Database(database);
    return {
      all: async <T>(sql: string) => db.prepare(sql).all() as T[],
      insert: async (table, columns, rows) => {
        const statement = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        db.exec('begin');
        for (const row of rows) statement.run(...row);
        db.exec('commit');
      },
      close: async () => void db.close(),
    };
  }
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  return {
    all: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    insert: async (table, columns, rows) => {
      const batch = Math.max(1, Math.floor(60_000 / columns.length)); // PostgreSQL takes at most 65,535 parameters
      for (let start = 0; start < rows.length; start += batch) {
        const values: unknown[] = [];
        const tuples = rows.slice(start, start + batch).map((row) => `(${row.map((value) => (values.push(value), `$${values.length}`)).join(', ')})`);
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
      }
    },
    close: () => client.end(),
  };
}

/** The demo's agencies directly under the province, with their units, synthetic officers and procedures. */
async function agenciesOf(db: Db, next: () => number): Promise<Agency[]> {
  const rows = await db.all<{ id: string; parent_id: string | null; path: string; depth: number | string }>(
    "select id, parent_id, path, depth from identity_agency where code not like 'BENCH.%' order by path",
  );
  const top = Math.min(...rows.map((row) => Number(row.depth)));
  const fake = () => uuid7(Date.UTC(YEAR, 0, 1) + Math.floor(next() * 1e6));
  return rows.filter((row) => Number(row.depth) === top + 1).map((agency) => {
    const units = rows.filter((row) => row.parent_id === agency.id);
    return {
      id: agency.id,
      units: (units.length ? units : [agency]).map((unit) => ({ id: unit.id, path: unit.path, officers: Array.from({ length: OFFICERS_PER_UNIT }, fake) })),
      procedures: Array.from({ length: PROCEDURES_PER_AGENCY }, fake),
    };
  });
}

export const pick = <T>(items: T[], next: () => number): T => items[Math.floor(next() * items.length)];

/** The facts of one dossier as table rows. */
function dossierFacts(agency: Agency, next: () => number): unknown[][] {
  const unit = pick(agency.units, next);
  const officer = pick(unit.officers, next);
  const procedureId = pick(agency.procedures, next);
  const dossierId = uuid7();
  const dayOfYear = Math.floor(next() * 355);
  const received = Date.UTC(YEAR, 0, 1 + dayOfYear, 1 + Math.floor(next() * 8));
  const done = received + Math.floor(next() * 9) * 86_400_000 + 3_600_000;
  const roll = next();
  const timeliness = roll < 0.7 ? 'EARLY' : roll < 0.9 ? 'ON_TIME' : 'LATE';
  const base = { dossierId, agencyId: agency.id, unitId: unit.id, officerId: officer, procedureId };
  const facts: Array<[number, Record<string, unknown>]> = [
    [received, { ...base, kind: 'RECEIVED', online: next() < 0.4, officerId: null }],
    [done - 60_000, { ...base, kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness }],
    [done, { ...base, kind: 'DONE', timeliness }],
  ];
  if (next() < 1 / 3) facts.push([done + 86_400_000, { ...base, kind: 'RATED', satisfaction: 1 + Math.min(4, Math.floor(next() * 5.6)) }]);
  return facts.map(([at, fact]) => {
    const occurredAt = new Date(at).toISOString();
    const day = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10);
    return [uuid7(at), fact.kind, dossierId, agency.id, unit.id, unit.path, (fact.officerId as string | null) ?? '', procedureId, day, at,
      JSON.stringify({ ...fact, occurredAt }), (fact.timeliness as string | undefined) ?? null];
  });
}

/** Inserts the facts of `dossiers` dossiers in chunks (bounded memory); returns the busiest agency and the fact count. */
async function insertFacts(db: Db, dossiers: number): Promise<{ facts: number; busiest: string; dossiersInQ3: number }> {
  const next = random(766);
  const agencies = await agenciesOf(db, next);
  // One agency takes a third of all dossiers: the scorecard read is measured on the worst case.
  const busiest = agencies[0];
  let facts = 0;
  let dossiersInQ3 = 0;
  for (let start = 0; start < dossiers; start += 20_000) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(dossiers, start + 20_000); i++) {
      const agency = next() < 1 / 3 ? busiest : pick(agencies, next);
      const dossier = dossierFacts(agency, next);
      if (agency === busiest && String(dossier[0][8]).slice(5, 7) >= '07' && String(dossier[0][8]).slice(5, 7) <= '09') dossiersInQ3++;
      rows.push(...dossier);
    }
    await db.insert('evaluation_fact', FACT_COLUMNS, rows);
    facts += rows.length;
  }
  return { facts, busiest: busiest.id, dossiersInQ3 };
}

/** POSTs a GraphQL request without a client-side timeout (a recompute may take minutes). */
function graphql(url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const parsed = JSON.parse(Buffer.concat(chunks).toString());
        if (parsed.errors) reject(new Error(JSON.stringify(parsed.errors).slice(0, 400)));
        else resolve(parsed.data);
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const QUARTERS = [['Q1', '01-01', '03-31'], ['Q2', '04-01', '06-30'], ['Q3', '07-01', '09-30'], ['Q4', '10-01', '12-31']] as const;
const RECOMPUTE = 'mutation($input: RecomputeAggregatesInput!) { recomputeEvaluationAggregates(input: $input) { facts } }';
const SCORECARD = 'query($id: ID!, $period: String!) { scorecard(kind: AGENCY, id: $id, period: $period) { figures { received done stepsLate onTimeRate averageSatisfaction composite } } }';

/**
 * Runs the evaluation bench against our running server (`url`, signed in as the global admin
 * `token`) and its database.
 */
export async function benchEvaluation(dialect: Dialect, database: string, url: string, token: () => Promise<string>, dossiers: number, queries: number): Promise<EvaluationTiming> {
  const db = await openDb(dialect, database);
  let inserted: Awaited<ReturnType<typeof insertFacts>>;
  const insertStarted = performance.now();
  try {
    inserted = await insertFacts(db, dossiers);
    if (dialect === 'postgresql') await db.all('analyze evaluation_fact');
  } finally {
    await db.close();
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  // libsql inserts synchronously: the event loop was blocked for minutes, so sockets the server
  // closed meanwhile are still pooled; one turn of the loop lets the HTTP clients drop them.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  console.log(`  evaluation data: ${dossiers} dossiers, ${inserted.facts} facts inserted in ${insertSeconds.toFixed(1)} s`);
  const recompute: EvaluationTiming['recompute'] = [];
  for (const [quarter, from, to] of QUARTERS) {
    const started = performance.now();
    const data = await graphql(url, await token(), RECOMPUTE, { input: { fromDay: `${YEAR}-${from}`, toDay: `${YEAR}-${to}` } });
    recompute.push({ quarter: `${YEAR}-${quarter}`, seconds: (performance.now() - started) / 1000, facts: data.recomputeEvaluationAggregates.facts });
    console.log(`  full recompute ${YEAR}-${quarter}: ${data.recomputeEvaluationAggregates.facts} facts in ${recompute.at(-1)!.seconds.toFixed(1)} s`);
  }
  const period = `${YEAR}-Q3`;
  const bearer = await token();
  const variables = { id: inserted.busiest, period };
  const first = await graphql(url, bearer, SCORECARD, variables);
  if (first.scorecard.figures.received !== inserted.dossiersInQ3) {
    throw new Error(`scorecard counts ${first.scorecard.figures.received} dossiers received, the bench inserted ${inserted.dossiersInQ3}`);
  }
  const durations: number[] = [];
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    await graphql(url, bearer, SCORECARD, variables);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  const scorecard = { agencyId: inserted.busiest, period, queries, p50Ms: at(0.5), p95Ms: at(0.95), dossiersInPeriod: inserted.dossiersInQ3 };
  console.log(`  agency scorecard (${inserted.dossiersInQ3} dossiers in ${period}): p50 ${scorecard.p50Ms.toFixed(1)} ms, p95 ${scorecard.p95Ms.toFixed(1)} ms over ${queries} reads`);
  return { dossiers, facts: inserted.facts, insertSeconds, recompute, scorecard };
}
