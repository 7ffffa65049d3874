/**
 * Boundary-free receipt (tiếp nhận không phụ thuộc địa giới hành chính, domain doc §0.2 item 2):
 * a dossier lodged at a commune desk for Sở Tư pháp, received there on a Friday afternoon,
 * forwarded, and received by the competent agency's desk on Monday morning. The clock counts
 * from Monday's receipt (Decree 118 Art. 17(3) as amended by Decree 309/2026), worked out by hand:
 *
 * Calendar VN-GOV: 07:00–11:30 and 13:30–17:00 (8 h a day), Monday–Friday, no holiday in March
 * 2026; Hà Nội time. The procedure's DIRECT limit is 3 working days = 24 working hours.
 * - Lodged Friday 06/03 15:30 at UBND phường Hạc Thành: code from the commune's counter, national
 *   status 2, Mẫu 01 without a due date, no clock, no process.
 * - Received by the provincial desk (the offering's receiving unit) Monday 09/03 09:00:
 *   Mon 09:00–11:30 (2.5 h) + 13:30–17:00 (3.5 h) = 6 h, Tue 8 h → 14 h, Wed 8 h → 22 h,
 *   Thu 07:00–09:00 (2 h) → 24 h: due Thursday 12/03 09:00. (Counted from Friday 15:30 it
 *   would have been Wednesday 11/03 15:30.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { DEMO_PASSWORD } from '@motcua/server/testing';
import { Dossier, dossierBlobs } from '@motcua/dossiers';
import { type DossierState, dossierPayload } from '@motcua/dossiers/contract';
import {
  DESK, type DossierWorld, dossierWorld, expectRefusedWithoutWrites, offerProcedure, PDF_BASE64, pdfText, PROCEDURE_CODE,
  procedureContent, Q,
} from './support/api-app.js';

const COMMUNE = '000.30.31.H56'; // UBND phường Hạc Thành: the lodging desk
const OTHER_AGENCY_UNIT = '000.01.12.H56'; // Văn phòng Sở Xây dựng: another agency's desk
const BOUNDARY_FREE_CODE = '2.000998';

const clock = new FixedClock(new Date('2026-03-06T01:00:00Z')); // Fri 06/03 08:00
let w: DossierWorld;
let id: string;

const utc = (local: string) => new Date(`${local}+07:00`).toISOString();

/** A new desk dossier of `procedure` with its two documents, as `receiveDossier` takes it. */
const deskDossier = (procedure: string) => ({
  create: {
    procedure, agencyId: w.agency('000.00.10.H56'), caseCode: 'TH1', channel: 'DIRECT', formData: { hoTen: 'Lê Văn Tâm', soLuong: 1 },
    applicant: { name: 'Lê Văn Tâm', phone: '0912000111', email: 'tam.le@example.vn' },
  },
  documents: ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: `${componentCode}.pdf`, contentBase64: PDF_BASE64, digitised: true })),
});

/** A reception officer at `unit`, created through the identity API. */
async function receptionOfficer(username: string, unit: string): Promise<void> {
  const staff = (await w.ok('admin', 'mutation($input: CreateStaffInput!) { createStaff(input: $input) { staff { id } } }', {
    input: { username, password: DEMO_PASSWORD, fullName: `Cán bộ tiếp nhận ${unit}`, unitId: w.agency(unit) },
  })).createStaff.staff;
  const { roles } = await w.ok('admin', '{ roles(limit: 100) { nodes { id key } } }');
  const roleId = roles.nodes.find((r: { key: string }) => r.key === 'RECEPTION_OFFICER').id;
  await w.ok('admin', 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { assignment { id } } }', { input: { userId: staff.id, roleId, unitId: w.agency(unit) } });
}

/** The national portal payload of the dossier as stored now (what the sync job would send). */
async function portalPayload(dossierId: string) {
  const dossier = await w.t.app.orm.em.fork().findOneOrFail(Dossier, dossierId);
  return dossierPayload({ ...dossier, code: dossier.code!, state: dossier.state as DossierState });
}

/** The `dossiers.Transitioned` events of the dossier: domain events and the due date they carry. */
async function transitions(dossierId: string): Promise<Array<{ events: string[]; dueAt: string | null }>> {
  const rows = await w.t.app.orm.em.fork().getConnection().execute<Array<{ payload: string | Record<string, any> }>>("select payload from kernel_outbox where type = 'dossiers.Transitioned' order by id");
  return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)).filter((p) => p.dossierId === dossierId).map((p) => ({ events: p.events, dueAt: p.dueAt }));
}

beforeAll(async () => {
  w = await dossierWorld(clock);
  await offerProcedure(w, BOUNDARY_FREE_CODE, { ...procedureContent(), boundaryFree: true });
  await receptionOfficer('tiepnhanxa', COMMUNE);
  await receptionOfficer('tiepnhanxd', OTHER_AGENCY_UNIT);
}, 120_000);
afterAll(() => w?.t.close());

describe('a boundary-free dossier lodged on Friday, received by the competent agency on Monday', () => {
  it('a desk outside the offering may not receive a procedure the catalog does not list as boundary-free (nothing written)', async () => {
    w.at(utc('2026-03-06T15:00:00'));
    await expectRefusedWithoutWrites(w.t, 'FORBIDDEN', 'commune desk, ordinary procedure', () => w.gql('tiepnhanxa', Q.receive, { input: deskDossier(PROCEDURE_CODE) }));
  });

  it('Friday 15:30 the commune desk receives it: its own code, national status 2, Mẫu 01 without a due date, no clock, no process', async () => {
    w.at(utc('2026-03-06T15:30:00'));
    const received = (await w.ok('tiepnhanxa', Q.receive, { input: deskDossier(BOUNDARY_FREE_CODE) })).receiveDossier;
    id = received.id;
    expect(received).toMatchObject({
      code: `${COMMUNE}-260306-0001`, state: 'RECEIVED', nationalStatus: 2, boundaryFree: true, receivedAt: '2026-03-06T15:30:00+07:00',
      dueAt: null, originalDueAt: null, competentReceivedAt: null, processInstanceId: null, openTaskId: null, ledgerExplanation: [],
      unitId: w.agency(COMMUNE), competentUnitId: w.agency(DESK), receivedAtUnitName: 'Ủy ban nhân dân phường Hạc Thành',
      allowedActions: ['RECEIVE_AT_COMPETENT_AGENCY', 'WITHDRAW'],
    });
    expect(received.forms.map((f: { number: string }) => f.number)).toEqual(['Mẫu 01']);
    const slip = pdfText(await dossierBlobs().get(received.forms[0].sha256)).replace(/\s+/g, ' ');
    expect(slip).toContain(`${COMMUNE}-260306-0001`);
    expect(slip).toContain('03 ngày làm việc, tính từ khi cơ quan có thẩm quyền nhận được hồ sơ');
    expect(slip).toContain('được hẹn khi cơ quan có thẩm quyền nhận được hồ sơ');
    expect(slip).toContain('Đăng ký nhận kết quả tại: Ủy ban nhân dân phường Hạc Thành');

    const payload = await portalPayload(id);
    expect(payload).toMatchObject({ TrangThaiHoSo: 2, NgayTiepNhan: '20260306153000', NgayHenTra: '' });
    expect(payload).not.toHaveProperty('NgayCoQuanNhan');
    expect(await transitions(id)).toEqual([{ events: ['RECEIVED'], dueAt: null }]);
  });

  it("is forwarded at once: the competent agency's desk lists it as awaiting its receipt; another agency's desk does not", async () => {
    const awaiting = (username: string) => w.ok(username, Q.dossiers, { filter: { awaitingCompetentReceipt: true } });
    expect((await awaiting('tiepnhan')).dossiers.nodes.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await awaiting('tiepnhanxa')).dossiers.nodes.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await awaiting('tiepnhanxd')).dossiers.totalCount).toBe(0);
  });

  it('may not be processed before the competent agency received it (nothing written)', async () => {
    w.at(utc('2026-03-07T09:00:00'));
    const error = await expectRefusedWithoutWrites(w.t, 'INVALID_TRANSITION', 'forward early', () => w.gql('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } }));
    expect(error.extensions.details.allowed).toEqual(['RECEIVE_AT_COMPETENT_AGENCY', 'WITHDRAW']);
  });

  it.each([
    ['the lodging desk', 'tiepnhanxa'],
    ["another agency's desk", 'tiepnhanxd'],
    ['a handling officer of the competent agency', 'chuyenvien'],
    ['the agency leader', 'giamdoc'],
    ['a citizen', 'congdan'],
  ])('only the competent agency’s reception receives it: %s is refused (nothing written)', async (label, username) => {
    await expectRefusedWithoutWrites(w.t, 'FORBIDDEN', label, () => w.gql(username, Q.receiveAtCompetentAgency, { input: { id } }));
  });

  it('Monday 09:00 the competent agency receives it: the clock counts from now, due Thursday 12/03 09:00; the portal hears NgayCoQuanNhan', async () => {
    w.at(utc('2026-03-09T09:00:00'));
    const received = (await w.ok('tiepnhan', Q.receiveAtCompetentAgency, { input: { id } })).receiveAtCompetentAgency;
    expect(received).toMatchObject({
      code: `${COMMUNE}-260306-0001`, state: 'RECEIVED', nationalStatus: 2, boundaryFree: true, receivedAt: '2026-03-06T15:30:00+07:00',
      competentReceivedAt: '2026-03-09T09:00:00+07:00', dueAt: '2026-03-12T09:00:00+07:00', originalDueAt: '2026-03-12T09:00:00+07:00',
      allowedActions: ['FORWARD', 'WITHDRAW'],
    });
    expect(received.processInstanceId).toBeTruthy();
    expect(received.openTaskId).toBeTruthy();
    expect(received.ledgerExplanation.at(-1)).toBe('Hạn giải quyết: 09:00 thứ Năm 12/03/2026.');
    expect(received.timeline.map((l: { nationalStatus: number; content: string }) => [l.nationalStatus, l.content])).toEqual([
      [2, 'Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính; chuyển cơ quan có thẩm quyền'], [2, 'Cơ quan có thẩm quyền tiếp nhận hồ sơ'],
    ]);
    expect(await portalPayload(id)).toMatchObject({
      TrangThaiHoSo: 2, NgayTiepNhan: '20260306153000', NgayCoQuanNhan: '20260309090000', NgayHenTra: '20260312090000',
    });
    expect(await transitions(id)).toEqual([
      { events: ['RECEIVED'], dueAt: null },
      { events: ['COMPETENT_AGENCY_RECEIVED'], dueAt: '2026-03-12T02:00:00.000Z' },
    ]);
    expect((await w.ok('tiepnhan', Q.dossiers, { filter: { awaitingCompetentReceipt: true } })).dossiers.totalCount).toBe(0);
  });

  it('is received only once, and an ordinary dossier never (INVALID_TRANSITION, nothing written)', async () => {
    await expectRefusedWithoutWrites(w.t, 'INVALID_TRANSITION', 'twice', () => w.gql('tiepnhan', Q.receiveAtCompetentAgency, { input: { id } }));
    const ordinary = (await w.ok('tiepnhan', Q.receive, { input: deskDossier(PROCEDURE_CODE) })).receiveDossier;
    expect(ordinary).toMatchObject({ boundaryFree: false, unitId: w.agency(DESK), competentUnitId: w.agency(DESK), dueAt: '2026-03-12T09:00:00+07:00' });
    const error = await expectRefusedWithoutWrites(w.t, 'INVALID_TRANSITION', 'ordinary', () => w.gql('tiepnhan', Q.receiveAtCompetentAgency, { input: { id: ordinary.id } }));
    expect(error.extensions.details.allowed).toEqual(['FORWARD', 'WITHDRAW']);
  });

  it('then it is processed as usual: the handling officer forwards it (4)', async () => {
    w.at(utc('2026-03-09T10:00:00'));
    expect((await w.ok('chuyenvien', Q.step, { input: { id, action: 'FORWARD' } })).actOnDossierStep).toMatchObject({ state: 'PROCESSING', nationalStatus: 4 });
  });
});
