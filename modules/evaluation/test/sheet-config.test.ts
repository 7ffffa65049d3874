/**
 * The worked example of one-stop-domain §9.3 end to end (facts fed through the contract, the
 * agency's period facts entered once, the sheet read through GraphQL: 14/18, Tốt), and the
 * questionnaire and formula table as versioned configuration: seeded once, replaced without
 * code by a global administrator, dossiers judged by the version in force when received.
 */
import { uuid7 } from '@motcua/kernel/contract';
import evaluation from '@motcua/evaluation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from '../src/questionnaire/questionnaire.js';
import { DEFAULT_766_TABLE } from '../src/index766/default-table.js';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

const SHEET = `query($id: ID!) { evaluationSheet(dossierId: $id) { dossierId questionnaireVersion period total maxTotal complete
  band { from label labelEn } lines { number rule level points maxPoints } } }`;
const SET_FACTS = `mutation($input: SetAgencyPeriodFactsInput!) { setAgencyPeriodFacts(input: $input) { facts { deskApprovalShare onlineDossierShare } } }`;
const QUESTIONNAIRE = `query($day: String, $version: Int) { evaluationQuestionnaire(day: $day, version: $version) { number effectiveFrom change configJson } }`;
const PUBLISH_Q = `mutation($input: PublishConfigInput!) { publishQuestionnaire(input: $input) { version { number effectiveFrom change } } }`;
const PUBLISH_T = `mutation($input: PublishConfigInput!) { publishIndexFormulaTable(input: $input) { version { number } } }`;
const TABLE = `{ indexFormulaTable { number configJson } }`;

const { rowsWrittenBy, expectRefusedWithoutWrites } = writeCounter(['evaluation_config_version', 'evaluation_agency_period']);

/** The agency's period in §9.3. */
const AGENCY_A = {
  deskReceiveReturnShare: 1, deskApprovalShare: 0.1, publishedAtDesk: true, publishedOnline: true, petitions: 0, petitionsOnTime: 0,
  petitionsProtracted: 0, onlineOfferedShare: 0.5, onlineDossierShare: 0.22, onlineLateOrUnresolved: 0,
};

describe('evaluation sheets and versioned configuration', () => {
  let app: EvaluationApp;
  let admin: string;
  let giamsat: string;
  let dossierA: string;
  const procedureId = uuid7();
  const base = () => ({ agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: null, procedureId });

  beforeAll(async () => {
    app = await startEvaluationApp();
    [admin, giamsat] = [await app.t.login('admin'), await app.t.login('giamsat')];
    const facts = dossier(base(),
      { kind: 'RECEIVED', online: false, occurredAt: '2025-10-27T08:00:00+07:00' },
      { kind: 'SUPPLEMENT_REQUESTED', contactPoint: 'ONE_STOP_DESK', applicantFault: false, occurredAt: '2025-10-27T10:00:00+07:00' },
      { kind: 'SUPPLEMENT_RECEIVED', occurredAt: '2025-10-28T08:00:00+07:00' },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: '2025-10-30T16:00:00+07:00' },
      { kind: 'STEP_COMPLETED', stepCode: 'PHE_DUYET', timeliness: 'EARLY', occurredAt: '2025-10-31T10:00:00+07:00' },
      { kind: 'DONE', timeliness: 'EARLY', occurredAt: '2025-11-02T10:00:00+07:00' });
    dossierA = facts[0].dossierId;
    await feed(app.t, app.clock, facts);
  });
  afterAll(() => app?.t.close());

  const sheet = async (id = dossierA) => expectOk(await app.t.gql(SHEET, { id }, { token: giamsat })).evaluationSheet;

  it('the worked example scores 14/18, Tốt, once the agency facts of 2025-Q4 are entered', async () => {
    expect(await sheet()).toMatchObject({ total: 8, complete: false, period: '2025-Q4', questionnaireVersion: 1 });
    const { written } = await rowsWrittenBy(app.t, async () => expectOk(await app.t.gql(SET_FACTS, {
      input: { agencyId: app.agency.justice, period: '2025-Q4', facts: AGENCY_A },
    }, { token: giamsat })));
    expect(written).toEqual({ evaluation_agency_period: 1 });
    const scored = await sheet();
    expect(scored.lines.map((l: { points: number }) => l.points)).toEqual([2, 2, 1, 1, 1, 2, 2, 2, 1]);
    expect(scored).toMatchObject({ dossierId: dossierA, total: 14, maxTotal: 18, complete: true, band: { from: 12, label: 'Tốt', labelEn: 'Good' } });
  });

  it('a complaint about the officer takes criterion 7 to 0; found untrue, it is excluded again', async () => {
    const complaint = { ...base(), dossierId: dossierA, occurredAt: '2025-11-05T09:00:00+07:00' };
    await feed(app.t, app.clock, [{ ...complaint, kind: 'COMPLAINT' }]);
    expect((await sheet()).total).toBe(12);
    await feed(app.t, app.clock, [{ ...complaint, kind: 'COMPLAINT_DISMISSED', occurredAt: '2025-11-10T09:00:00+07:00' }]);
    expect((await sheet()).total).toBe(14);
  });

  it.each([
    ['a share above 1', { ...AGENCY_A, onlineDossierShare: 22 }, 'onlineDossierShare'],
    ['more petitions on time than petitions', { ...AGENCY_A, petitions: 1, petitionsOnTime: 2 }, 'petitionsOnTime'],
  ])('agency facts with %s are refused', async (_label, facts, field) => {
    const error = await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', field, () =>
      app.t.gql(SET_FACTS, { input: { agencyId: app.agency.justice, period: '2025-Q4', facts } }, { token: giamsat }));
    expect(error.extensions.details).toMatchObject({ field });
  });

  it('agency facts need evaluation.manage over the agency', async () => {
    const input = { agencyId: app.agency.justice, period: '2025-Q4', facts: AGENCY_A };
    for (const who of ['giamdoc', 'truongphong', 'quantri']) {
      await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', who, async () => app.t.gql(SET_FACTS, { input }, { token: await app.t.login(who) }));
    }
  });

  it('seeds version 1 of the questionnaire and of the 766 table, readable without signing in; seeding again writes nothing', async () => {
    const { evaluationQuestionnaire } = expectOk(await app.t.gql(QUESTIONNAIRE));
    expect(evaluationQuestionnaire).toMatchObject({ number: 1, effectiveFrom: '2018-07-01', change: 'seed' });
    expect(JSON.parse(evaluationQuestionnaire.configJson)).toEqual(DEFAULT_QUESTIONNAIRE);
    expect(JSON.parse(expectOk(await app.t.gql(TABLE)).indexFormulaTable.configJson)).toEqual(DEFAULT_766_TABLE);
    const seed = () => app.t.app.orm.em.fork().transactional((em) => evaluation.seed!({ em, clock: app.clock, log: app.t.app.log, demo: true, permissions: [] }));
    expect((await rowsWrittenBy(app.t, seed)).written).toEqual({});
  });

  it('a new questionnaire replaces the old one from its effective day, without code; older dossiers keep theirs', async () => {
    const replacement = { ...DEFAULT_QUESTIONNAIRE, title: 'Phiếu 2026', bands: [{ from: 0, label: 'Chưa đạt', labelEn: 'Not met' }, { from: 14, label: 'Đạt', labelEn: 'Met' }] };
    const input = { configJson: JSON.stringify(replacement), effectiveFrom: '2026-01-01', change: 'Quyết định thử nghiệm 2026' };
    await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', 'a supervisor (not global)', () => app.t.gql(PUBLISH_Q, { input }, { token: giamsat }));
    await expectRefusedWithoutWrites(app.t, 'UNAUTHENTICATED', 'anonymous', () => app.t.gql(PUBLISH_Q, { input }));
    expect(expectOk(await app.t.gql(PUBLISH_Q, { input }, { token: admin })).publishQuestionnaire.version).toEqual({ number: 2, effectiveFrom: '2026-01-01', change: input.change });

    expect(expectOk(await app.t.gql(QUESTIONNAIRE, { day: '2025-12-31' })).evaluationQuestionnaire.number).toBe(1);
    expect(expectOk(await app.t.gql(QUESTIONNAIRE, { day: '2026-01-01' })).evaluationQuestionnaire.number).toBe(2);
    expect(await sheet()).toMatchObject({ questionnaireVersion: 1, band: { label: 'Tốt' } });

    const later = dossier(base(),
      { kind: 'RECEIVED', online: true, occurredAt: '2026-02-02T08:00:00+07:00' },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: '2026-02-03T08:00:00+07:00' },
      { kind: 'DONE', timeliness: 'EARLY', occurredAt: '2026-02-04T08:00:00+07:00' });
    await feed(app.t, app.clock, later);
    expect(await sheet(later[0].dossierId)).toMatchObject({ questionnaireVersion: 2, total: 10, complete: false, band: { label: 'Chưa đạt' } });
  });

  it.each([
    ['JSON that does not parse', '{"title":', 'configJson'],
    ['bands with a gap at 0', JSON.stringify({ ...DEFAULT_QUESTIONNAIRE, bands: [{ from: 3, label: 'A', labelEn: 'A' }] }), 'bands'],
  ])('a questionnaire with %s is refused, nothing written', async (_label, configJson, field) => {
    const error = await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', field, () =>
      app.t.gql(PUBLISH_Q, { input: { configJson, effectiveFrom: '2027-01-01', change: 'x' } }, { token: admin }));
    expect(error.extensions.details).toMatchObject({ field });
  });

  it('a formula table version is validated and appended the same way', async () => {
    const table = { ...DEFAULT_766_TABLE, bands: [{ from: 0, label: 'Yếu', labelEn: 'Poor' }, { from: 95, label: 'Xuất sắc', labelEn: 'Excellent' }] };
    expect(expectOk(await app.t.gql(PUBLISH_T, { input: { configJson: JSON.stringify(table), effectiveFrom: '2027-01-01', change: 'Ngưỡng 95' } }, { token: admin }))
      .publishIndexFormulaTable.version.number).toBe(2);
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'a bad table', () => app.t.gql(PUBLISH_T, {
      input: { configJson: JSON.stringify({ ...DEFAULT_766_TABLE, indicators: [] }), effectiveFrom: '2027-01-01', change: 'x' },
    }, { token: admin }));
  });

  it('a global administrator recomputes the aggregates of a range; nobody else may', async () => {
    const RECOMPUTE = 'mutation($input: RecomputeAggregatesInput!) { recomputeEvaluationAggregates(input: $input) { facts } }';
    const input = { fromDay: '2025-10-01', toDay: '2025-12-31' };
    await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', 'supervisor', () => app.t.gql(RECOMPUTE, { input }, { token: giamsat }));
    expect(expectOk(await app.t.gql(RECOMPUTE, { input }, { token: admin })).recomputeEvaluationAggregates.facts).toBe(8); // dossier A: 6 facts + complaint + dismissal
    expectRefused(await app.t.gql(RECOMPUTE, { input: { fromDay: '2025-13-01' } }, { token: admin }), 'BAD_USER_INPUT');
  });

  it('an unknown dossier is NOT_FOUND; a bad day is refused', async () => {
    expectRefused(await app.t.gql(SHEET, { id: uuid7() }, { token: giamsat }), 'NOT_FOUND');
    expectRefused(await app.t.gql(QUESTIONNAIRE, { day: '2026-02-30' }), 'BAD_USER_INPUT');
  });
});
