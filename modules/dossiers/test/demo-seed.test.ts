/**
 * The demo works end to end: on the demo data alone (no procedure or process set up by the
 * test), the reception officer receives a direct dossier for a sample procedure of Sở Tư pháp,
 * processed by the workflow module's demo process.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { createTestApp, expectOk, type TestApp } from '@motcua/server/testing';
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

describe('demo dossiers', () => {
  it('the seed leaves dossiers received, in processing and waiting for a supplement for the officer desk', async () => {
    const auth = { token: await t.login('giamsat') };
    const { dossiers } = expectOk(await t.gql('{ dossiers(first: 50) { nodes { code state nationalStatus applicantName } } }', {}, auth));
    const seeded = dossiers.nodes.filter((d: { applicantName: string }) => d.applicantName !== 'Nguyễn Thị Hồng Nhung');
    expect(seeded.map((d: { state: string }) => d.state).sort()).toEqual(['PROCESSING', 'RECEIVED', 'RECEIVED', 'SUPPLEMENT_REQUESTED']);
  });
});
