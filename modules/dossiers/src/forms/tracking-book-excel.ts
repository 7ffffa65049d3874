import ExcelJS from 'exceljs';
import type { TrackingBookData } from './form-data.js';
import { TRACKING_BOOK_COLUMNS, trackingBookCells } from './render.js';
import { templateFor } from './templates.js';
import { vnDate } from './vietnamese-time.js';

/**
 * The tracking book (Mẫu 07, or 06 under the 2018 set) as an Excel workbook, with the same
 * columns and wording as the PDF.
 *
 * @example const xlsx = await trackingBookWorkbook({ kind: FormKind.TRACKING_BOOK, issuer, from, to, rows });
 */
export async function trackingBookWorkbook(data: TrackingBookData): Promise<Uint8Array> {
  const template = templateFor(data.kind, data.from);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  const sheet = workbook.addWorksheet(`Mẫu ${template.number}`);
  const width = TRACKING_BOOK_COLUMNS.length;
  const banner = (text: string, bold = true) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { bold, size: bold ? 14 : 11, italic: !bold };
    row.getCell(1).alignment = { horizontal: 'center' };
  };
  banner(data.issuer.name.toUpperCase());
  banner(template.title);
  banner(`Từ ngày ${vnDate(data.from)} đến ngày ${vnDate(data.to)} — Mẫu số ${template.number}, Thông tư số ${template.circular}`, false);
  const header = sheet.addRow(TRACKING_BOOK_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  data.rows.forEach((row, i) => sheet.addRow(trackingBookCells(row, i)).alignment = { wrapText: true, vertical: 'top' });
  TRACKING_BOOK_COLUMNS.forEach((column, i) => (sheet.getColumn(i + 1).width = column.width * 6));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
