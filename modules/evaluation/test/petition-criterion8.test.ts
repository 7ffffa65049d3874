/**
 * Criterion 8 and the 766 petition measures counted from the agency's petitions handled in a
 * period (they take precedence over the entered agency-period facts): all on time → 2;
 * ≥ 90 % on time → 1; any protracted (answered late) → 0. One quarter per case.
 */
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, type EvaluationApp, expectOk, feed, startEvaluationApp } from './support.js';

const FILE = 'mutation($input: FilePetitionInput!) { filePetition(input: $input) { code } }';
const LIST = 'query { petitions(status: FILED, limit: 100) { nodes { id } } }';
const ACCEPT = 'mutation($id: ID!) { acceptPetition(id: $id) { petition { status } } }';
const REJECT = 'mutation($id: ID!) { rejectPetition(id: $id, reason: "Không thuộc thẩm quyền") { petition { timeliness } } }';
const ANSWER = 'mutation($id: ID!) { answerPetition(id: $id, answer: "Đã giải quyết") { petition { timeliness protracted } } }';
const SHEET = 'query($id: ID!) { evaluationSheet(dossierId: $id) { period lines { number level } } }';
const SET_FACTS = 'mutation($input: SetAgencyPeriodFactsInput!) { setAgencyPeriodFacts(input: $input) { facts { petitions } } }';
const COMPUTE = 'mutation($input: ComputeShadowIndexInput!) { computeShadowIndex(input: $input) { index { indicators { code numerator denominator } } } }';

/** Entered facts that alone would give criterion 8 a 0 (one protracted petition). */
const ENTERED = {
  deskReceiveReturnShare: 1, deskApprovalShare: 0.1, publishedAtDesk: true, publishedOnline: true, petitions: 3, petitionsOnTime: 2, petitionsProtracted: 1,
  onlineOfferedShare: 0.5, onlineDossierShare: 0.22, onlineLateOrUnresolved: 0,
};

interface Case {
  label: string;
  period: string;
  filedAt: string;
  /** Petitions answered the next working day. */
  onTime: number;
  /** Refused after the 2-working-day acceptance limit (late, not protracted). */
  refusedLate?: { at: string };
  /** Answered after the 15-working-day limit (late and protracted). */
  answeredLate?: { at: string };
  answeredAt: string;
  doneAt: string;
  level: number;
}

const CASES: Case[] = [
  { label: '100% on time → 2 (over entered facts with one protracted)', period: '2027-Q1', filedAt: '2027-03-01T09:00:00', onTime: 2, answeredAt: '2027-03-02T09:00:00', doneAt: '2027-03-10T09:00:00', level: 2 },
  { label: '9 of 10 on time → 1', period: '2027-Q2', filedAt: '2027-05-10T09:00:00', onTime: 9, refusedLate: { at: '2027-05-14T09:00:00' }, answeredAt: '2027-05-11T09:00:00', doneAt: '2027-05-20T09:00:00', level: 1 },
  { label: 'one protracted → 0', period: '2027-Q3', filedAt: '2027-07-05T09:00:00', onTime: 3, answeredLate: { at: '2027-08-02T09:00:00' }, answeredAt: '2027-07-06T09:00:00', doneAt: '2027-08-10T09:00:00', level: 0 },
];

describe('criterion 8 from petitions', () => {
  let app: EvaluationApp;
  const procedureId = uuid7();

  async function as(who: string, local: string): Promise<{ token: string }> {
    app.clock.set(new Date(`${local}+07:00`));
    return { token: await app.t.login(who) };
  }

  /** Files n petitions to the justice department and returns their ids. */
  async function fileMany(n: number, local: string): Promise<string[]> {
    app.clock.set(new Date(`${local}+07:00`));
    for (let i = 0; i < n; i++) {
      expectOk(await app.t.gql(FILE, { input: { subject: 'REGULATION', agencyId: app.agency.justice, regulation: 'Chứng thực', content: `Kiến nghị ${i}`, contactPhone: '0912000000' } }));
    }
    return expectOk(await app.t.gql(LIST, {}, await as('quantri', local))).petitions.nodes.map((node: { id: string }) => node.id);
  }

  async function handle(ids: string[], query: string, local: string): Promise<void> {
    const auth = await as('quantri', local);
    for (const id of ids) expectOk(await app.t.gql(query, { id }, auth));
  }

  beforeAll(async () => {
    app = await startEvaluationApp('2027-01-04T09:00:00+07:00');
  });
  afterAll(() => app?.t.close());

  it.each(CASES)('$label', async (c) => {
    const late = (c.refusedLate ? 1 : 0) + (c.answeredLate ? 1 : 0);
    const ids = await fileMany(c.onTime + late, c.filedAt);
    const [lateId] = ids.slice(c.onTime);
    const onTime = ids.slice(0, c.onTime);
    if (c.refusedLate) await handle([lateId!], REJECT, c.refusedLate.at);
    await handle(c.answeredLate ? [...onTime, lateId!] : onTime, ACCEPT, c.filedAt);
    await handle(onTime, ANSWER, c.answeredAt);
    if (c.answeredLate) await handle([lateId!], ANSWER, c.answeredLate.at);

    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: null, procedureId };
    const facts = dossier(base, { kind: 'RECEIVED', online: false, occurredAt: `${c.filedAt}+07:00` }, { kind: 'DONE', timeliness: 'ON_TIME', occurredAt: `${c.doneAt}+07:00` });
    await feed(app.t, app.clock, facts);
    const supervisor = await as('giamsat', c.doneAt);
    expectOk(await app.t.gql(SET_FACTS, { input: { agencyId: app.agency.justice, period: c.period, facts: ENTERED } }, supervisor));
    const sheet = expectOk(await app.t.gql(SHEET, { id: facts[0]!.dossierId }, supervisor)).evaluationSheet;
    expect(sheet.period).toBe(c.period);
    expect(sheet.lines.find((line: { number: number }) => line.number === 8).level).toBe(c.level);

    // A supplied petitions measure gives way to the counted petitions.
    const input = { agencyId: app.agency.justice, period: c.period, measures: [{ name: 'petitions', value: 99 }] };
    const { indicators } = expectOk(await app.t.gql(COMPUTE, { input }, supervisor)).computeShadowIndex.index;
    expect(indicators.find((i: { code: string }) => i.code === '5.2')).toEqual({ code: '5.2', numerator: c.onTime, denominator: c.onTime + late });
  });
});
