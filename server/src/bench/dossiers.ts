/**
 * The dossiers bench, against our running server and its database:
 * 1. receptions per second: `receptions` new desk dossiers received through the real
 *    `receiveDossier` mutation by the demo reception officer, `connections` at a time (each
 *    writes the dossier, its code counter, documents, clock, process instance and first task,
 *    audit and outbox rows, and renders Mẫu 01);
 * 2. the officer dossier list: `dossiers` dossiers bulk-inserted by the generator
 *    (dossier-data.ts), then the demo handling officer's `dossiers` connection with a typical
 *    filter (open national statuses, due within the next 30 days), first page of 20 with the
 *    total, read `queries` times in a row (p50/p95; target p95 < 100 ms).
 */
import { generateDossiers } from './dossier-data.js';
import { openDb } from './evaluation.js';
import type { Dialect } from './queries.js';

/** What the dossiers bench measured on one database. */
export interface DossiersTiming {
  receptions: { count: number; connections: number; seconds: number; perSecond: number };
  dossiers: number;
  insertSeconds: number;
  list: { officerDossiers: number; totalCount: number; queries: number; p50Ms: number; p95Ms: number };
}

/** The officer list's target. */
export const DOSSIER_LIST_P95_MS = 100;

const PASSWORD = 'Motcua@2026';
const JUSTICE = '000.00.10.H56';
const DESK = '000.01.02.H56';
const PROCEDURE_CODE = '2.900001';
const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

async function graphql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const parsed = await response.json();
  if (parsed.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(parsed.errors).slice(0, 400)}`);
  return parsed.data;
}

const login = async (url: string, username: string): Promise<string> =>
  (await graphql(url, null, 'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }', { u: username, p: PASSWORD })).login.accessToken;

const hours = (value: number) => ({ value, unit: 'WORKING_HOURS' });

/** A three-step process of Sở Tư pháp and a procedure it offers at the provincial desk (DIRECT 3 working days). */
async function installProcedure(url: string, id: (code: string) => string): Promise<void> {
  const [admin, agencyAdmin] = [await login(url, 'admin'), await login(url, 'quantri')];
  const step = (code: string, name: string, roleKey: string, quota: object, transitions: object[]) => ({ code, name, kind: 'TASK', actor: { roleKey }, quota, transitions });
  const process = await graphql(url, agencyAdmin, 'mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { id } } }', {
    input: {
      agencyId: id(JUSTICE), code: 'BENCH-TRICH-LUC', name: 'Cấp bản sao trích lục (thử tải)', statutoryLimit: { value: 3, unit: 'WORKING_DAYS' }, startStepCode: 'THU_LY',
      steps: [
        step('THU_LY', 'Thụ lý', 'HANDLING_OFFICER', hours(8), [{ action: 'FORWARD', to: ['KY'] }]),
        step('KY', 'Ký duyệt', 'AGENCY_LEADER', hours(8), [{ action: 'COMPLETE', to: [] }]),
      ],
    },
  });
  const processId = process.createProcess.process.id;
  await graphql(url, agencyAdmin, 'mutation($input: PublishProcessInput!) { publishProcess(input: $input) { process { id } } }', { input: { id: processId, version: 1 } });
  const draft = await graphql(url, admin, 'mutation($input: CreateProcedureDraftInput!) { createProcedureDraft(input: $input) { version { id procedureId } } }', {
    input: {
      code: PROCEDURE_CODE, ownerAgencyId: id(JUSTICE),
      content: {
        name: 'Cấp bản sao trích lục hộ tịch (thử tải)', sectorCode: 'TP-HOTICH', levels: ['TINH'], applicantTypes: ['Công dân Việt Nam'],
        implementingAgencies: ['Sở Tư pháp'], steps: 'Nộp hồ sơ; xử lý; trả kết quả.', conditions: null, onlineMode: 'TOAN_TRINH',
        publishingDecision: { number: '1872/QĐ-BTP', date: '2020-09-04' },
        legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuer: 'Quốc hội', issuedOn: '2014-11-20', effectiveOn: '2016-01-01' }],
        results: [{ name: 'Bản sao trích lục', code: 'KQ01', paper: true }],
        channels: [{ channel: 'DIRECT', limit: { value: 3, unit: 'WORKING_DAYS' }, fees: [] }],
        cases: [{ code: 'TH1', name: 'Cấp bản sao trích lục', components: [{ code: 'TK', name: 'Tờ khai', originals: 1, copies: 0, mandatory: true, fromSharedDatabase: false }] }],
      },
    },
  });
  const { id: versionId, procedureId } = draft.createProcedureDraft.version;
  await graphql(url, admin, 'mutation($input: PublishProcedureVersionInput!) { publishProcedureVersion(input: $input) { version { id } } }', { input: { versionId, effectiveFrom: '2020-01-01' } });
  await graphql(url, admin, 'mutation($input: SetProcedureOfferingInput!) { setProcedureOffering(input: $input) { offering { id } } }', {
    input: { procedureId, agencyId: id(JUSTICE), receivingUnitIds: [id(DESK)], workflowDefinitionId: processId, channels: [{ channel: 'DIRECT' }] },
  });
}

const RECEIVE = 'mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code } }';

/** `count` receptions, `connections` in flight at a time; returns the wall-clock seconds. */
async function receive(url: string, agencyId: string, count: number, connections: number): Promise<number> {
  const token = await login(url, 'tiepnhan');
  const documents = [{ dossierId: '', componentCode: 'TK', fileName: 'TK.pdf', contentBase64: PDF_BASE64, digitised: true }];
  let issued = 0;
  const worker = async () => {
    while (issued < count) {
      const n = issued++;
      const create = { procedure: PROCEDURE_CODE, agencyId, caseCode: 'TH1', channel: 'DIRECT', applicant: { name: `Người nộp thử tải số ${n}` } };
      await graphql(url, token, RECEIVE, { input: { create, documents } });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(connections, count) }, worker));
  return (performance.now() - started) / 1000;
}

const LIST = `query($filter: DossierFilter, $first: Int) { dossiers(filter: $filter, first: $first) {
  totalCount nodes { id code state nationalStatus applicantName procedureName receivedAt dueAt } } }`;

/** Signs in as the demo handling officer and reads the typical list `queries` times. */
async function readList(url: string, queries: number): Promise<Omit<DossiersTiming['list'], 'officerDossiers'>> {
  const token = await login(url, 'chuyenvien');
  const filter = { nationalStatuses: [2, 4, 5, 6], dueTo: new Date(Date.now() + 30 * 86_400_000).toISOString() };
  const first = await graphql(url, token, LIST, { filter, first: 20 });
  const durations: number[] = [];
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    await graphql(url, token, LIST, { filter, first: 20 });
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  return { totalCount: first.dossiers.totalCount, queries, p50Ms: at(0.5), p95Ms: at(0.95) };
}

/** Settings of one run (see run.ts: BENCH_RECEPTIONS, BENCH_DOSSIERS, BENCH_DOSSIER_QUERIES, BENCH_DOSSIER_SEED). */
export interface DossiersBenchSettings { receptions: number; connections: number; dossiers: number; queries: number; seed: number }

/** Runs the dossiers bench against our running server (`url`) and its database (`database`: file or URL). */
export async function benchDossiers(dialect: Dialect, database: string, url: string, settings: DossiersBenchSettings): Promise<DossiersTiming> {
  const db = await openDb(dialect, database);
  let officerDossiers: number;
  let seconds: number;
  let insertSeconds: number;
  try {
    const agencies = await db.all<{ id: string; code: string }>(`select id, code from identity_agency where code in ('${JUSTICE}', '${DESK}')`);
    await installProcedure(url, (code) => agencies.find((a) => a.code === code)!.id);
    seconds = settings.receptions > 0 ? await receive(url, agencies.find((a) => a.code === JUSTICE)!.id, settings.receptions, settings.connections) : 0;
    const insertStarted = performance.now();
    const [officer] = await db.all<{ id: string }>("select id from identity_user where username = 'chuyenvien'");
    ({ officerDossiers } = await generateDossiers(db, dialect, { count: settings.dossiers, seed: settings.seed, officerId: officer.id, now: Date.now() }));
    insertSeconds = (performance.now() - insertStarted) / 1000;
  } finally {
    await db.close();
  }
  const receptions = { count: settings.receptions, connections: settings.connections, seconds, perSecond: seconds ? settings.receptions / seconds : 0 };
  console.log(`  dossiers: ${receptions.count} receptions (${receptions.connections} at a time) in ${seconds.toFixed(1)} s = ${receptions.perSecond.toFixed(1)} receptions/s`);
  // libsql inserts synchronously: let the HTTP clients drop sockets the server closed meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  console.log(`  dossiers: ${settings.dossiers} generated in ${insertSeconds.toFixed(1)} s (${officerDossiers} handled by the measured officer)`);
  const list = { officerDossiers, ...(await readList(url, settings.queries)) };
  console.log(`  officer dossier list (${list.totalCount} matching): p50 ${list.p50Ms.toFixed(1)} ms, p95 ${list.p95Ms.toFixed(1)} ms over ${list.queries} reads`);
  return { receptions, dossiers: settings.dossiers, insertSeconds, list };
}
