import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import type { TestApp } from '@motcua/server/testing';
import { Dossier, ProcessLogLine } from '@motcua/dossiers';
import { DEFAULT_PORTAL_PATHS, DossierAction, DossierState, NATIONAL_STATUS } from '@motcua/dossiers/contract';
import { act, DUE, newDossier, RETRY_BASE_MS, startDossierApp } from './support/dossier-app.js';
import { startPortalContractServer, type PortalContractServer } from './support/portal-contract-server.js';

const T0 = new Date('2026-03-02T02:15:00Z');

function startApp(portal: PortalContractServer | null, clock: FixedClock): Promise<TestApp> {
  return startDossierApp(clock, { portal: portal && { baseUrl: portal.url, token: portal.token, paths: DEFAULT_PORTAL_PATHS, timeoutMs: 5_000 } });
}

/** A dossier received at the desk now, with its sync queued. */
async function receive(t: TestApp, clock: FixedClock): Promise<string> {
  const id = await newDossier(t);
  await act(t, clock, id, { type: DossierAction.RECEIVE }, { content: 'Tiếp nhận hồ sơ', dueAt: DUE });
  return id;
}

const jobs = (t: TestApp) => t.app.orm.em.fork().execute<Array<{ status: string; attempts: number }>>("select status, attempts from kernel_job where name = 'dossiers.portalSync' order by run_at, id");

describe('national portal sync through the contract server', () => {
  const clock = new FixedClock(T0);
  let portal: PortalContractServer;
  let t: TestApp;
  let dossierId: string;
  let code: string;
  beforeAll(async () => {
    portal = await startPortalContractServer();
    t = await startApp(portal, clock);
  });
  afterAll(async () => {
    await t?.close();
    await portal?.close();
  });

  it('creates the dossier on the portal after receipt and sends the log line', async () => {
    dossierId = await receive(t, clock);
    const versionBefore = (await t.app.orm.em.fork().findOneOrFail(Dossier, dossierId)).version;
    expect(portal.calls).toEqual([]); // nothing leaves before the job runs (after commit)
    expect(await t.app.jobs.drain()).toBe(1);
    code = (await t.app.orm.em.fork().findOneOrFail(Dossier, dossierId)).code!;
    expect(portal.calls.map((c) => c.path)).toEqual([DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.processLog]);
    expect(portal.dossiers.get(code)).toMatchObject({ TrangThaiHoSo: 2, NgayTiepNhan: '20260302091500', NgayHenTra: '20260309170000', ChuHoSo: 'Nguyễn Thị Hồng Ánh' });
    expect(portal.logs).toEqual([expect.objectContaining({ MaHoSo: code, TrangThai: 2, NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: '20260302091500' })]);
    const em = t.app.orm.em.fork();
    expect((await em.findOneOrFail(Dossier, dossierId)).portalSyncedAt).toEqual(T0);
    expect((await em.find(ProcessLogLine, { dossierId })).map((line) => line.syncedAt)).toEqual([T0]);
    expect((await em.findOneOrFail(Dossier, dossierId)).version).toBe(versionBefore); // the sync flag does not bump the officers' version
  });

  it('on "already exists" updates instead, and sends 4 then 5 as they are', async () => {
    clock.advance(3_600_000);
    await act(t, clock, dossierId, { type: DossierAction.FORWARD }, { content: 'Chuyển xử lý' });
    clock.advance(15 * 60_000);
    await act(t, clock, dossierId, { type: DossierAction.REQUEST_SUPPLEMENT, missing: ['Giấy khám sức khỏe'] }, { content: 'Yêu cầu bổ sung giấy khám sức khỏe', stepStartedAt: clock.now(), stepDueAt: new Date('2026-03-05T10:00:00Z') });
    expect(await t.app.jobs.drain()).toBe(2);
    // Whichever job runs first sends the current state and both lines in time order; the other finds nothing left to log.
    expect(portal.calls.slice(2).map((c) => c.path)).toEqual([
      DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.update, DEFAULT_PORTAL_PATHS.processLog, DEFAULT_PORTAL_PATHS.processLog,
      DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.update,
    ]);
    expect(portal.dossiers.get(code)!.TrangThaiHoSo).toBe(5);
    expect(portal.logs.map((line) => line.TrangThai)).toEqual([2, 4, 5]);
    expect(portal.logs[2]).toMatchObject({ NgayBatDau: '20260302103000', NgayKetThucTheoQuyDinh: '20260305170000' });
  });

  it('retries when the portal is down, with back-off, until it is delivered', async () => {
    portal.failNext(2);
    clock.advance(15 * 60_000);
    await act(t, clock, dossierId, { type: DossierAction.RECEIVE_SUPPLEMENT }, { content: 'Nhận hồ sơ bổ sung' });
    expect(await t.app.jobs.drain()).toBe(1);
    expect((await jobs(t)).at(-1)).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(await t.app.jobs.drain()).toBe(0); // waits for its back-off
    clock.advance(10 * RETRY_BASE_MS);
    await t.app.jobs.drain();
    clock.advance(60 * RETRY_BASE_MS);
    await t.app.jobs.drain();
    expect((await jobs(t)).at(-1)).toMatchObject({ status: 'DONE' });
    expect(portal.dossiers.get(code)!.TrangThaiHoSo).toBe(4);
    expect(portal.logs.map((line) => line.TrangThai)).toEqual([2, 4, 5, 4]);
  });

  it('reports a stopped dossier as 8, with its end of processing, never as 9', async () => {
    await act(t, clock, dossierId, { type: DossierAction.STOP_PROCESSING, reasons: ['Không đủ điều kiện'] }, { content: 'Dừng xử lý' });
    await t.app.jobs.drain();
    expect(portal.dossiers.get(code)).toMatchObject({ TrangThaiHoSo: NATIONAL_STATUS[DossierState.STOPPED], NgayKetThucXuLy: expect.stringMatching(/^\d{14}$/) });
    expect(portal.logs.at(-1)!.TrangThai).toBe(8);
  });

  it('sent every payload in the documented format', () => expect(portal.problems).toEqual([]));

  it('queues nothing for a dossier refused before it had a code, whose national status is not reportable without one', async () => {
    const before = portal.calls.length;
    const id = await newDossier(t);
    await act(t, clock, id, { type: DossierAction.REFUSE_AT_RECEPTION, reasons: ['Không thuộc thẩm quyền'] }, { content: 'Từ chối tiếp nhận' });
    await t.app.jobs.drain();
    expect(portal.calls.length).toBe(before);
    expect((await t.app.orm.em.fork().findOneOrFail(Dossier, id))).toMatchObject({ state: DossierState.REFUSED_AT_RECEPTION, nationalStatus: 3, portalSyncedAt: null, refusedAt: clock.now() });
  });
});

describe('national portal sync turned off', () => {
  it('completes the jobs without sending and leaves the lines unsynced', async () => {
    const clock = new FixedClock(T0);
    const t = await startApp(null, clock);
    try {
      const id = await receive(t, clock);
      expect(await t.app.jobs.drain()).toBe(1);
      const em = t.app.orm.em.fork();
      expect((await em.findOneOrFail(Dossier, id)).portalSyncedAt).toBeNull();
      expect((await em.find(ProcessLogLine, { dossierId: id }))[0].syncedAt).toBeNull();
    } finally {
      await t.close();
    }
  });
});
