/**
 * The catalog bench (issue 4, acceptance 4): the time to import N procedures through
 * GraphQL (`importCatalog`, JSON), the time to import the same file again (all SKIPPED), and
 * the latency of the public procedure search over those N procedures via GraphQL (one
 * connection, requests in sequence, a mix of diacritics-free words, codes and filters),
 * against our production server on a SQLite file. Target: search p95 < 20 ms.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_CATALOG_JSON } from '@motcua/catalog/contract';
import { cpuTimeMs, startChild, stopChild } from './children.js';

const DEMO_PASSWORD = 'Motcua@2026';
export const SEARCH_P95_TARGET_MS = 20;

export interface CatalogBenchResult {
  procedures: number;
  importSeconds: number;
  reimportSeconds: number;
  created: number;
  skippedOnReimport: number;
  searches: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchMaxMs: number;
  /** Server CPU (user + sys) per search request, ms: steadier than latency on a busy machine. */
  searchCpuMs: number;
  /** Load average (1 min) while searching: latencies on a loaded machine are not comparable. */
  loadAverage: number;
  target: number;
  pass: boolean;
}

/** Words that vary the generated names, so searches match a few, many or none. */
const VARIANTS = ['tỉnh', 'xã', 'phường', 'doanh nghiệp', 'hộ gia đình', 'người nước ngoài', 'lần đầu', 'cấp lại', 'cấp đổi', 'điều chỉnh'];

/** N procedures in the exchange format: the sample's real ones, renumbered (8.xxxxxx) and renamed with a variant. */
export function generatedCatalog(count: number): string {
  const sample = JSON.parse(SAMPLE_CATALOG_JSON).procedures as Array<Record<string, unknown>>;
  const procedures = Array.from({ length: count }, (_, i) => {
    const base = sample[i % sample.length];
    return { ...base, code: `8.${String(i).padStart(6, '0')}`, name: `${base.name} (${VARIANTS[Math.floor(i / sample.length) % VARIANTS.length]} ${i})` };
  });
  return JSON.stringify({ format: 'motcua.catalog/v1', procedures });
}

/** The search requests, cycled: what citizens type, without diacritics, plus codes and filters. */
const SEARCHES: Array<Record<string, unknown>> = [
  { search: 'giay phep lai xe' }, { search: 'dang ky tam tru' }, { search: 'the can cuoc' }, { search: 'ho chieu' },
  { search: 'khai sinh', sectorCode: 'TP-HOTICH' }, { search: 'chung thuc', channel: 'DIRECT' }, { search: '8.001234' }, { search: 'ly lich tu phap' },
  { search: 'ket hon', onlineMode: 'MOT_PHAN' }, { sectorCode: 'CA-CUTRU' }, { search: 'khong co thu tuc nay' }, { search: 'cap lai 1234' },
];
const SEARCH_QUERY = 'query($filter: ProcedureFilter) { procedures(filter: $filter, first: 20) { totalCount nodes { id code name sectorCode channels onlineMode } } }';

async function gql(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await response.json() as { data?: any; errors?: unknown[] };
  if (response.status !== 200 || json.errors) throw new Error(`catalog bench: ${response.status} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return json.data;
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = process.hrtime.bigint();
  const result = await run();
  return { result, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

const IMPORT = 'mutation($input: ImportCatalogInput!) { importCatalog(input: $input) { created updated skipped rejected } }';

/** Runs the catalog bench against a fresh server on a temporary SQLite file. */
export async function benchCatalog(serverMain: string, procedures: number, searches: number): Promise<CatalogBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-catalog-bench-'));
  const server = await startChild('our server (catalog)', serverMain, {
    NODE_ENV: 'production', LOG_LEVEL: 'silent', AUTH_SECRET: randomBytes(24).toString('hex'), DEMO_SEED: 'true', WORKERS: 'false',
    DATABASE_URL: `file:${join(dir, 'catalog.sqlite')}`, MAX_BODY_BYTES: String(256 * 1024 * 1024), PUBLIC_RATE_LIMIT: '0',
  });
  try {
    const login = await gql(server.url, 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }', { u: 'quantrituc', p: DEMO_PASSWORD });
    const token: string = login.login.accessToken;
    const input = { format: 'JSON', content: generatedCatalog(procedures), dryRun: false };
    const first = await timed(() => gql(server.url, IMPORT, { input }, token));
    const again = await timed(() => gql(server.url, IMPORT, { input }, token));
    for (let i = 0; i < SEARCHES.length * 2; i++) await gql(server.url, SEARCH_QUERY, { filter: SEARCHES[i % SEARCHES.length] }); // warm-up
    const durations: number[] = [];
    const cpuBefore = cpuTimeMs(server.pid);
    for (let i = 0; i < searches; i++) durations.push((await timed(() => gql(server.url, SEARCH_QUERY, { filter: SEARCHES[i % SEARCHES.length] }))).ms);
    const cpuAfter = cpuTimeMs(server.pid);
    const searchCpuMs = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / searches : NaN;
    durations.sort((a, b) => a - b);
    const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
    const p95 = at(0.95);
    return {
      procedures, importSeconds: first.ms / 1000, reimportSeconds: again.ms / 1000, created: first.result.importCatalog.created,
      skippedOnReimport: again.result.importCatalog.skipped, searches, searchP50Ms: at(0.5), searchP95Ms: p95, searchMaxMs: durations.at(-1)!,
      searchCpuMs, loadAverage: loadavg()[0], target: SEARCH_P95_TARGET_MS, pass: p95 < SEARCH_P95_TARGET_MS,
    };
  } finally {
    await stopChild(server, 3_000);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The result as a Markdown table. */
export function formatCatalogTable(r: CatalogBenchResult): string {
  return [
    '| catalog (SQLite, via GraphQL) | value |', '|---|---|',
    `| import ${r.procedures} procedures (JSON) | ${r.importSeconds.toFixed(2)} s (${r.created} created) |`,
    `| import the same file again | ${r.reimportSeconds.toFixed(2)} s (${r.skippedOnReimport} skipped) |`,
    `| search p50 / p95 / max over ${r.searches} requests | ${r.searchP50Ms.toFixed(2)} / ${r.searchP95Ms.toFixed(2)} / ${r.searchMaxMs.toFixed(2)} ms |`,
    `| server CPU per search | ${r.searchCpuMs.toFixed(2)} ms |`,
    `| search p95 target < ${r.target} ms | ${r.pass ? 'met' : 'MISSED'} (load average ${r.loadAverage.toFixed(1)}) |`,
  ].join('\n');
}
