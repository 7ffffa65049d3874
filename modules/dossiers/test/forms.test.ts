import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { code39Png, FormKind, FormSet, formSetFor, renderForm, templateFor, trackingBookWorkbook, vnDate, vnDateTime } from '@motcua/dossiers/contract';
import { APPLICANT, DUE_2023, DUE_2026, formData, RECEIVED_2023, RECEIVED_2026 } from './form-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-forms-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the PDF and runs a poppler tool on it. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfimages', pdf: Uint8Array, args: string[] = []): string {
  const file = join(dir, `form-${n++}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

const CODE_2023 = '000.00.06.H56-231027-0361';
const CODE_2026 = '000.00.06.H56-260302-0007';

describe('forms: template choice by receipt date (Asia/Ho_Chi_Minh)', () => {
  it.each([
    ['2025-06-30T16:59:59Z', FormSet.TT01_2018], // 23:59:59 on 30 June in Hà Nội
    ['2025-06-30T17:00:00Z', FormSet.TT03_2025], // 00:00 on 1 July
    ['2019-03-01T00:00:00Z', FormSet.TT01_2018],
    ['2026-11-26T00:00:00Z', FormSet.TT03_2025],
  ])('a dossier received at %s uses %s', (instant, set) => expect(formSetFor(new Date(instant)).set).toBe(set));

  it.each([
    [FormKind.RECEIPT, '01', '01'], [FormKind.SUPPLEMENT_REQUEST, '02', '02'], [FormKind.REFUSAL, '03', '03'], [FormKind.APOLOGY, '04', '04'],
    [FormKind.STOP_NOTICE, '03', '05'], [FormKind.CONTROL_SHEET, '05', '06'], [FormKind.TRACKING_BOOK, '06', '07'],
  ])('%s is Mẫu %s under Circular 01/2018 and Mẫu %s under Circular 03/2025', (kind, old, current) => {
    expect(templateFor(kind, RECEIVED_2023).number).toBe(old);
    expect(templateFor(kind, RECEIVED_2026).number).toBe(current);
  });
});

const KINDS = Object.values(FormKind);

describe.each([
  ['Circular 03/2025', RECEIVED_2026, DUE_2026, CODE_2026, '03/2025/TT-VPCP'],
  ['Circular 01/2018', RECEIVED_2023, DUE_2023, CODE_2023, '01/2018/TT-VPCP'],
])('forms as PDFs: %s', (_label, receivedAt, dueAt, code, circular) => {
  it.each(KINDS)('%s: pdftotext finds the code, the applicant with diacritics, the dates, the form number and title', async (kind) => {
    const { pdf, template } = await renderForm(formData(kind, receivedAt, dueAt, code));
    const text = poppler('pdftotext', pdf, ['-layout', '-enc', 'UTF-8']).normalize('NFC');
    expect(text).toContain(code);
    expect(text).toContain(APPLICANT.name);
    expect(text).toContain(`Mẫu số ${template.number}`);
    expect(text).toContain(circular);
    expect(text.replace(/\s+/g, ' ')).toContain(template.title);
    if (kind !== FormKind.SUPPLEMENT_REQUEST && kind !== FormKind.REFUSAL && kind !== FormKind.STOP_NOTICE) expect(text).toContain(vnDate(dueAt));
  });

  it('Mẫu 01 prints the receipt and due times as the slip words them, with a barcode and a QR code', async () => {
    const { pdf } = await renderForm(formData(FormKind.RECEIPT, receivedAt, dueAt, code));
    const text = poppler('pdftotext', pdf, ['-enc', 'UTF-8']).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain(`4. Thời gian nhận hồ sơ: ${vnDateTime(receivedAt)}`);
    expect(text).toContain(`Thời gian trả kết quả giải quyết hồ sơ: Sau ${vnDateTime(dueAt)}`);
    const images = poppler('pdfimages', pdf, ['-list']).trim().split('\n').slice(2).filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line));
    expect(images).toHaveLength(2); // Code 39 barcode + QR code
  });

  it('embeds its fonts (subsets)', async () => {
    const { pdf } = await renderForm(formData(FormKind.APOLOGY, receivedAt, dueAt, code));
    const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/DejaVuSerif.*\byes\s+(yes|no)\s+yes\b/); // embedded, Unicode map
  });
});

describe('forms: wording that changed between the sets', () => {
  it('the 2018 apology sets a new appointment; the 2025 one asks to extend', async () => {
    const old = poppler('pdftotext', (await renderForm(formData(FormKind.APOLOGY, RECEIVED_2023, DUE_2023, CODE_2023))).pdf).normalize('NFC');
    const current = poppler('pdftotext', (await renderForm(formData(FormKind.APOLOGY, RECEIVED_2026, DUE_2026, CODE_2026))).pdf).normalize('NFC');
    expect(old.replace(/\s+/g, ' ')).toContain('hẹn lại thời gian trả kết quả');
    expect(current.replace(/\s+/g, ' ')).toContain('đề nghị gia hạn thời gian giải quyết hồ sơ');
  });

  it('the control sheet classes each hand-over early, on time or late', async () => {
    const text = poppler('pdftotext', (await renderForm(formData(FormKind.CONTROL_SHEET, RECEIVED_2026, DUE_2026, CODE_2026))).pdf).normalize('NFC');
    expect(text).toContain('Trước hạn');
    expect(text).toContain('Quá hạn');
  });

  it('a long tracking book flows onto more pages', async () => {
    const data = formData(FormKind.TRACKING_BOOK, RECEIVED_2026, DUE_2026, CODE_2026);
    if (data.kind !== FormKind.TRACKING_BOOK) throw new Error('fixture');
    const rows = Array.from({ length: 60 }, (_, i) => ({ ...data.rows[0], dossierCode: `000.00.06.H56-260302-${String(i + 1).padStart(4, '0')}` }));
    const text = poppler('pdftotext', (await renderForm({ ...data, rows })).pdf);
    expect(text.split('\f').filter((page) => page.trim()).length).toBeGreaterThan(1);
    expect(text).toContain('000.00.06.H56-260302-0060');
  });
});

describe('forms: purity and forms before receipt', () => {
  it('renders the same bytes from the same data', async () => {
    const data = formData(FormKind.RECEIPT, RECEIVED_2026, DUE_2026, CODE_2026);
    expect(Buffer.from((await renderForm(data)).pdf).equals(Buffer.from((await renderForm(data)).pdf))).toBe(true);
  });

  it('a foreign code outside the Code 39 alphabet still gets a barcode', async () => {
    const png = await code39Png('h15.50.05.13-260304-091234');
    expect(Buffer.from(png).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('a refusal at the desk, before any code exists, prints no code', async () => {
    const { dossierCode: _none, ...refusal } = formData(FormKind.REFUSAL, RECEIVED_2026, DUE_2026, CODE_2026) as Extract<ReturnType<typeof formData>, { kind: FormKind.REFUSAL }>;
    const text = poppler('pdftotext', (await renderForm(refusal)).pdf).normalize('NFC');
    expect(text).not.toContain('Mã hồ sơ');
    expect(text).toContain('Không thuộc thẩm quyền giải quyết của cơ quan');
    expect(text).toContain(APPLICANT.name);
  });
});

describe('forms: tracking book as Excel', () => {
  it('has the title, the form number and one row per dossier with Vietnamese text intact', async () => {
    const xlsx = await trackingBookWorkbook(formData(FormKind.TRACKING_BOOK, RECEIVED_2026, DUE_2026, CODE_2026) as never);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Mẫu 07');
    expect(sheet.getCell('A2').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getRow(4).getCell(2).value).toBe('Mã hồ sơ');
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining([CODE_2026, APPLICANT.name, vnDateTime(RECEIVED_2026), vnDateTime(DUE_2026)]));
  });
});
