/**
 * Mẫu 06 (control sheet) and Mẫu 07 (tracking book, PDF and Excel) through the API, read back
 * with pdftotext and exceljs, and scoped by the caller's read grants.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '@motcua/kernel/contract';
import { handoverTimeliness } from '../src/api/registers.js';
import { worksheetTexts } from '../src/testing/workbook.js';
import { DESK, type DossierWorld, dossierWorld, expectRefused, JUSTICE, PDF_BASE64, PROCEDURE_CODE, Q } from './support/api-app.js';

const clock = new FixedClock(new Date('2026-03-02T02:00:00Z')); // Mon 02/03 09:00 in Hà Nội
const dir = mkdtempSync(join(tmpdir(), 'registers-'));
let w: DossierWorld;
let id: string;
let code: string;

const CONTROL_SHEET = 'query($id: ID!) { dossierControlSheet(id: $id) { fileName mediaType contentBase64 } }';
const BOOK = 'query($unitId: ID!, $from: DateTime!, $to: DateTime!, $format: RegisterFormat) { trackingBook(unitId: $unitId, from: $from, to: $to, format: $format) { fileName mediaType contentBase64 } }';
const MARCH = { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' };

function pdfText(base64: string): string {
  const file = join(dir, `f-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

beforeAll(async () => {
  w = await dossierWorld(clock);
  const documents = ['TK', 'UQ'].map((componentCode) => ({ dossierId: '', componentCode, fileName: 'a.pdf', contentBase64: PDF_BASE64 }));
  const received = (await w.ok('tiepnhan', Q.receive, {
    input: { create: { procedure: PROCEDURE_CODE, agencyId: w.agency(JUSTICE), caseCode: 'TH1', channel: 'DIRECT', applicant: { name: 'Đặng Thị Ngọc Ánh' } }, documents },
  })).receiveDossier;
  ({ id, code } = received);
  w.at('2026-03-02T03:00:00Z'); // 10:00, the officer hands over after an hour of an 8-hour step
  await w.ok('chuyenvien', Q.step, { input: { id, action: 'FORWARD', comment: 'Đủ điều kiện' } });
}, 120_000);
afterAll(async () => {
  await w?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hand-over timeliness', () => {
  it.each([
    ['2026-03-02T03:00:00Z', '2026-03-03T02:00:00Z', 'EARLY'],
    ['2026-03-03T01:00:00Z', '2026-03-03T02:00:00Z', 'ON_TIME'],
    ['2026-03-03T02:00:00Z', '2026-03-03T02:00:00Z', 'ON_TIME'],
    ['2026-03-03T02:01:00Z', '2026-03-03T02:00:00Z', 'LATE'],
  ])('handed over %s with the step due %s: %s', (at, due, expected) => expect(handoverTimeliness(new Date(at), new Date(due))).toBe(expected));
});

describe('Mẫu 06 control sheet', () => {
  it('the officer downloads it: the code, the applicant with diacritics and the early hand-over', async () => {
    const sheet = (await w.ok('chuyenvien', CONTROL_SHEET, { id })).dossierControlSheet;
    expect(sheet).toMatchObject({ mediaType: 'application/pdf', fileName: `phieu-kiem-soat-${code}.pdf` });
    const text = pdfText(sheet.contentBase64);
    expect(text).toContain(code);
    expect(text).toContain('Đặng Thị Ngọc Ánh');
    expect(text).toContain('Trước hạn');
  });

  it('is refused to a citizen who does not own the dossier', async () => {
    expectRefused(await w.gql('congdan', CONTROL_SHEET, { id }), 'FORBIDDEN');
  });
});

describe('issued forms', () => {
  const FORMS = 'query($id: ID!) { dossier(id: $id) { forms { kind number sha256 } } }';
  const FORM = 'query($id: ID!, $sha256: String!) { dossierForm(id: $id, sha256: $sha256) { fileName mediaType contentBase64 } }';

  it('the desk prints Mẫu 01 as issued at receipt: the code, the applicant and the due date', async () => {
    const { forms } = (await w.ok('tiepnhan', FORMS, { id })).dossier;
    const receipt = forms.find((form: { kind: string }) => form.kind === 'RECEIPT');
    const file = (await w.ok('tiepnhan', FORM, { id, sha256: receipt.sha256 })).dossierForm;
    expect(file).toMatchObject({ mediaType: 'application/pdf', fileName: `mau-01-${code}.pdf` });
    const text = pdfText(file.contentBase64);
    expect(text).toContain(code);
    expect(text).toContain('Đặng Thị Ngọc Ánh');
    expect(text).toContain('05/03/2026'); // DIRECT: 3 working days from Monday 09:00
  });

  it('gives nothing for a hash that is not one of the dossier\'s forms, nor to a stranger', async () => {
    expectRefused(await w.gql('tiepnhan', FORM, { id, sha256: '0'.repeat(64) }), 'NOT_FOUND');
    const { forms } = (await w.ok('tiepnhan', FORMS, { id })).dossier;
    expectRefused(await w.gql('congdan', FORM, { id, sha256: forms[0].sha256 }), 'FORBIDDEN');
  });
});

describe('Mẫu 07 tracking book', () => {
  it('as PDF lists the dossiers the desk received in the period', async () => {
    const book = (await w.ok('tiepnhan', BOOK, { unitId: w.agency(DESK), ...MARCH, format: 'PDF' })).trackingBook;
    expect(book).toMatchObject({ mediaType: 'application/pdf', fileName: 'so-theo-doi-01-03-2026.pdf' });
    const text = pdfText(book.contentBase64);
    expect(text).toContain(code);
    expect(text).toContain('Đặng Thị Ngọc Ánh');
  });

  it('as Excel carries the same rows; another period is empty', async () => {
    const book = (await w.ok('tiepnhan', BOOK, { unitId: w.agency(DESK), ...MARCH, format: 'XLSX' })).trackingBook;
    expect(book.fileName).toBe('so-theo-doi-01-03-2026.xlsx');
    const values = (await worksheetTexts(Buffer.from(book.contentBase64, 'base64'))).flat();
    expect(values).toContain(code);
    expect(values).toContain('Đặng Thị Ngọc Ánh');
    const april = (await w.ok('tiepnhan', BOOK, { unitId: w.agency(DESK), from: '2026-04-01T00:00:00+07:00', to: '2026-05-01T00:00:00+07:00', format: 'XLSX' })).trackingBook;
    const aprilValues = (await worksheetTexts(Buffer.from(april.contentBase64, 'base64'))).flat();
    expect(aprilValues).not.toContain(code);
  });

  it('is refused to a citizen (no read grant) and to an anonymous caller', async () => {
    expectRefused(await w.gql('congdan', BOOK, { unitId: w.agency(DESK), ...MARCH }), 'FORBIDDEN');
    expect((await w.gql(null, BOOK, { unitId: w.agency(DESK), ...MARCH })).errors?.[0].extensions.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
