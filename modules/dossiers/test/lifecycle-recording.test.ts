import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import type { TestApp } from '@motcua/server/testing';
import { Dossier, ProcessLogLine } from '@motcua/dossiers';
import { DossierAction, DossierEventName, DossierState, milestonesAfter, ReturnMethod, vnDateTime } from '@motcua/dossiers/contract';
import { act, DUE, newDossier, startDossierApp } from './support/dossier-app.js';
import { startSmtp, type TestSmtpServer } from './support/smtp.js';

const T0 = new Date('2026-03-02T02:15:00Z');
const HOUR = 3_600_000;

describe('recording transitions: dossier row, process log, outbox event, applicant notified', () => {
  const clock = new FixedClock(T0);
  let smtp: TestSmtpServer;
  let t: TestApp;
  let id: string;
  const load = () => t.app.orm.em.fork().findOneOrFail(Dossier, id);
  const events = async () => (await t.app.orm.em.fork().execute<Array<{ payload: unknown }>>("select payload from kernel_outbox where type = 'dossiers.Transitioned' order by id"))
    .map((row) => (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload));
  const deliver = async () => {
    await t.app.dispatcher.drain();
    return smtp.mails;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startDossierApp(clock, {
      notifications: { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Motcua <motcua@example.vn>' }, shortMessages: [], trackingUrl: (code) => `https://motcua.example.vn/tra-cuu?ma=${code}` },
    });
    id = await newDossier(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('receipt: code, national 2, receipt time, due date kept as the original; the applicant gets the receipt mail', async () => {
    await act(t, clock, id, { type: DossierAction.RECEIVE }, { content: 'Tiếp nhận hồ sơ', dueAt: DUE });
    const dossier = await load();
    expect(dossier).toMatchObject({ code: '000.00.06.H56-260302-0001', state: DossierState.RECEIVED, nationalStatus: 2, receivedAt: T0, originalDueAt: DUE, dueAt: DUE, finishedAt: null });
    expect(await events()).toEqual([expect.objectContaining({ dossierId: id, transition: 'T3', events: [DossierEventName.RECEIVED], nationalStatus: { from: null, to: 2 }, clock: 'START', forms: ['RECEIPT', 'TRACKING_BOOK'] })]);
    const [mail] = await deliver();
    expect(mail.subject).toBe('Đã tiếp nhận hồ sơ 000.00.06.H56-260302-0001');
    expect(mail.text).toContain(`Thời gian hẹn trả kết quả: ${vnDateTime(DUE)}`);
    expect(mail.text).toContain('https://motcua.example.vn/tra-cuu?ma=000.00.06.H56-260302-0001');
  });

  it('forwarding tells the applicant nothing; a supplement request lists what is missing', async () => {
    clock.advance(HOUR);
    await act(t, clock, id, { type: DossierAction.FORWARD }, { content: 'Chuyển phòng chuyên môn' });
    clock.advance(HOUR);
    await act(t, clock, id, { type: DossierAction.REQUEST_SUPPLEMENT, missing: ['Giấy khám sức khỏe còn hạn'] }, { content: 'Yêu cầu bổ sung', details: { missing: ['Giấy khám sức khỏe còn hạn'] } });
    const mails = await deliver();
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe('Yêu cầu bổ sung, hoàn thiện hồ sơ 000.00.06.H56-260302-0001');
    expect(mails[1].text).toContain('1. Giấy khám sức khỏe còn hạn');
    expect((await load()).nationalStatus).toBe(5);
  });

  it('a supplement received moves the due date; the original stays on the slip', async () => {
    clock.advance(24 * HOUR);
    const shifted = new Date(DUE.getTime() + 24 * HOUR);
    await act(t, clock, id, { type: DossierAction.RECEIVE_SUPPLEMENT }, { content: 'Nhận bổ sung', dueAt: shifted });
    expect(await load()).toMatchObject({ state: DossierState.PROCESSING, nationalStatus: 4, originalDueAt: DUE, dueAt: shifted });
  });

  it('an apology tells the applicant the new due date', async () => {
    clock.advance(HOUR);
    const newDueAt = new Date(DUE.getTime() + 72 * HOUR);
    await act(t, clock, id, { type: DossierAction.ISSUE_APOLOGY, reason: 'Cần xác minh', newDueAt }, { content: 'Xin lỗi, hẹn lại', dueAt: newDueAt, details: { reason: 'Cần xác minh với Công an tỉnh' } });
    const mails = await deliver();
    expect(mails.at(-1)!.subject).toBe('Thư xin lỗi về việc chậm giải quyết hồ sơ 000.00.06.H56-260302-0001');
    expect(mails.at(-1)!.text).toContain(`Thời gian hẹn trả kết quả mới: ${vnDateTime(newDueAt)}`);
    expect((await load()).originalDueAt).toEqual(DUE);
  });

  it('the agency signature ends processing (9); the return keeps that end and adds the return time (10)', async () => {
    const step = async (...args: Parameters<typeof act> extends [unknown, unknown, unknown, ...infer R] ? R : never) => {
      clock.advance(10 * 60_000); // the log is ordered by time
      await act(t, clock, id, ...args);
    };
    await step({ type: DossierAction.APPROVE_RESULT });
    await step({ type: DossierAction.ASSIGN_RESULT_NUMBER, number: '15/GPLX', signedOn: clock.now() });
    await step({ type: DossierAction.SIGN_AS_OFFICER });
    expect((await load()).nationalStatus).toBe(4);
    await step({ type: DossierAction.SIGN_AS_AGENCY }, { details: { returnPlace: 'Quầy số 5' } });
    const done = clock.now();
    expect(await load()).toMatchObject({ state: DossierState.DONE, nationalStatus: 9, finishedAt: done });
    expect((await deliver()).at(-1)!.text).toContain('Mời ông/bà nhận kết quả tại: Quầy số 5.');
    clock.advance(2 * HOUR);
    await act(t, clock, id, { type: DossierAction.RETURN_RESULT, method: ReturnMethod.AT_DESK, recipient: 'Nguyễn Thị Hồng Ánh' });
    expect(await load()).toMatchObject({ state: DossierState.RETURNED, nationalStatus: 10, finishedAt: done, returnedAt: clock.now() });
    const log = await t.app.orm.em.fork().find(ProcessLogLine, { dossierId: id }, { orderBy: { at: 'asc', id: 'asc' } });
    expect(log.map((line) => line.nationalStatus)).toEqual([2, 4, 5, 4, 4, 4, 4, 4, 9, 10]);
  });

  it('refuses an action the state does not allow and writes nothing', async () => {
    const before = await t.count('dossiers_dossier', 'dossiers_process_log', 'kernel_outbox', 'kernel_job', 'dossiers_code_counter');
    await expect(act(t, clock, id, { type: DossierAction.RECEIVE })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION', details: { state: DossierState.RETURNED, allowed: [DossierAction.EVALUATE] },
      messages: { vi: expect.stringContaining('Không thể chuyển trạng thái'), en: expect.stringContaining('Transition not allowed') },
    });
    expect(await t.count('dossiers_dossier', 'dossiers_process_log', 'kernel_outbox', 'kernel_job', 'dossiers_code_counter')).toEqual(before);
    expect((await load()).state).toBe(DossierState.RETURNED);
  });
});

describe('milestones', () => {
  const none = { receivedAt: null, finishedAt: null, returnedAt: null, refusedAt: null };
  const at = new Date('2026-03-02T02:15:00Z');
  it('a withdrawal before receipt ends no processing; after receipt it does', () => {
    expect(milestonesAfter(none, { nationalStatus: { from: 1, to: 7 } }, at).finishedAt).toBeNull();
    expect(milestonesAfter({ ...none, receivedAt: at }, { nationalStatus: { from: 4, to: 7 } }, at).finishedAt).toEqual(at);
  });
  it('never moves a milestone once set', () => {
    const later = new Date(at.getTime() + 1);
    expect(milestonesAfter({ ...none, receivedAt: at, finishedAt: at }, { nationalStatus: { from: 6, to: 9 } }, later).finishedAt).toEqual(at);
  });
});
