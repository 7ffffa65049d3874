/**
 * Import and export of the catalog: idempotent by national code (the same file twice changes
 * nothing), per-row reports with row numbers (a malformed row is rejected while the others go
 * in), dry runs that write nothing, and the Excel workbook round trip.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { SAMPLE_CATALOG_JSON } from '../src/exchange/sample.js';
import { completeContent, expectOk, expectRefusedWithoutWrites, GQL, rowsWrittenBy } from './support.js';

const file = (procedures: unknown[]) => JSON.stringify({ format: 'motcua.catalog/v1', procedures });
const entry = (code: string, name: string, overrides: Record<string, unknown> = {}) => ({ code, effectiveFrom: '2026-01-01', ...completeContent(name), ...overrides });

describe('catalog import and export', () => {
  let t: TestApp;
  let catalogAdmin: string;

  beforeAll(async () => {
    t = await createTestApp();
    catalogAdmin = await t.login('quantrituc');
  });
  afterAll(() => t.close());

  const importFile = async (content: string, options: { format?: string; dryRun?: boolean } = {}) => {
    const input = { format: options.format ?? 'JSON', content, dryRun: options.dryRun ?? false };
    return rowsWrittenBy(t, async () => expectOk(await t.gql(GQL.importCatalog, { input }, { token: catalogAdmin }), 'import').importCatalog);
  };

  it('importing the sample file again (the seed loaded it) changes nothing: every row SKIPPED', async () => {
    const { result, written } = await importFile(SAMPLE_CATALOG_JSON);
    expect(result).toMatchObject({ created: 0, updated: 0, skipped: 31, rejected: 0 });
    expect(written).toEqual({ kernel_audit: 1 });
  });

  it('a malformed row is rejected with its row number while the others go in; the same file again changes nothing', async () => {
    const rows = [
      entry('9.200001', 'Thủ tục nhập một'),
      entry('9.2002', 'Mã sai'),
      entry('9.200003', 'Thủ tục thiếu thành phần', { steps: '', applicantTypes: [] }),
      entry('9.200004', 'Thủ tục lĩnh vực lạ', { sectorCode: 'XYZ', channels: [{ channel: 'FAX', limit: { value: 1, unit: 'WORKING_DAYS' } }] }),
      entry('9.200001', 'Trùng mã ở dòng 1'),
      entry('9.200006', 'Thủ tục nhập hai'),
    ];
    const { result: first, written } = await importFile(file(rows));
    expect(first).toMatchObject({ dryRun: false, created: 2, updated: 0, skipped: 0, rejected: 4 });
    expect(first.rows.map((r: any) => [r.rowNumber, r.code, r.outcome])).toEqual([
      [1, '9.200001', 'CREATED'], [2, '9.2002', 'REJECTED'], [3, '9.200003', 'REJECTED'], [4, '9.200004', 'REJECTED'], [5, '9.200001', 'REJECTED'], [6, '9.200006', 'CREATED'],
    ]);
    expect(first.rows[1].reasonVi).toMatch(/d\.dddddd/);
    expect(first.rows[2].reasonEn).toMatch(/missing: the steps; the applicant types/);
    expect(first.rows[3].reasonEn).toMatch(/sectorCode: sector "XYZ".*channels\[0\]\.channel/);
    expect(first.rows[4].reasonVi).toMatch(/đã có ở dòng 1/);
    expect(written).toEqual({ catalog_procedure: 2, catalog_procedure_version: 2, kernel_audit: 1 });
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '9.200006' }));
    expect(procedure).toMatchObject({ status: 'PUBLISHED', current: { name: 'Thủ tục nhập hai', effectiveFrom: '2026-01-01' } });

    const { result: again, written: writtenAgain } = await importFile(file(rows));
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 2, rejected: 4 });
    expect(writtenAgain).toEqual({ kernel_audit: 1 });
  });

  it('a changed row publishes a new version from its date; the previous version ends that day', async () => {
    const changed = entry('9.200001', 'Thủ tục nhập một (sửa đổi)', { effectiveFrom: '2026-07-01' });
    const { result, written } = await importFile(file([changed]));
    expect(result.rows).toEqual([expect.objectContaining({ rowNumber: 1, outcome: 'UPDATED' })]);
    expect(written).toEqual({ catalog_procedure_version: 1, kernel_audit: 1 });
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '9.200001' }));
    expect(procedure.versions.map((v: any) => [v.number, v.effectiveFrom, v.effectiveTo])).toEqual([[2, '2026-07-01', null], [1, '2026-01-01', '2026-07-01']]);
    const older = entry('9.200001', 'Lùi ngày', { effectiveFrom: '2025-01-01' });
    expect((await importFile(file([older]))).result.rows[0]).toMatchObject({ outcome: 'REJECTED', reasonEn: expect.stringMatching(/precedes/) });
  });

  it('a dry run reports the same outcomes and writes nothing', async () => {
    const rows = [entry('9.200010', 'Thủ tục chạy thử'), entry('9.200001', 'Thủ tục nhập một (sửa đổi lần 2)', { effectiveFrom: '2026-08-01' }), entry('bad', 'x')];
    const { result, written } = await importFile(file(rows), { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, created: 1, updated: 1, rejected: 1 });
    expect(written).toEqual({});
  });

  it('refuses a file that is not a catalog document, writing nothing', async () => {
    for (const content of ['{', '{"format":"other","procedures":[]}', '[]']) {
      await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', `import ${content}`, () => t.gql(GQL.importCatalog, { input: { format: 'JSON', content, dryRun: false } }, { token: catalogAdmin }));
    }
    await expectRefusedWithoutWrites(t, 'BAD_USER_INPUT', 'not a workbook', () => t.gql(GQL.importCatalog, { input: { format: 'EXCEL', content: Buffer.from('not xlsx').toString('base64'), dryRun: false } }, { token: catalogAdmin }));
  });

  it('exports JSON that imports back as all SKIPPED', async () => {
    const { exportCatalog } = expectOk(await t.gql(GQL.exportCatalog, { input: { format: 'JSON', sectorCode: 'TP-HOTICH' } }));
    expect(exportCatalog.fileName).toMatch(/^danh-muc-tthc-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exportCatalog.count).toBe(11); // 9 sample procedures + 2 imported above
    const { result } = await importFile(exportCatalog.content);
    expect(result).toMatchObject({ created: 0, updated: 0, skipped: 11, rejected: 0 });
  });

  it('the Excel workbook round-trips, and a bad row in it is reported with its sheet row number', async () => {
    const { exportCatalog } = expectOk(await t.gql(GQL.exportCatalog, { input: { format: 'EXCEL' } }));
    expect(exportCatalog.count).toBe(33);
    const again = await importFile(exportCatalog.content, { format: 'EXCEL' });
    expect(again.result).toMatchObject({ created: 0, updated: 0, skipped: 33, rejected: 0 });
    expect(again.written).toEqual({ kernel_audit: 1 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exportCatalog.content, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ThuTuc')!;
    const badCode = String(sheet.getRow(3).getCell(1).value);
    sheet.getRow(3).getCell(3).value = 'KHONG-CO'; // row 3 of the sheet: an unknown sector
    sheet.addRow(['9.300001', 'Thủ tục thêm từ Excel', 'TP-HOTICH', 'XA', 'Công dân Việt Nam', 'Ủy ban nhân dân cấp xã', 'Nộp và nhận kết quả', '', 'NONE', '', '', '2026-03-01']);
    workbook.getWorksheet('CachThuc')!.addRow(['9.300001', 'DIRECT', 2, 'WORKING_DAYS', '']);
    workbook.getWorksheet('ThanhPhanHoSo')!.addRow(['9.300001', 'TH1', 'Trường hợp chung', 'DON', 'Đơn đề nghị', 1, 0, 'x', '', '']);
    workbook.getWorksheet('KetQua')!.addRow(['9.300001', 'Văn bản trả lời', '', 'x']);
    workbook.getWorksheet('PhiLePhi')!.addRow(['9.399999', 'DIRECT', 'Phí của thủ tục không có', 1000, 'AT_SUBMISSION', '']); // orphan part row
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const { result } = await importFile(edited, { format: 'EXCEL' });
    expect(result).toMatchObject({ created: 1, rejected: 2, skipped: 32 });
    const rejected = result.rows.filter((r: any) => r.outcome === 'REJECTED');
    expect(rejected[0]).toMatchObject({ rowNumber: 3, sheet: 'ThuTuc', code: badCode, reasonEn: expect.stringMatching(/sector "KHONG-CO"/) });
    expect(rejected[1]).toMatchObject({ sheet: 'PhiLePhi', code: '9.399999', reasonEn: expect.stringMatching(/no procedure "9.399999" in the ThuTuc sheet/) });
    const { procedure } = expectOk(await t.gql(GQL.procedure, { code: '9.300001' }));
    expect(procedure.current).toMatchObject({ channels: [{ channel: 'DIRECT', limit: { value: 2, unit: 'WORKING_DAYS' } }], cases: [{ code: 'TH1', components: [expect.objectContaining({ code: 'DON', mandatory: true })] }] });
  });
});
