import { AppError } from '@motcua/kernel/contract';
import { EXCHANGE_FORMAT, type ExchangeDocument, type ExchangeEntry, type ImportRow } from './document.js';

/** The rows of a JSON exchange document (row n = `procedures[n-1]`), or BAD_USER_INPUT when it is not one. */
export function rowsFromJson(text: string): ImportRow[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw AppError.badInput('content', { vi: `tệp JSON không đọc được: ${(error as Error).message}`, en: `the JSON file cannot be read: ${(error as Error).message}` });
  }
  const doc = parsed as Partial<ExchangeDocument>;
  if (!doc || typeof doc !== 'object' || doc.format !== EXCHANGE_FORMAT || !Array.isArray(doc.procedures)) {
    throw AppError.badInput('content', { vi: `tệp phải có "format": "${EXCHANGE_FORMAT}" và danh sách "procedures"`, en: `the file needs "format": "${EXCHANGE_FORMAT}" and a "procedures" list` });
  }
  return doc.procedures.map((raw, i) => ({ rowNumber: i + 1, sheet: null, raw: (raw && typeof raw === 'object' ? raw : { value: raw }) as Record<string, unknown>, problems: [] }));
}

/** The JSON text of an exchange document. */
export function jsonFromEntries(entries: ExchangeEntry[]): string {
  const doc: ExchangeDocument = { format: EXCHANGE_FORMAT, procedures: entries };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
