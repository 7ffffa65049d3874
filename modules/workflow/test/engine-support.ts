/**
 * Shared by the process, engine, inbox and escalation tests: the GraphQL documents, a demo
 * app with the ids the tests need, and the Sở Tư pháp process they run (reception by a
 * handling officer who asks two opinions in parallel, a join, the unit leader's review and the
 * director's signature).
 */
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import workflow from '../src/index.js';
import type { Clock } from '@motcua/kernel/contract';
import { expectOk } from './support.js';
import { demoSteps } from '../src/definitions/demo-process.js';

export const JUSTICE = '000.00.10.H56'; // Sở Tư pháp: quantri administers it
export const JUSTICE_UNIT = '000.02.10.H56'; // Phòng Hành chính tư pháp: chuyenvien, truongphong
export const CONSTRUCTION = '000.00.12.H56'; // Sở Xây dựng: another agency

const TASK = 'id version stepCode stepName roleKey unitId assigneeId status dueAt dueSoonAt escalation action comment timeliness allowedActions { action to }';
const PROCESS = 'id agencyId code name version status latestVersion publishedVersion calendarId startStepCode statutoryLimit { value unit } steps { code name kind actor { roleKey unitId userId } quota { value unit } transitions { action to } }';

export const Q = {
  processes: `query($filter: ProcessFilter) { processes(filter: $filter, limit: 100) { totalCount nodes { id code version status } } }`,
  process: `query($id: ID!, $version: Int) { process(id: $id, version: $version) { ${PROCESS} problems { code stepCode message messageEn details } versions { number status } } }`,
  createProcess: `mutation($input: CreateProcessInput!) { createProcess(input: $input) { process { ${PROCESS} } } }`,
  updateProcess: `mutation($input: UpdateProcessInput!) { updateProcess(input: $input) { process { ${PROCESS} } } }`,
  publishProcess: `mutation($input: PublishProcessInput!) { publishProcess(input: $input) { process { ${PROCESS} } } }`,
  simulate: `query($id: ID!, $input: SimulateProcessInput!) { simulateProcess(definitionId: $id, input: $input) {
    dossiers completed deadEndCount onTimeShare timeLostAt early onTime late steps { stepCode visits } roles { roleHolderKey staff utilisation } explanation } }`,
  inbox: `query($view: InboxView!, $first: Int) { inbox(view: $view, first: $first) { totalCount nodes { ${TASK} } } }`,
  task: `query($id: ID!) { task(id: $id) { ${TASK} clockExplanation instance { id status } } }`,
  claim: `mutation($input: ClaimTaskInput!) { claimTask(input: $input) { task { ${TASK} } } }`,
  assign: `mutation($input: AssignTaskInput!) { assignTask(input: $input) { task { ${TASK} } } }`,
  complete: `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { task { ${TASK} } instance { id status } nextTasks { ${TASK} } } }`,
};

const days = (value: number) => ({ value, unit: 'WORKING_DAYS' });

/** The demo process's steps (src/definitions/demo-process.ts) as a createProcess input for an agency. */
export function justiceProcess(agencyId: string, unitId: string, code = 'CCTP') {
  return { agencyId, code, name: 'Chứng thực bản sao', statutoryLimit: days(5), startStepCode: 'THU_LY', steps: demoSteps(unitId) };
}

export interface DemoApp {
  t: TestApp;
  token: (username: string) => Promise<string>;
  agency: (code: string) => string;
  user: (username: string) => string;
  /** Moves the test clock and signs everyone in again (access tokens expire on the same clock). */
  setTime: (clock: import('@motcua/kernel/contract').FixedClock, instant: Date) => void;
}

/** A demo app with the ids of the demo agencies and accounts, and cached sign-ins. */
export async function demoApp(clock: Clock): Promise<DemoApp> {
  // Only the modules under test: other modules' demo data (e.g. demo dossiers) would add tasks.
  const t = await createTestApp({ clock, modules: [kernel, identity, workflow] });
  const admin = await t.login('admin');
  const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
  const { staff } = expectOk(await t.gql('{ staff(limit: 100) { nodes { id username } } }', {}, { token: admin }));
  const agencyIds = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
  const userIds = new Map<string, string>(staff.nodes.map((u: { id: string; username: string }) => [u.username, u.id]));
  const tokens = new Map<string, string>([['admin', admin]]);
  return {
    t,
    token: async (username) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!,
    agency: (code) => agencyIds.get(code)!,
    user: (username) => userIds.get(username)!,
    setTime: (fixed, instant) => {
      fixed.set(instant);
      tokens.clear();
    },
  };
}

/** Creates and publishes the test process as the agency administrator; returns its id. */
export async function publishedJusticeProcess(app: DemoApp, code = 'CCTP'): Promise<string> {
  const token = await app.token('quantri');
  const input = justiceProcess(app.agency(JUSTICE), app.agency(JUSTICE_UNIT), code);
  const { createProcess } = expectOk(await app.t.gql(Q.createProcess, { input }, { token }), 'createProcess');
  const id = createProcess.process.id;
  expectOk(await app.t.gql(Q.publishProcess, { input: { id, version: 1 } }, { token }), 'publishProcess');
  return id;
}

/** Runs contract calls in one transaction of a fresh EntityManager, as another module's service would. */
export function inTransaction<T>(app: DemoApp, work: (em: import('@mikro-orm/knex').EntityManager) => Promise<T>): Promise<T> {
  return app.t.app.orm.em.fork().transactional(work as never) as Promise<T>;
}

/** Outbox events of one type, payloads parsed, oldest first. */
export async function outboxEvents<P = Record<string, any>>(app: DemoApp, type: string): Promise<P[]> {
  const rows = await app.t.app.orm.em.fork().execute<{ payload: unknown }[]>('select payload from kernel_outbox where type = ? order by id', [type]);
  return rows.map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as P);
}
