/**
 * Acceptance 3: who sees which scorecards, sheets and indexes, as a matrix of roles × subjects
 * (own officer, another officer, units and agencies inside and outside the caller's scope),
 * including refusals, on SQLite and PostgreSQL; plus the public transparency surface, which
 * shows published agency-level results only and needs no sign-in.
 */
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierFact } from '../src/contract.js';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

const PERIOD = '2026-Q3';
const at = (day: string, time = '09:00') => `2026-${day}T${time}:00+07:00`;

const SCORECARD = `query($kind: ScorecardKind!, $id: ID!, $period: String!) { scorecard(kind: $kind, id: $id, period: $period) {
  kind subjectId period figures { stepsHandled stepsEarly stepsOnTime stepsLate received done doneEarly doneLate onTimeRate supplementRequests
  supplementRate ratings averageSatisfaction complaints composite compositeFormula } } }`;
const SCORECARDS = `query($kind: ScorecardKind!, $period: String!) { scorecards(kind: $kind, period: $period, limit: 100) { totalCount nodes { subjectId figures { stepsHandled } } } }`;
const FACTS = `query($kind: ScorecardKind!, $id: ID!, $period: String!, $factKinds: [String!]) {
  scorecardFacts(kind: $kind, id: $id, period: $period, factKinds: $factKinds, limit: 100) { totalCount nodes { kind dossierId officerId timeliness day } } }`;
const SHEET = `query($id: ID!) { evaluationSheet(dossierId: $id) { total maxTotal complete band { label } lines { number points } } }`;
const TRANSPARENCY = `query($period: String!) { transparency(period: $period) { period published agencies { rank agencyId received done doneInTime onTimeRate ratings averageSatisfaction satisfiedRate indexScore indexBand } } }`;
const INDEX = `query($agencyId: ID!, $period: String!) { shadowIndex(agencyId: $agencyId, period: $period) { score100 band indicators { code numerator denominator ratio score status } } }`;
const COMPUTE = `mutation($input: ComputeShadowIndexInput!) { computeShadowIndex(input: $input) { index { total maxScored score100 band indicators { code status score } } } }`;
const PUBLISH = `mutation($period: String!) { publishEvaluationPeriod(input: { period: $period }) { publication { period } } }`;

const { expectRefusedWithoutWrites } = writeCounter(['evaluation_index_run', 'evaluation_index_indicator', 'evaluation_publication', 'evaluation_config_version', 'evaluation_agency_period']);

describe('evaluation authorization matrix', () => {
  let app: EvaluationApp;
  let token: Record<string, string | null>;
  let id: Record<string, string>;
  let civilDossier: string;

  beforeAll(async () => {
    app = await startEvaluationApp();
    const { agency, user } = app;
    token = { anonymous: null };
    for (const name of ['admin', 'quantri', 'chuyenvien', 'truongphong', 'giamdoc', 'giamsat', 'congdan']) token[name] = await app.t.login(name);
    id = {
      chuyenvien: await user('chuyenvien'), truongphong: await user('truongphong'), supportOfficer: uuid7(), constructionOfficer: uuid7(),
      justice: agency.justice, civil: agency.justiceCivil, support: agency.justiceSupport, construction: agency.construction, works: agency.constructionWorks,
    };
    const procedureId = uuid7();
    const civil = { agencyId: agency.justice, unitId: agency.justiceCivil, officerId: id.chuyenvien, procedureId };
    const a = dossier(civil,
      { kind: 'RECEIVED', online: true, occurredAt: at('07-01') },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: at('07-02') },
      { kind: 'DONE', timeliness: 'EARLY', occurredAt: at('07-03') },
      { kind: 'RATED', satisfaction: 5, occurredAt: at('07-04') });
    civilDossier = a[0].dossierId;
    const b = dossier(civil,
      { kind: 'RECEIVED', online: false, occurredAt: at('08-01') },
      { kind: 'SUPPLEMENT_REQUESTED', contactPoint: 'ONE_STOP_DESK', applicantFault: false, occurredAt: at('08-02') },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'LATE', occurredAt: at('08-20') },
      { kind: 'DONE', timeliness: 'LATE', occurredAt: at('08-21') },
      { kind: 'RATED', satisfaction: 2, occurredAt: at('08-22') });
    const c = dossier({ agencyId: agency.justice, unitId: agency.justiceSupport, officerId: id.supportOfficer, procedureId },
      { kind: 'RECEIVED', online: true, occurredAt: at('09-01') },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'ON_TIME', occurredAt: at('09-02') },
      { kind: 'DONE', timeliness: 'ON_TIME', occurredAt: at('09-03') });
    const d = dossier({ agencyId: agency.construction, unitId: agency.constructionWorks, officerId: id.constructionOfficer, procedureId: uuid7() },
      { kind: 'RECEIVED', online: false, occurredAt: at('09-10') },
      { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: at('09-11') },
      { kind: 'DONE', timeliness: 'EARLY', occurredAt: at('09-12') },
      { kind: 'COMPLAINT', occurredAt: at('09-13') });
    await feed(app.t, app.clock, [...a, ...b, ...c, ...d] as DossierFact[]);
  });
  afterAll(() => app?.t.close());

  const scorecard = (who: string, kind: string, subject: string) => app.t.gql(SCORECARD, { kind, id: id[subject], period: PERIOD }, { token: token[who] });

  // [caller, kind, subject, allowed]
  const MATRIX: Array<[string, string, string, boolean | 'UNAUTHENTICATED']> = [
    ['chuyenvien', 'OFFICER', 'chuyenvien', true], ['chuyenvien', 'OFFICER', 'supportOfficer', false], ['chuyenvien', 'UNIT', 'civil', false],
    ['chuyenvien', 'AGENCY', 'justice', false], ['chuyenvien', 'AGENCY', 'construction', false],
    ['truongphong', 'OFFICER', 'chuyenvien', true], ['truongphong', 'OFFICER', 'supportOfficer', false], ['truongphong', 'UNIT', 'civil', true],
    ['truongphong', 'UNIT', 'support', false], ['truongphong', 'AGENCY', 'justice', false], ['truongphong', 'OFFICER', 'truongphong', true],
    ['giamdoc', 'OFFICER', 'chuyenvien', true], ['giamdoc', 'OFFICER', 'supportOfficer', true], ['giamdoc', 'UNIT', 'civil', true],
    ['giamdoc', 'UNIT', 'support', true], ['giamdoc', 'AGENCY', 'justice', true], ['giamdoc', 'AGENCY', 'construction', false],
    ['giamdoc', 'UNIT', 'works', false], ['giamdoc', 'OFFICER', 'constructionOfficer', false],
    ['giamsat', 'OFFICER', 'chuyenvien', true], ['giamsat', 'OFFICER', 'constructionOfficer', true], ['giamsat', 'UNIT', 'works', true],
    ['giamsat', 'AGENCY', 'justice', true], ['giamsat', 'AGENCY', 'construction', true],
    ['admin', 'AGENCY', 'construction', true], ['admin', 'OFFICER', 'supportOfficer', true],
    ['quantri', 'AGENCY', 'justice', false], ['quantri', 'UNIT', 'civil', false], ['quantri', 'OFFICER', 'chuyenvien', false],
    ['congdan', 'AGENCY', 'justice', false], ['congdan', 'OFFICER', 'chuyenvien', false],
    ['anonymous', 'AGENCY', 'justice', 'UNAUTHENTICATED'], ['anonymous', 'OFFICER', 'chuyenvien', 'UNAUTHENTICATED'],
  ];

  it.each(MATRIX)('%s reads the %s scorecard of %s: %s', async (who, kind, subject, allowed) => {
    const result = await scorecard(who, kind, subject);
    if (allowed === true) expect(expectOk(result).scorecard).toMatchObject({ kind, subjectId: id[subject], period: PERIOD });
    else expectRefused(result, allowed === false ? 'FORBIDDEN' : allowed, `${who} ${kind} ${subject}`);
  });

  it('the figures of a scorecard are the same for every reader who may see it', async () => {
    const figures = async (who: string) => expectOk(await scorecard(who, 'OFFICER', 'chuyenvien')).scorecard.figures;
    const own = await figures('chuyenvien');
    expect(own).toMatchObject({
      stepsHandled: 2, stepsEarly: 1, stepsLate: 1, received: 2, done: 2, doneEarly: 1, doneLate: 1, onTimeRate: 0.5, supplementRequests: 1,
      supplementRate: 0.5, ratings: 2, averageSatisfaction: 3.5, complaints: 0, compositeFormula: expect.stringMatching(/^100 × /),
    });
    for (const who of ['truongphong', 'giamdoc', 'giamsat', 'admin']) expect(await figures(who)).toEqual(own);
    const agency = expectOk(await scorecard('giamdoc', 'AGENCY', 'justice')).scorecard.figures;
    expect(agency).toMatchObject({ stepsHandled: 3, received: 3, done: 3, doneLate: 1, ratings: 2 });
  });

  it.each([
    ['chuyenvien', 'OFFICER', ['chuyenvien']],
    ['truongphong', 'OFFICER', ['chuyenvien']],
    ['truongphong', 'UNIT', ['civil']],
    ['giamdoc', 'OFFICER', ['chuyenvien', 'supportOfficer']],
    ['giamdoc', 'UNIT', ['civil', 'support']],
    ['giamdoc', 'AGENCY', ['justice']],
    ['giamsat', 'AGENCY', ['justice', 'construction']],
    ['giamsat', 'OFFICER', ['chuyenvien', 'supportOfficer', 'constructionOfficer']],
    ['quantri', 'AGENCY', []],
    ['congdan', 'UNIT', []],
  ])('%s lists exactly the %s scorecards in scope', async (who, kind, subjects) => {
    const { scorecards } = expectOk(await app.t.gql(SCORECARDS, { kind, period: PERIOD }, { token: token[who] }));
    expect(scorecards.nodes.map((n: { subjectId: string }) => n.subjectId).sort()).toEqual(subjects.map((s) => id[s as string]).sort());
    expect(scorecards.totalCount).toBe(subjects.length);
  });

  it('anonymous callers cannot list scorecards', async () => {
    expectRefused(await app.t.gql(SCORECARDS, { kind: 'AGENCY', period: PERIOD }), 'UNAUTHENTICATED');
  });

  it('a unit leader drills from the late count down to the dossier behind it; other units stay closed', async () => {
    const { scorecardFacts } = expectOk(await app.t.gql(FACTS, { kind: 'UNIT', id: id.civil, period: PERIOD, factKinds: ['STEP_COMPLETED'] }, { token: token.truongphong }));
    const late = scorecardFacts.nodes.filter((n: { timeliness: string }) => n.timeliness === 'LATE');
    expect(late).toEqual([{ kind: 'STEP_COMPLETED', dossierId: expect.any(String), officerId: id.chuyenvien, timeliness: 'LATE', day: '2026-08-20' }]);
    expectRefused(await app.t.gql(FACTS, { kind: 'UNIT', id: id.support, period: PERIOD }, { token: token.truongphong }), 'FORBIDDEN');
  });

  it.each([['chuyenvien', true], ['truongphong', true], ['giamdoc', true], ['giamsat', true], ['quantri', false], ['congdan', false]])(
    '%s reads the sheet of a dossier of the civil unit: %s', async (who, allowed) => {
      const result = await app.t.gql(SHEET, { id: civilDossier }, { token: token[who] });
      if (allowed) expect(expectOk(result).evaluationSheet).toMatchObject({ maxTotal: 18, complete: false });
      else expectRefused(result, 'FORBIDDEN');
    },
  );

  describe('the shadow index and publication', () => {
    it('only evaluation.manage over the agency computes it; nothing is written on refusal', async () => {
      const input = { agencyId: id.justice, period: PERIOD, measures: [] };
      for (const who of ['giamdoc', 'truongphong', 'quantri']) {
        await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', `${who} computes`, () => app.t.gql(COMPUTE, { input }, { token: token[who] }));
      }
      await expectRefusedWithoutWrites(app.t, 'UNAUTHENTICATED', 'anonymous computes', () => app.t.gql(COMPUTE, { input }));
      const { computeShadowIndex } = expectOk(await app.t.gql(COMPUTE, { input }, { token: token.giamsat }));
      // Only aggregate-derived measures: 2.1 (2 of 3 in time), 3.3 (2 of 3 online) and 5.4 (3 − 1 late − 1 dislike) score; the rest lack data.
      const scored = computeShadowIndex.index.indicators.filter((i: { status: string }) => i.status === 'SCORED').map((i: { code: string }) => i.code);
      expect(scored).toEqual(['2.1', '3.3', '5.4']);
      expect(computeShadowIndex.index).toMatchObject({ maxScored: 32 });
    });

    it('is private until the period is published, then public without sign-in', async () => {
      expectRefused(await app.t.gql(INDEX, { agencyId: id.justice, period: PERIOD }), 'UNAUTHENTICATED');
      expectRefused(await app.t.gql(INDEX, { agencyId: id.justice, period: PERIOD }, { token: token.truongphong }), 'FORBIDDEN');
      expect(expectOk(await app.t.gql(INDEX, { agencyId: id.justice, period: PERIOD }, { token: token.giamdoc })).shadowIndex.indicators).toHaveLength(23);
      expect(expectOk(await app.t.gql(TRANSPARENCY, { period: PERIOD }))).toEqual({ transparency: { period: PERIOD, published: false, agencies: [] } });

      for (const who of ['giamdoc', 'truongphong', 'chuyenvien']) {
        await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', `${who} publishes`, () => app.t.gql(PUBLISH, { period: PERIOD }, { token: token[who] }));
      }
      expectOk(await app.t.gql(PUBLISH, { period: PERIOD }, { token: token.giamsat }));

      const index = expectOk(await app.t.gql(INDEX, { agencyId: id.justice, period: PERIOD })).shadowIndex;
      expect(index.indicators.find((i: { code: string }) => i.code === '2.1')).toEqual({ code: '2.1', numerator: 2, denominator: 3, ratio: 0.666667, score: 13.3333, status: 'SCORED' });
      const { transparency } = expectOk(await app.t.gql(TRANSPARENCY, { period: PERIOD }));
      expect(transparency).toMatchObject({ published: true });
      expect(transparency.agencies).toEqual([
        { rank: 1, agencyId: id.construction, received: 1, done: 1, doneInTime: 1, onTimeRate: 1, ratings: 0, averageSatisfaction: null, satisfiedRate: null, indexScore: null, indexBand: null },
        { rank: 2, agencyId: id.justice, received: 3, done: 3, doneInTime: 2, onTimeRate: 0.6667, ratings: 2, averageSatisfaction: 3.5, satisfiedRate: 0.5, indexScore: index.score100, indexBand: index.band },
      ]);
      expect(JSON.stringify(transparency)).not.toContain(id.chuyenvien); // nothing below agency level
    });

    it('another period stays unpublished', async () => {
      expect(expectOk(await app.t.gql(TRANSPARENCY, { period: '2026-Q4' })).transparency.published).toBe(false);
      expectRefused(await app.t.gql(TRANSPARENCY, { period: '2026-Q5' }), 'BAD_USER_INPUT');
    });
  });
});
