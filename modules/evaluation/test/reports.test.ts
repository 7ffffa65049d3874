/**
 * Excel exports: the workbook opens with exceljs and lists exactly the scorecards the caller may
 * read; the 766 table needs a computed index.
 */
import ExcelJS from 'exceljs';
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, type EvaluationApp, expectOk, expectRefused, feed, startEvaluationApp } from './support.js';

const EXPORT = 'query($input: EvaluationReportInput!) { evaluationReportXlsx(input: $input) { fileName contentBase64 } }';

async function rowsOf(base64: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('Excel exports', () => {
  let app: EvaluationApp;
  let officer: string;

  beforeAll(async () => {
    app = await startEvaluationApp();
    officer = await app.user('chuyenvien');
    const base = { agencyId: app.agency.justice, unitId: app.agency.justiceCivil, officerId: officer, procedureId: uuid7() };
    await feed(app.t, app.clock, [
      ...dossier(base, { kind: 'STEP_COMPLETED', stepCode: 'A', timeliness: 'EARLY', occurredAt: '2026-10-05T09:00:00+07:00' }),
      ...dossier({ ...base, unitId: app.agency.justiceSupport, officerId: null }, { kind: 'STEP_COMPLETED', stepCode: 'A', timeliness: 'LATE', occurredAt: '2026-10-06T09:00:00+07:00' }),
    ]);
  });
  afterAll(() => app?.t.close());

  it('the agency leader exports every unit scorecard of the period, best first', async () => {
    const token = await app.t.login('giamdoc');
    const file = expectOk(await app.t.gql(EXPORT, { input: { report: 'SCORECARDS', period: '2026-Q4', kind: 'UNIT' } }, { token })).evaluationReportXlsx;
    expect(file.fileName).toBe('bang-diem-unit-2026-Q4.xlsx');
    const rows = await rowsOf(file.contentBase64);
    expect(rows[0][0]).toBe('Mã đối tượng / Subject id');
    expect(rows.slice(1).map((row) => [row[0], row[1], row[4]])).toEqual([[app.agency.justiceCivil, 1, 0], [app.agency.justiceSupport, 1, 1]]);
  });

  it('an officer exports only their own row; the 766 table of an uncomputed period is not found', async () => {
    const token = await app.t.login('chuyenvien');
    const file = expectOk(await app.t.gql(EXPORT, { input: { report: 'SCORECARDS', period: '2026-Q4', kind: 'OFFICER' } }, { token })).evaluationReportXlsx;
    expect((await rowsOf(file.contentBase64)).slice(1).map((row) => row[0])).toEqual([officer]);
    const giamsat = await app.t.login('giamsat');
    expectRefused(await app.t.gql(EXPORT, { input: { report: 'SHADOW_INDEX', period: '2026-Q4', agencyId: app.agency.justice } }, { token: giamsat }), 'NOT_FOUND');
    expectRefused(await app.t.gql(EXPORT, { input: { report: 'SCORECARDS', period: '2026-Q4' } }), 'UNAUTHENTICATED');
  });
});
