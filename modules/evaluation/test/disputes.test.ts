/**
 * Disputes: an officer contests a late step that was another unit's delay; the unit leader
 * accepts (the fact moves, both units' scorecards change at once, and a full recompute agrees)
 * or rejects (nothing changes); the history stays readable; everyone else is refused.
 */
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateRows, dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

const FACTS = `query($kind: ScorecardKind!, $id: ID!) { scorecardFacts(kind: $kind, id: $id, period: "2026-Q4", factKinds: ["STEP_COMPLETED"]) {
  totalCount nodes { id timeliness unitId officerId reportedUnitId reportedOfficerId } } }`;
const CARD = 'query($kind: ScorecardKind!, $id: ID!) { scorecard(kind: $kind, id: $id, period: "2026-Q4") { figures { stepsHandled stepsLate composite } } }';
const FILE = 'mutation($input: FileDisputeInput!) { fileEvaluationDispute(input: $input) { dispute { id status proposal targetUnitId } } }';
const DECIDE = 'mutation($input: DecideDisputeInput!) { decideEvaluationDispute(input: $input) { dispute { id status decisionReason decidedBy } } }';
const LIST = 'query($status: DisputeStatus) { evaluationDisputes(status: $status) { totalCount nodes { id status reason decisionReason factKind } } }';
const { expectRefusedWithoutWrites } = writeCounter(['evaluation_dispute', 'evaluation_daily', 'kernel_audit']);

describe('disputes', () => {
  let app: EvaluationApp;
  let token: Record<string, string>;
  let officer: string;
  let late: string;
  let early: string;

  beforeAll(async () => {
    app = await startEvaluationApp();
    token = {};
    for (const name of ['chuyenvien', 'truongphong', 'giamdoc', 'quantri', 'congdan', 'admin', 'giamsat']) token[name] = await app.t.login(name);
    officer = await app.user('chuyenvien');
    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: officer, procedureId: uuid7() };
    await feed(app.t, app.clock, [
      ...dossier(base, { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'EARLY', occurredAt: '2026-10-05T09:00:00+07:00' }),
      ...dossier(base, { kind: 'STEP_COMPLETED', stepCode: 'THAM_DINH', timeliness: 'LATE', occurredAt: '2026-10-07T09:00:00+07:00' }),
    ]);
    const facts = expectOk(await app.t.gql(FACTS, { kind: 'OFFICER', id: officer }, { token: token.chuyenvien })).scorecardFacts.nodes;
    late = facts.find((f: { timeliness: string }) => f.timeliness === 'LATE').id;
    early = facts.find((f: { timeliness: string }) => f.timeliness === 'EARLY').id;
  });
  afterAll(() => app?.t.close());

  const card = async (kind: string, id: string, who = 'giamdoc') => expectOk(await app.t.gql(CARD, { kind, id }, { token: token[who] })).scorecard.figures;
  const reattribute = () => ({ factId: late, reason: 'Chậm do Phòng Bổ trợ tư pháp trả lời muộn', proposal: 'REATTRIBUTE', targetUnitId: app.agency.justiceSupport });

  it('only the officer the fact counts against files a dispute, with a reason and a target in the agency', async () => {
    for (const who of ['truongphong', 'quantri', 'congdan']) {
      await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', who, () => app.t.gql(FILE, { input: reattribute() }, { token: token[who] }));
    }
    await expectRefusedWithoutWrites(app.t, 'UNAUTHENTICATED', 'anonymous', () => app.t.gql(FILE, { input: reattribute() }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no reason', () => app.t.gql(FILE, { input: { ...reattribute(), reason: ' ' } }, { token: token.chuyenvien }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'unit of another agency', () =>
      app.t.gql(FILE, { input: { ...reattribute(), targetUnitId: app.agency.constructionWorks } }, { token: token.chuyenvien }));
    await expectRefusedWithoutWrites(app.t, 'NOT_FOUND', 'unknown fact', () => app.t.gql(FILE, { input: { ...reattribute(), factId: uuid7() } }, { token: token.chuyenvien }));
    const { dispute } = expectOk(await app.t.gql(FILE, { input: reattribute() }, { token: token.chuyenvien })).fileEvaluationDispute;
    expect(dispute).toMatchObject({ status: 'OPEN', proposal: 'REATTRIBUTE', targetUnitId: app.agency.justiceSupport });
    await expectRefusedWithoutWrites(app.t, 'CONFLICT', 'second open dispute', () => app.t.gql(FILE, { input: reattribute() }, { token: token.chuyenvien }));
  });

  it('the officer, other agencies and citizens cannot decide; the unit leader accepts and both units change at once', async () => {
    const [open] = expectOk(await app.t.gql(LIST, { status: 'OPEN' }, { token: token.truongphong })).evaluationDisputes.nodes;
    const accept = { id: open.id, accept: true, reason: 'Đúng, hồ sơ chờ ý kiến Phòng Bổ trợ tư pháp' };
    for (const who of ['chuyenvien', 'quantri', 'congdan']) {
      await expectRefusedWithoutWrites(app.t, 'FORBIDDEN', who, () => app.t.gql(DECIDE, { input: accept }, { token: token[who] }));
    }
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no reason', () => app.t.gql(DECIDE, { input: { ...accept, reason: '' } }, { token: token.truongphong }));
    expect(await card('UNIT', app.agency.justiceCivil)).toMatchObject({ stepsHandled: 2, stepsLate: 1 });
    const { dispute } = expectOk(await app.t.gql(DECIDE, { input: accept }, { token: token.truongphong })).decideEvaluationDispute;
    expect(dispute).toMatchObject({ status: 'ACCEPTED', decisionReason: accept.reason, decidedBy: await app.user('truongphong') });
    expect(await card('UNIT', app.agency.justiceCivil)).toMatchObject({ stepsHandled: 1, stepsLate: 0, composite: 100 });
    expect(await card('UNIT', app.agency.justiceSupport)).toMatchObject({ stepsHandled: 1, stepsLate: 1 });
    expect(await card('AGENCY', app.agency.justice)).toMatchObject({ stepsHandled: 2, stepsLate: 1 });
    const moved = expectOk(await app.t.gql(FACTS, { kind: 'UNIT', id: app.agency.justiceSupport }, { token: token.giamdoc })).scorecardFacts.nodes;
    expect(moved).toEqual([{ id: late, timeliness: 'LATE', unitId: app.agency.justiceSupport, officerId: null, reportedUnitId: app.agency.justiceCivil, reportedOfficerId: officer }]);
    await expectRefusedWithoutWrites(app.t, 'INVALID_TRANSITION', 'decide twice', () => app.t.gql(DECIDE, { input: accept }, { token: token.giamdoc }));
  });

  it('a full recompute reaches the same aggregates as the accepted dispute did', async () => {
    const incremental = await aggregateRows(app.t);
    expectOk(await app.t.gql('mutation { recomputeEvaluationAggregates(input: {}) { facts } }', {}, { token: token.admin }));
    expect(await aggregateRows(app.t)).toEqual(incremental);
  });

  it('an exclusion, rejected, changes nothing; accepted by the supervisor, the fact leaves every score', async () => {
    const exclude = { factId: early, reason: 'Bước do người khác xử lý', proposal: 'EXCLUDE' };
    const first = expectOk(await app.t.gql(FILE, { input: exclude }, { token: token.chuyenvien })).fileEvaluationDispute.dispute;
    expectOk(await app.t.gql(DECIDE, { input: { id: first.id, accept: false, reason: 'Hệ thống ghi nhận đúng người xử lý' } }, { token: token.truongphong }));
    expect(await card('OFFICER', officer)).toMatchObject({ stepsHandled: 1 });
    const second = expectOk(await app.t.gql(FILE, { input: exclude }, { token: token.chuyenvien })).fileEvaluationDispute.dispute;
    expectOk(await app.t.gql(DECIDE, { input: { id: second.id, accept: true, reason: 'Phúc tra: bước do cán bộ khác xử lý' } }, { token: token.giamsat }));
    expect(await card('OFFICER', officer, 'chuyenvien')).toMatchObject({ stepsHandled: 0, composite: null });
    expectRefused(await app.t.gql(FILE, { input: exclude }, { token: token.chuyenvien }), 'CONFLICT', 'an excluded fact');
  });

  it('the history stays visible to the officer and the leaders, and to nobody else', async () => {
    const own = expectOk(await app.t.gql(LIST, {}, { token: token.chuyenvien })).evaluationDisputes;
    expect(own.nodes.map((d: { status: string }) => d.status).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'REJECTED']);
    expect(expectOk(await app.t.gql(LIST, {}, { token: token.giamdoc })).evaluationDisputes.totalCount).toBe(3);
    expect(expectOk(await app.t.gql(LIST, { status: 'REJECTED' }, { token: token.truongphong })).evaluationDisputes.nodes[0].decisionReason).toBe('Hệ thống ghi nhận đúng người xử lý');
    for (const who of ['quantri', 'congdan']) expect(expectOk(await app.t.gql(LIST, {}, { token: token[who] })).evaluationDisputes.totalCount).toBe(0);
  });
});
