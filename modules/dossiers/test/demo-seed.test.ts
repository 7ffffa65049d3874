/**
 * The demo works end to end: on the demo data alone (no procedure or process set up by the
 * test), the reception officer receives a direct dossier for a sample procedure of Sở Tư pháp,
 * processed by the workflow module's demo process.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { createTestApp, createTestDatabase, expectOk, type TestApp } from '@motcua/server/testing';
import { PDF_BASE64, Q } from './support/api-app.js';

const JUSTICE = '000.00.10.H56';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: new FixedClock(new Date('2026-03-02T02:00:00Z')) }); // Mon 02/03 09:00 in Hà Nội
});
afterAll(() => t?.close());

describe('demo data', () => {
  it('tiepnhan receives a direct dossier for a demo procedure; the demo process starts and the same-day limit sets the due date', async () => {
    const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
    const justice = agencies.nodes.find((a: { code: string }) => a.code === JUSTICE).id;
    const auth = { token: await t.login('tiepnhan') };
    const received = expectOk(await t.gql(Q.receive, {
      input: {
        create: { procedure: '2.000635', agencyId: justice, caseCode: 'BSTL', channel: 'DIRECT', applicant: { name: 'Nguyễn Thị Hồng Nhung', idNumber: '001190000123' } },
        documents: [{ dossierId: '', componentCode: 'TK-BSTL', fileName: 'to-khai.pdf', contentBase64: PDF_BASE64 }],
      },
    }, auth)).receiveDossier;
    expect(received).toMatchObject({ state: 'RECEIVED', nationalStatus: 2, channel: 'DIRECT', procedureCode: '2.000635', applicantName: 'Nguyễn Thị Hồng Nhung' });
    expect(received.code).toMatch(/^000\.01\.02\.H56-260302-\d{4}$/);
    expect(received.processInstanceId).toBeTruthy();
    // SAME_DAY, received at 09:00 on a working Monday: due the same day.
    expect(received.dueAt.slice(0, 10)).toBe('2026-03-02');
    const components = Object.fromEntries(received.components.map((c: { code: string; present: boolean; fromSharedDatabase: boolean }) => [c.code, c]));
    expect(components['TK-BSTL']).toMatchObject({ present: true, fromSharedDatabase: false });
    expect(components.CCCD).toMatchObject({ fromSharedDatabase: true });
  });
});

const LIST = '{ dossiers(first: 50) { totalCount nodes { code state nationalStatus applicantName result { number signatureCount returnRecipient } } } }';
type Listed = { code: string; state: string; nationalStatus: number; applicantName: string; result: { number: string | null; signatureCount: number; returnRecipient: string | null } };
const seededIn = async (app: TestApp, username: string): Promise<Listed[]> =>
  expectOk(await app.gql(LIST, {}, { token: await app.login(username) })).dossiers.nodes.filter((d: Listed) => d.applicantName !== 'Nguyễn Thị Hồng Nhung');
const statesOf = (dossiers: Listed[]) => dossiers.map((d) => d.state).sort();

describe('demo dossiers', () => {
  it('without signing keys (tests), the seed leaves dossiers received, in processing, waiting for a supplement, and two results waiting for signatures', async () => {
    expect(statesOf(await seededIn(t, 'giamsat'))).toEqual(['AWAITING_OFFICER_SIGNATURE', 'AWAITING_OFFICER_SIGNATURE', 'PROCESSING', 'RECEIVED', 'RECEIVED', 'SUPPLEMENT_REQUESTED']);
  });

  it('the system administrator sees them all in the list (every permission, so every dossier)', async () => {
    expect(statesOf(await seededIn(t, 'admin'))).toEqual(statesOf(await seededIn(t, 'giamsat')));
  });
});

describe('a fresh start with signing keys (the development PKI, as `pnpm start`)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-pki-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const start = () => createTestApp({ clock: new FixedClock(new Date('2026-03-02T02:00:00Z')), databaseUrl: database.url, env: { SIGNING_DEV_PKI: 'true', DATA_DIR: dataDir } });
  beforeAll(async () => {
    database = await createTestDatabase(join(dataDir, 'demo.sqlite'));
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows every stage: received, processing, supplement, a signed result (9) and a returned one (10); a restart changes nothing', async () => {
    const first = await start();
    let before: Listed[];
    try {
      before = await seededIn(first, 'giamsat');
      expect(statesOf(before)).toEqual(['DONE', 'PROCESSING', 'RECEIVED', 'RECEIVED', 'RETURNED', 'SUPPLEMENT_REQUESTED']);
      const done = before.find((d) => d.state === 'DONE')!;
      expect(done).toMatchObject({ nationalStatus: 9, applicantName: 'Hoàng Văn Dũng', result: { number: '01/2026/BSTL-DEMO', signatureCount: 2, returnRecipient: null } });
      const returned = before.find((d) => d.state === 'RETURNED')!;
      expect(returned).toMatchObject({ nationalStatus: 10, applicantName: 'Vũ Thị Mai Anh', result: { signatureCount: 2, returnRecipient: 'Vũ Thị Mai Anh' } });
      expect(first.logs.filter((line) => /demo results/.test(line.msg)).map((line) => line.msg)).toEqual(['demo results signed and returned']);
    } finally {
      await first.app.stop();
    }
    const again = await start();
    try {
      expect(await seededIn(again, 'giamsat')).toEqual(before);
      expect(again.logs.filter((line) => /demo results/.test(line.msg))).toEqual([]); // nothing left to sign or return
    } finally {
      await again.app.stop();
    }
  }, 120_000);
});
