/**
 * The dossiers list filtered by receipt instant (the tracking book's preview): `receivedFrom`
 * is inclusive, `receivedTo` exclusive, so consecutive months never share a dossier.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { DESK, type DossierWorld, dossierWorld, JUSTICE, PDF_BASE64, PROCEDURE_CODE, Q } from './support/api-app.js';

/** Received at 09:00, 10:00 and 11:00 on Monday 02/03/2026 (Hà Nội). */
const RECEIPTS = { 'Lý Thị Ánh': '2026-03-02T02:00:00Z', 'Ngô Văn Bảo': '2026-03-02T03:00:00Z', 'Đinh Thị Cúc': '2026-03-02T04:00:00Z' };
let w: DossierWorld;

beforeAll(async () => {
  w = await dossierWorld(new FixedClock(new Date('2026-03-02T02:00:00Z')));
  const documents = ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 }));
  for (const [name, at] of Object.entries(RECEIPTS)) {
    w.at(at);
    await w.ok('tiepnhan', Q.receive, { input: { create: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', applicant: { name } }, documents } });
  }
}, 120_000);
afterAll(() => w?.t.close());

describe('dossiers received in a range', () => {
  it.each([
    ['from is inclusive', { receivedFrom: '2026-03-02T10:00:00+07:00' }, ['Ngô Văn Bảo', 'Đinh Thị Cúc']],
    ['to is exclusive', { receivedTo: '2026-03-02T10:00:00+07:00' }, ['Lý Thị Ánh']],
    ['both: the one received at the start only', { receivedFrom: '2026-03-02T10:00:00+07:00', receivedTo: '2026-03-02T11:00:00+07:00' }, ['Ngô Văn Bảo']],
    ['the whole day', { receivedFrom: '2026-03-02T00:00:00+07:00', receivedTo: '2026-03-03T00:00:00+07:00' }, ['Lý Thị Ánh', 'Ngô Văn Bảo', 'Đinh Thị Cúc']],
    ['the next day: none', { receivedFrom: '2026-03-03T00:00:00+07:00' }, []],
  ])('%s', async (_name, range, expected) => {
    const filter = { ...range, unitId: w.agency(DESK), procedureId: w.procedureId };
    const { dossiers } = await w.ok('tiepnhan', Q.dossiers, { filter, first: 50 });
    expect(dossiers.nodes.map((d: { applicantName: string }) => d.applicantName).sort()).toEqual([...expected].sort());
    expect(dossiers.totalCount).toBe(expected.length);
  });
});
