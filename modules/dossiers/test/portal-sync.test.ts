import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { FixedClock, uuid7 } from '@motcua/kernel/contract';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { createDossiersModule, Dossier, ProcessLogLine } from '@motcua/dossiers';
import {
  allocateDossierCode, applyTransition, Channel, DEFAULT_PORTAL_PATHS, DossierAction, DossierState, NATIONAL_STATUS, queuePortalSync,
  RULES_DECREE_118_2025, type ActionInput, type LifecycleContext,
} from '@motcua/dossiers/contract';
import { startPortalContractServer, type PortalContractServer } from './support/portal-contract-server.js';

const T0 = new Date('2026-03-02T02:15:00Z');
const RETRY_BASE_MS = 1_000;

const facts = (now: Date): LifecycleContext => ({
  now, rules: RULES_DECREE_118_2025, dueAt: new Date('2026-03-09T10:00:00Z'), clockStarted: true, boundaryFree: false, apologiesIssued: 0,
  supplementRequests: 0, supplementDeadlinePassed: false, requiredComponentsPresent: true, workflowAtEnd: false, resultSigned: false,
});

async function startApp(portal: PortalContractServer | null, clock: FixedClock): Promise<TestApp> {
  const dossiers = createDossiersModule({ portal: portal && { baseUrl: portal.url, token: portal.token, paths: DEFAULT_PORTAL_PATHS, timeoutMs: 5_000 } });
  return createTestApp({ modules: [kernel, identity, dossiers], demo: false, clock, retryBaseMs: RETRY_BASE_MS });
}

/** Receives a dossier (code, row, first log line, sync queued) in one transaction, as the intake service will. */
async function receive(t: TestApp, clock: FixedClock, withCode = true): Promise<string> {
  const id = uuid7();
  await t.app.orm.em.fork().transactional(async (em) => {
    const now = clock.now();
    const code = withCode ? await allocateDossierCode(em, '000.00.06.H56', now) : null;
    em.create(Dossier, {
      id, code, state: DossierState.RECEIVED, nationalStatus: 2, channel: Channel.ONLINE, unitCode: '000.00.06.H56', agencyCode: '000.00.06.H56',
      procedureCode: '1.000105', procedureName: 'Cấp đổi giấy phép lái xe', applicantName: 'Nguyễn Thị Hồng Ánh', submittedAt: now, receivedAt: now,
      originalDueAt: new Date('2026-03-09T10:00:00Z'), dueAt: new Date('2026-03-09T10:00:00Z'), rulesVersion: RULES_DECREE_118_2025.version,
    });
    const lineId = uuid7();
    em.create(ProcessLogLine, { id: lineId, dossierId: id, at: now, actorName: 'Lê Văn Đức', actorTitle: 'Chuyên viên', unitName: 'Bộ phận Một cửa', content: 'Tiếp nhận hồ sơ', nationalStatus: 2 });
    await queuePortalSync(em, { dossierId: id, logLineId: lineId }, now);
  });
  return id;
}

/** Applies a lifecycle action to the stored dossier and queues its sync, in one transaction. */
async function act(t: TestApp, clock: FixedClock, dossierId: string, action: ActionInput, content: string): Promise<void> {
  await t.app.orm.em.fork().transactional(async (em) => {
    const dossier = await em.findOneOrFail(Dossier, dossierId);
    const outcome = applyTransition(dossier.state as DossierState, action, facts(clock.now()));
    dossier.state = outcome.to;
    dossier.nationalStatus = outcome.nationalStatus.to;
    if ([8, 9].includes(outcome.nationalStatus.to!)) dossier.finishedAt = clock.now();
    const lineId = uuid7();
    em.create(ProcessLogLine, { id: lineId, dossierId, at: clock.now(), actorName: 'Phạm Thu Hà', content, nationalStatus: outcome.nationalStatus.to!, stepStartedAt: clock.now(), stepDueAt: new Date('2026-03-05T10:00:00Z') });
    await queuePortalSync(em, { dossierId, logLineId: lineId }, clock.now());
  });
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
    expect(portal.calls).toEqual([]); // nothing leaves before the job runs (after commit)
    expect(await t.app.jobs.drain()).toBe(1);
    code = (await t.app.orm.em.fork().findOneOrFail(Dossier, dossierId)).code!;
    expect(portal.calls.map((c) => c.path)).toEqual([DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.processLog]);
    expect(portal.dossiers.get(code)).toMatchObject({ TrangThaiHoSo: 2, NgayTiepNhan: '20260302091500', NgayHenTra: '20260309170000', ChuHoSo: 'Nguyễn Thị Hồng Ánh' });
    expect(portal.logs).toEqual([expect.objectContaining({ MaHoSo: code, TrangThai: 2, NoiDungXuLy: 'Tiếp nhận hồ sơ', ThoiDiemXuLy: '20260302091500' })]);
    const em = t.app.orm.em.fork();
    expect((await em.findOneOrFail(Dossier, dossierId)).portalSyncedAt).toEqual(T0);
    expect((await em.find(ProcessLogLine, { dossierId })).map((line) => line.syncedAt)).toEqual([T0]);
    expect((await em.findOneOrFail(Dossier, dossierId)).version).toBe(1); // the sync flag does not bump the officers' version
  });

  it('on "already exists" updates instead, and sends 4 then 5 as they are', async () => {
    clock.advance(3_600_000);
    await act(t, clock, dossierId, { type: DossierAction.FORWARD }, 'Chuyển xử lý');
    await act(t, clock, dossierId, { type: DossierAction.REQUEST_SUPPLEMENT, missing: ['Giấy khám sức khỏe'] }, 'Yêu cầu bổ sung giấy khám sức khỏe');
    expect(await t.app.jobs.drain()).toBe(2);
    expect(portal.calls.slice(2).map((c) => c.path)).toEqual([
      DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.update, DEFAULT_PORTAL_PATHS.processLog,
      DEFAULT_PORTAL_PATHS.create, DEFAULT_PORTAL_PATHS.update, DEFAULT_PORTAL_PATHS.processLog,
    ]);
    expect(portal.dossiers.get(code)!.TrangThaiHoSo).toBe(5);
    expect(portal.logs.map((line) => line.TrangThai)).toEqual([2, 4, 5]);
    expect(portal.logs[2]).toMatchObject({ NgayBatDau: '20260302101500', NgayKetThucTheoQuyDinh: '20260305170000' });
  });

  it('retries when the portal is down, with back-off, until it is delivered', async () => {
    portal.failNext(2);
    await act(t, clock, dossierId, { type: DossierAction.RECEIVE_SUPPLEMENT }, 'Nhận hồ sơ bổ sung');
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
    await act(t, clock, dossierId, { type: DossierAction.STOP_PROCESSING, reasons: ['Không đủ điều kiện'] }, 'Dừng xử lý');
    await t.app.jobs.drain();
    expect(portal.dossiers.get(code)).toMatchObject({ TrangThaiHoSo: NATIONAL_STATUS[DossierState.STOPPED], NgayKetThucXuLy: expect.stringMatching(/^\d{14}$/) });
    expect(portal.logs.at(-1)!.TrangThai).toBe(8);
  });

  it('sent every payload in the documented format', () => expect(portal.problems).toEqual([]));

  it('sends nothing for a dossier without a code, and leaves it unsynced', async () => {
    const before = portal.calls.length;
    const id = await receive(t, clock, false);
    await t.app.jobs.drain();
    expect(portal.calls.length).toBe(before);
    expect((await t.app.orm.em.fork().findOneOrFail(Dossier, id)).portalSyncedAt).toBeNull();
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
