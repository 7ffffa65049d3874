/**
 * The catalog as an Excel workbook (exceljs): one sheet of procedures (one row each) and one
 * sheet per repeated part, linked by the national code. Lists inside a cell are separated by
 * `;`; yes/no cells read `có`/`x` as yes, `không` as no, empty as the default. The header
 * row names the columns (Vietnamese label or key, either is read back).
 * Problems in a part sheet are reported on the procedure's row, naming sheet and row.
 */
import ExcelJS from 'exceljs';
import { AppError } from '@motcua/kernel/contract';
import type { ExchangeEntry, ImportRow } from './document.js';

interface Column {
  key: string;
  header: string;
  width?: number;
}

interface SheetSpec {
  name: string;
  columns: Column[];
}

const col = (key: string, header: string, width = 16): Column => ({ key, header, width });

export const PROCEDURE_SHEET: SheetSpec = {
  name: 'ThuTuc',
  columns: [
    col('code', 'Mã TTHC', 12), col('name', 'Tên thủ tục', 60), col('sectorCode', 'Mã lĩnh vực'), col('levels', 'Cấp thực hiện'),
    col('applicantTypes', 'Đối tượng thực hiện', 30), col('implementingAgencies', 'Cơ quan thực hiện', 40), col('steps', 'Trình tự thực hiện', 60),
    col('conditions', 'Yêu cầu, điều kiện', 40), col('onlineMode', 'Mức độ DVCTT'), col('decisionNumber', 'Số QĐ công bố'), col('decisionDate', 'Ngày QĐ công bố'),
    col('effectiveFrom', 'Ngày có hiệu lực'),
  ],
};
const CHANNEL_SHEET: SheetSpec = {
  name: 'CachThuc',
  columns: [col('code', 'Mã TTHC', 12), col('channel', 'Kênh'), col('limitValue', 'Thời hạn'), col('limitUnit', 'Đơn vị thời hạn'), col('description', 'Mô tả', 40)],
};
const FEE_SHEET: SheetSpec = {
  name: 'PhiLePhi',
  columns: [col('code', 'Mã TTHC', 12), col('channel', 'Kênh'), col('name', 'Tên phí, lệ phí', 40), col('amount', 'Số tiền (đồng)'), col('moment', 'Thời điểm thu'), col('note', 'Ghi chú', 40)],
};
const COMPONENT_SHEET: SheetSpec = {
  name: 'ThanhPhanHoSo',
  columns: [
    col('code', 'Mã TTHC', 12), col('caseCode', 'Mã trường hợp'), col('caseName', 'Tên trường hợp', 30), col('componentCode', 'Mã giấy tờ'),
    col('name', 'Tên giấy tờ', 60), col('originals', 'Bản chính'), col('copies', 'Bản sao'), col('mandatory', 'Bắt buộc'),
    col('fromSharedDatabase', 'Khai thác từ CSDL'), col('templateFile', 'Mẫu đơn, tờ khai', 30),
  ],
};
const FORM_SHEET: SheetSpec = {
  name: 'BieuMau',
  columns: [col('code', 'Mã TTHC', 12), col('caseCode', 'Mã trường hợp'), col('schema', 'JSON Schema', 60), col('uiSchema', 'Gợi ý hiển thị', 40)],
};
const LEGAL_SHEET: SheetSpec = {
  name: 'CanCuPhapLy',
  columns: [col('code', 'Mã TTHC', 12), col('number', 'Số ký hiệu', 20), col('title', 'Trích yếu', 60), col('issuer', 'Cơ quan ban hành', 30), col('issuedOn', 'Ngày ban hành'), col('effectiveOn', 'Ngày hiệu lực')],
};
const RESULT_SHEET: SheetSpec = {
  name: 'KetQua',
  columns: [col('code', 'Mã TTHC', 12), col('name', 'Tên kết quả', 50), col('resultCode', 'Mã kết quả'), col('paper', 'Giấy tờ')],
};

const LIST = '; ';
const splitCell = (text: string) => text.split(';').map((item) => item.trim()).filter(Boolean);
const yes = (value: boolean) => (value ? 'có' : 'không');

/** The cell's text: rich text, hyperlinks, formulas and dates reduced to plain text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, rows: Record<string, unknown>[]): void {
  const sheet = workbook.addWorksheet(spec.name);
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row) => sheet.addRow(row));
}

/** The workbook of an export. */
export async function excelFromEntries(entries: ExchangeEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Motcua';
  addSheet(workbook, PROCEDURE_SHEET, entries.map((e) => ({
    code: e.code, name: e.name, sectorCode: e.sectorCode, levels: e.levels.join(LIST), applicantTypes: e.applicantTypes.join(LIST),
    implementingAgencies: e.implementingAgencies.join(LIST), steps: e.steps, conditions: e.conditions ?? '', onlineMode: e.onlineMode,
    decisionNumber: e.publishingDecision?.number ?? '', decisionDate: e.publishingDecision?.date ?? '', effectiveFrom: e.effectiveFrom ?? '',
  })));
  addSheet(workbook, CHANNEL_SHEET, entries.flatMap((e) => e.channels.map((c) => ({ code: e.code, channel: c.channel, limitValue: c.limit.value, limitUnit: c.limit.unit, description: c.description ?? '' }))));
  addSheet(workbook, FEE_SHEET, entries.flatMap((e) => e.channels.flatMap((c) => c.fees.map((f) => ({ code: e.code, channel: c.channel, name: f.name, amount: f.amount, moment: f.moment, note: f.note ?? '' })))));
  addSheet(workbook, COMPONENT_SHEET, entries.flatMap((e) => e.cases.flatMap((k) => k.components.map((c) => ({
    code: e.code, caseCode: k.code, caseName: k.name, componentCode: c.code, name: c.name, originals: c.originals, copies: c.copies,
    mandatory: yes(c.mandatory), fromSharedDatabase: yes(c.fromSharedDatabase), templateFile: c.templateFile ?? '',
  })))));
  addSheet(workbook, FORM_SHEET, entries.flatMap((e) => e.cases.filter((k) => k.form).map((k) => ({ code: e.code, caseCode: k.code, schema: JSON.stringify(k.form!.schema), uiSchema: JSON.stringify(k.form!.uiSchema) }))));
  addSheet(workbook, LEGAL_SHEET, entries.flatMap((e) => e.legalBasis.map((b) => ({ code: e.code, number: b.number, title: b.title, issuer: b.issuer ?? '', issuedOn: b.issuedOn ?? '', effectiveOn: b.effectiveOn ?? '' }))));
  addSheet(workbook, RESULT_SHEET, entries.flatMap((e) => e.results.map((r) => ({ code: e.code, name: r.name, resultCode: r.code ?? '', paper: yes(r.paper) }))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface SheetRow {
  rowNumber: number;
  values: Record<string, string>;
}

/** Rows of a sheet as objects keyed by column key (headers matched by label or key); [] when the sheet is absent. */
function readSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): SheetRow[] {
  const sheet = workbook.getWorksheet(spec.name);
  if (!sheet) return [];
  const keyAt = new Map<number, string>();
  sheet.getRow(1).eachCell((cell, index) => {
    const text = cellText(cell.value).toLowerCase();
    const column = spec.columns.find((c) => c.header.toLowerCase() === text || c.key.toLowerCase() === text);
    if (column) keyAt.set(index, column.key);
  });
  const rows: SheetRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    keyAt.forEach((key, index) => (values[key] = cellText(row.getCell(index).value)));
    if (Object.values(values).some(Boolean)) rows.push({ rowNumber, values });
  });
  return rows;
}

const truthy = (text: string) => ['x', '1', 'true', 'có', 'co', 'yes'].includes(text.toLowerCase());
/** A yes/no cell; empty means the default. */
const flag = (text: string, fallback: boolean) => (text === '' ? fallback : truthy(text));
const numberOr = (text: string) => (text === '' ? undefined : Number(text));
const dateOr = (text: string) => text || null;

/** Groups part rows by code, remembering where each came from. */
function byCode(rows: SheetRow[]): Map<string, SheetRow[]> {
  const map = new Map<string, SheetRow[]>();
  rows.forEach((row) => map.set(row.values.code, [...(map.get(row.values.code) ?? []), row]));
  return map;
}

function parseJsonCell(text: string, where: string, problems: ImportRow['problems']): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    problems.push({ path: where, vi: 'ô không phải JSON hợp lệ', en: 'the cell is not valid JSON' });
    return undefined;
  }
}

/** Builds one procedure's raw entry from its main row and its part rows. */
function assemble(main: SheetRow, parts: Record<string, SheetRow[]>): ImportRow {
  const v = main.values;
  const problems: ImportRow['problems'] = [];
  const cases = new Map<string, { code: string; name: string; components: unknown[]; form?: unknown }>();
  for (const row of parts.components) {
    const c = row.values;
    const item = cases.get(c.caseCode) ?? { code: c.caseCode, name: c.caseName, components: [] };
    item.components.push({
      code: c.componentCode, name: c.name, originals: numberOr(c.originals), copies: numberOr(c.copies), mandatory: flag(c.mandatory, true),
      fromSharedDatabase: flag(c.fromSharedDatabase, false), templateFile: c.templateFile || null,
    });
    cases.set(c.caseCode, item);
  }
  for (const row of parts.forms) {
    const where = `${FORM_SHEET.name} dòng ${row.rowNumber}`;
    const item = cases.get(row.values.caseCode);
    if (!item) problems.push({ path: where, vi: `không có trường hợp ${row.values.caseCode}`, en: `no case ${row.values.caseCode}` });
    else item.form = { schema: parseJsonCell(row.values.schema, where, problems), uiSchema: parseJsonCell(row.values.uiSchema, where, problems) };
  }
  const raw = {
    code: v.code, name: v.name, sectorCode: v.sectorCode, levels: splitCell(v.levels ?? ''), applicantTypes: splitCell(v.applicantTypes ?? ''),
    implementingAgencies: splitCell(v.implementingAgencies ?? ''), steps: v.steps, conditions: v.conditions || null, onlineMode: v.onlineMode || undefined,
    publishingDecision: v.decisionNumber ? { number: v.decisionNumber, date: dateOr(v.decisionDate) } : null, effectiveFrom: dateOr(v.effectiveFrom),
    channels: parts.channels.map(({ values: c }) => ({
      channel: c.channel, limit: { value: numberOr(c.limitValue), unit: c.limitUnit }, description: c.description || null,
      fees: parts.fees.filter((f) => f.values.channel === c.channel).map(({ values: f }) => ({ name: f.name, amount: numberOr(f.amount), moment: f.moment || undefined, note: f.note || null })),
    })),
    cases: [...cases.values()],
    legalBasis: parts.legal.map(({ values: b }) => ({ number: b.number, title: b.title, issuer: b.issuer || null, issuedOn: dateOr(b.issuedOn), effectiveOn: dateOr(b.effectiveOn) })),
    results: parts.results.map(({ values: r }) => ({ name: r.name, code: r.resultCode || null, paper: flag(r.paper, true) })),
  };
  return { rowNumber: main.rowNumber, sheet: PROCEDURE_SHEET.name, raw, problems };
}

/** The rows of an Excel import (row numbers of the ThuTuc sheet), or BAD_USER_INPUT when the file is not a workbook of this shape. */
export async function rowsFromExcel(data: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw AppError.badInput('content', { vi: `tệp Excel không đọc được: ${(error as Error).message}`, en: `the Excel file cannot be read: ${(error as Error).message}` });
  }
  if (!workbook.getWorksheet(PROCEDURE_SHEET.name)) {
    throw AppError.badInput('content', { vi: `tệp Excel cần trang "${PROCEDURE_SHEET.name}"`, en: `the workbook needs a "${PROCEDURE_SHEET.name}" sheet` });
  }
  const parts = {
    channels: byCode(readSheet(workbook, CHANNEL_SHEET)), fees: byCode(readSheet(workbook, FEE_SHEET)), components: byCode(readSheet(workbook, COMPONENT_SHEET)),
    forms: byCode(readSheet(workbook, FORM_SHEET)), legal: byCode(readSheet(workbook, LEGAL_SHEET)), results: byCode(readSheet(workbook, RESULT_SHEET)),
  };
  const mains = readSheet(workbook, PROCEDURE_SHEET);
  const rows = mains.map((main) => {
    const of = (map: Map<string, SheetRow[]>) => map.get(main.values.code) ?? [];
    return assemble(main, {
      channels: of(parts.channels), fees: of(parts.fees), components: of(parts.components), forms: of(parts.forms), legal: of(parts.legal), results: of(parts.results),
    });
  });
  return [...rows, ...orphans(mains, parts)];
}

const PART_SHEETS = { channels: CHANNEL_SHEET, fees: FEE_SHEET, components: COMPONENT_SHEET, forms: FORM_SHEET, legal: LEGAL_SHEET, results: RESULT_SHEET };

/** Part rows naming a code the ThuTuc sheet lacks: reported as rejected rows of their own sheet, never silently dropped. */
function orphans(mains: SheetRow[], parts: Record<keyof typeof PART_SHEETS, Map<string, SheetRow[]>>): ImportRow[] {
  const known = new Set(mains.map((main) => main.values.code));
  return (Object.keys(PART_SHEETS) as Array<keyof typeof PART_SHEETS>).flatMap((key) =>
    [...parts[key].entries()].filter(([code]) => !known.has(code)).flatMap(([code, rows]) => rows.map((row) => ({
      rowNumber: row.rowNumber, sheet: PART_SHEETS[key].name, raw: { code },
      problems: [{ path: 'code', vi: `không có thủ tục mã "${code}" trong trang ${PROCEDURE_SHEET.name}`, en: `no procedure "${code}" in the ${PROCEDURE_SHEET.name} sheet` }],
    }))));
}
