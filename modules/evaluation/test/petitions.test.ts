/**
 * Petitions (phản ánh, kiến nghị): a citizen or an anonymous filer files one and follows it by
 * code and secret; the agency's staff accept (or refuse as out of scope), answer on the
 * VN-GOV clock and close; criterion 8 and the 766 petition measures are counted from them; a
 * complaint found untrue leaves the scores with its reason; everyone else is refused.
 */
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp, writeCounter } from './support.js';

const FILE = `mutation($input: FilePetitionInput!) { filePetition(input: $input) { code secret status { status dueAt } } }`;
const STATUS = 'query($code: String!, $secret: String!) { petitionStatus(code: $code, secret: $secret) { status answer rejectReason } }';
const LIST = 'query($status: PetitionStatus) { petitions(status: $status) { totalCount nodes { id code status agencyId dossierCode } } }';
const DETAIL = 'query($id: ID!) { petition(id: $id) { petition { status dueAt timeliness protracted limitsVersion } clock { vi en } } }';
const FIELDS = '{ petition { id status timeliness protracted officerId rejectReason dismissedReason } }';
const ACCEPT = `mutation($id: ID!, $officerId: ID) { acceptPetition(id: $id, officerId: $officerId) ${FIELDS} }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectPetition(id: $id, reason: $reason) ${FIELDS} }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerPetition(id: $id, answer: $answer) ${FIELDS} }`;
const CLOSE = `mutation($id: ID!) { closePetition(id: $id) ${FIELDS} }`;
const DISMISS = `mutation($id: ID!, $reason: String!) { dismissComplaint(id: $id, reason: $reason) ${FIELDS} }`;
const SHEET = 'query($id: ID!) { evaluationSheet(dossierId: $id) { period lines { number level } } }';
const CARD = 'query($id: ID!) { scorecard(kind: OFFICER, id: $id, period: "2026-Q4") { figures { complaints } } }';
const { expectRefusedWithoutWrites } = writeCounter(['evaluation_petition', 'workflow_clock', 'kernel_audit', 'kernel_outbox']);

const vn = (local: string) => new Date(`${local}+07:00`);

describe('petitions', () => {
  let app: EvaluationApp;
  let token: Record<string, string>;
  let officer: string;
  const dossierCode = '000.00.10.H56-261120-0001';
  let dossierId: string;

  /** Sets the clock and signs `who` in then (tokens expire as the clock moves). */
  async function at(local: string, who: string): Promise<{ token: string }> {
    app.clock.set(vn(local));
    const key = `${who}@${local}`;
    token[key] ??= await app.t.login(who);
    return { token: token[key] };
  }

  /** Files as `who` (anonymous by default) at a local instant. */
  async function file(local: string, input: Record<string, unknown>, who?: string) {
    const options = who ? await at(local, who) : (app.clock.set(vn(local)), {});
    return app.t.gql(FILE, { input: { content: 'Hồ sơ quá hạn chưa trả kết quả', contactEmail: 'dan@example.vn', ...input } }, options);
  }

  /** The id of a petition by its tracking code, as the agency lists it. */
  async function idOf(code: string): Promise<string> {
    const { petitions } = expectOk(await app.t.gql(LIST, {}, await at('2026-11-26T09:30:00', 'quantri')));
    return petitions.nodes.find((node: { code: string }) => node.code === code).id;
  }

  async function act(query: string, local: string, variables: Record<string, unknown>, who = 'quantri') {
    return app.t.gql(query, variables, await at(local, who));
  }

  beforeAll(async () => {
    app = await startEvaluationApp();
    token = {};
    officer = await app.user('chuyenvien');
    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: officer, procedureId: uuid7() };
    const facts = dossier(base,
      { kind: 'RECEIVED', online: false, code: dossierCode, occurredAt: '2026-11-20T09:00:00+07:00' },
      { kind: 'DONE', timeliness: 'EARLY', occurredAt: '2026-11-25T09:00:00+07:00' });
    dossierId = facts[0]!.dossierId;
    await feed(app.t, app.clock, facts);
  });
  afterAll(() => app?.t.close());

  it('files anonymously, is followed by code and secret, accepted, answered on time and closed; due 15 working days later on VN-GOV', async () => {
    // Thu 26/11/2026 09:00 + 15 working days (27/11, 30/11, 1–4/12, 7–11/12, 14–17/12) = Thu 17/12/2026 09:00.
    const filed = expectOk(await file('2026-11-26T09:00:00', { subject: 'DOSSIER', dossierCode })).filePetition;
    expect(filed.code).toMatch(/^PAKN-2026-[0-9A-F]{8}$/);
    expect(filed.status).toEqual({ status: 'FILED', dueAt: vn('2026-12-17T09:00:00').toISOString() });
    expectRefused(await app.t.gql(STATUS, { code: filed.code, secret: 'wrong' }), 'NOT_FOUND', 'wrong secret');
    expect(expectOk(await app.t.gql(STATUS, { code: filed.code, secret: filed.secret })).petitionStatus).toEqual({ status: 'FILED', answer: null, rejectReason: null });

    const id = await idOf(filed.code);
    const detail = expectOk(await app.t.gql(DETAIL, { id }, await at('2026-11-26T09:30:00', 'giamdoc'))).petition;
    expect(detail.petition).toMatchObject({ status: 'FILED', dueAt: vn('2026-12-17T09:00:00').toISOString(), limitsVersion: 1 });
    expect(detail.clock.length).toBeGreaterThan(1);
    expectRefused(await act(ANSWER, '2026-11-27T09:00:00', { id, answer: 'Đã trả' }), 'INVALID_TRANSITION', 'answer before accepting');

    expect(expectOk(await act(ACCEPT, '2026-11-27T09:00:00', { id })).acceptPetition.petition.status).toBe('ACCEPTED');
    // Due date, later in the day: still on time (day-based limits compare local dates).
    const answered = expectOk(await act(ANSWER, '2026-12-17T16:00:00', { id, answer: 'Đã trả kết quả ngày 17/12' })).answerPetition.petition;
    expect(answered).toMatchObject({ status: 'ANSWERED', timeliness: 'ON_TIME', protracted: false });
    expect(expectOk(await app.t.gql(STATUS, { code: filed.code, secret: filed.secret })).petitionStatus).toMatchObject({ status: 'ANSWERED', answer: 'Đã trả kết quả ngày 17/12' });
    expect(expectOk(await act(CLOSE, '2026-12-18T09:00:00', { id })).closePetition.petition.status).toBe('CLOSED');
    expectRefused(await act(CLOSE, '2026-12-18T09:00:00', { id }), 'INVALID_TRANSITION', 'close twice');
  });

  it('refuses bad filings with typed bilingual errors and writes nothing', async () => {
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no contact', () => file('2026-11-26T09:00:00', { subject: 'DOSSIER', dossierCode, contactEmail: null }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no content', () => file('2026-11-26T09:00:00', { subject: 'DOSSIER', dossierCode, content: ' ' }));
    await expectRefusedWithoutWrites(app.t, 'NOT_FOUND', 'unknown dossier', () => file('2026-11-26T09:00:00', { subject: 'DOSSIER', dossierCode: 'KHONG-CO' }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'regulation unnamed', () => file('2026-11-26T09:00:00', { subject: 'REGULATION', agencyId: app.agency.justice }));
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'no agency', () => file('2026-11-26T09:00:00', { subject: 'OFFICER' }));
  });

  it('a signed-in citizen needs no contact; a refusal is judged against the 2-working-day acceptance limit', async () => {
    const filed = expectOk(await file('2026-11-26T09:00:00', { subject: 'REGULATION', agencyId: app.agency.justice, regulation: 'Thủ tục cấp phiếu lý lịch tư pháp', contactEmail: null }, 'congdan')).filePetition;
    const id = await idOf(filed.code);
    await at('2026-12-01T09:00:00', 'quantri'); // signing in writes audit rows
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'refusal without reason', () => act(REJECT, '2026-12-01T09:00:00', { id, reason: '' }));
    // Due Mon 30/11 (27/11, 30/11): refused Tue 01/12 is late, but a refusal is never protracted.
    const rejected = expectOk(await act(REJECT, '2026-12-01T09:00:00', { id, reason: 'Không thuộc thẩm quyền của Sở Tư pháp' })).rejectPetition.petition;
    expect(rejected).toMatchObject({ status: 'REJECTED', timeliness: 'LATE', protracted: false, rejectReason: 'Không thuộc thẩm quyền của Sở Tư pháp' });
    expect(expectOk(await app.t.gql(STATUS, { code: filed.code, secret: filed.secret })).petitionStatus).toMatchObject({ status: 'REJECTED', rejectReason: 'Không thuộc thẩm quyền của Sở Tư pháp' });
  });

  it('authorization: only petition.handle over the agency (its admin, its leader) handles; others are refused', async () => {
    const filed = expectOk(await file('2026-11-26T09:00:00', { subject: 'REGULATION', agencyId: app.agency.construction, regulation: 'Cấp phép xây dựng' })).filePetition;
    const justice = expectOk(await file('2026-11-26T09:00:00', { subject: 'REGULATION', agencyId: app.agency.justice, regulation: 'Chứng thực' })).filePetition;
    const other = await app.t.app.orm.em.fork().getConnection().execute('select id from evaluation_petition where code = ?', [filed.code]);
    const id = await idOf(justice.code);
    const otherId = other[0].id as string;
    expectRefused(await app.t.gql(LIST, {}), 'UNAUTHENTICATED', 'anonymous list');
    expectRefused(await app.t.gql(DETAIL, { id }), 'UNAUTHENTICATED', 'anonymous detail');
    expectRefused(await act(ACCEPT, '2026-11-26T10:00:00', { id }, 'congdan'), 'FORBIDDEN', 'citizen accepts');
    expectRefused(await act(ACCEPT, '2026-11-26T10:00:00', { id }, 'chuyenvien'), 'FORBIDDEN', 'officer without petition.handle');
    expectRefused(await act(ACCEPT, '2026-11-26T10:00:00', { id }, 'truongphong'), 'FORBIDDEN', 'unit leader');
    for (const who of ['quantri', 'giamdoc']) {
      expectRefused(await act(ACCEPT, '2026-11-26T10:00:00', { id: otherId }, who), 'FORBIDDEN', `${who}: other agency`);
      expect(expectOk(await app.t.gql(LIST, {}, await at('2026-11-26T10:00:00', who))).petitions.nodes.map((n: { agencyId: string }) => n.agencyId)).not.toContain(app.agency.construction);
    }
    expect(expectOk(await app.t.gql(LIST, {}, await at('2026-11-26T10:00:00', 'congdan'))).petitions.totalCount).toBe(0);
    expect(expectOk(await act(ACCEPT, '2026-11-26T10:00:00', { id }, 'giamdoc')).acceptPetition.petition.status).toBe('ACCEPTED');
  });

  it('a complaint about an officer in a dossier counts for criterion 7 until found untrue, with the reason kept', async () => {
    const filed = expectOk(await file('2026-11-26T09:00:00', { subject: 'OFFICER', dossierCode, content: 'Cán bộ gây khó khăn' })).filePetition;
    const id = await idOf(filed.code);
    const complaints = async () => expectOk(await app.t.gql(CARD, { id: officer }, await at('2026-11-27T09:00:00', 'chuyenvien'))).scorecard.figures.complaints;
    const before = await complaints();
    expect(expectOk(await act(ACCEPT, '2026-11-26T10:00:00', { id, officerId: officer })).acceptPetition.petition.officerId).toBe(officer);
    await app.t.app.dispatcher.drain();
    expect(await complaints()).toBe(before + 1);
    const level7 = async () => expectOk(await app.t.gql(SHEET, { id: dossierId }, await at('2026-11-27T09:00:00', 'giamdoc'))).evaluationSheet.lines.find((l: { number: number }) => l.number === 7).level;
    expect(await level7()).toBe(0);
    await at('2026-11-27T09:00:00', 'quantri');
    await expectRefusedWithoutWrites(app.t, 'BAD_USER_INPUT', 'dismiss without reason', () => act(DISMISS, '2026-11-27T09:00:00', { id, reason: '' }));
    const dismissed = expectOk(await act(DISMISS, '2026-11-27T09:00:00', { id, reason: 'Xác minh: cán bộ hướng dẫn đúng quy định' })).dismissComplaint.petition;
    expect(dismissed.dismissedReason).toBe('Xác minh: cán bộ hướng dẫn đúng quy định');
    await app.t.app.dispatcher.drain();
    expect(await complaints()).toBe(before);
    expect(await level7()).toBe(2);
    expectRefused(await act(DISMISS, '2026-11-27T09:00:00', { id, reason: 'lần hai' }), 'CONFLICT', 'dismiss twice');
  });
});
