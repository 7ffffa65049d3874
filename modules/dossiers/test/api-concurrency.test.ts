/**
 * Acceptance 4: 200 concurrent receptions of new desk dossiers at one unit through GraphQL
 * give 200 distinct, consecutive codes (SQLite here; PostgreSQL with TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { DESK, type DossierWorld, dossierWorld, JUSTICE, PDF_BASE64, PROCEDURE_CODE } from './support/api-app.js';

const clock = new FixedClock(new Date('2026-03-02T02:00:00Z')); // Mon 02/03 09:00 in Hà Nội
let w: DossierWorld;

beforeAll(async () => {
  w = await dossierWorld(clock);
}, 120_000);
afterAll(() => w?.t.close());

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code state dueAt } }`;

it('200 concurrent receptions at one desk get 200 distinct consecutive codes', async () => {
  const { token } = await w.token('tiepnhan');
  const documents = ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: `${componentCode}.pdf`, contentBase64: PDF_BASE64, digitised: true }));
  const input = (n: number) => ({
    create: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', applicant: { name: `Người nộp số ${n}` } },
    documents,
  });
  const results = await Promise.all(Array.from({ length: 200 }, (_, n) => w.t.gql(RECEIVE, { input: input(n) }, { token })));
  const failures = results.filter((r) => r.errors);
  expect(failures.map((r) => r.errors![0].message)).toEqual([]);
  const codes = results.map((r) => r.data.receiveDossier.code as string).sort();
  expect(new Set(codes).size).toBe(200);
  // The demo seed received six dossiers at this desk the same day: the counter goes on from 0007.
  expect(codes).toEqual(Array.from({ length: 200 }, (_, i) => `${DESK}-260302-${String(i + 7).padStart(4, '0')}`));
  // DIRECT: 3 working days from Monday 09:00 → Thursday 05/03 09:00.
  expect(new Set(results.map((r) => r.data.receiveDossier.dueAt))).toEqual(new Set(['2026-03-05T09:00:00+07:00']));
}, 300_000);
