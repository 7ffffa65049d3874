/**
 * The catalog exchange document (JSON): what export writes and import reads. One entry per
 * procedure: its national code, the first day in force, and the content fields of
 * `ProcedureContent` (see content.ts).
 *
 * @example
 * { "format": "motcua.catalog/v1",
 *   "procedures": [{ "code": "1.001193", "effectiveFrom": "2025-07-01", "name": "Đăng ký khai sinh", "sectorCode": "TP-HOTICH", … }] }
 */
import type { ProcedureContent } from '../procedures/content.js';

export const EXCHANGE_FORMAT = 'motcua.catalog/v1';

export interface ExchangeEntry extends ProcedureContent {
  code: string;
  effectiveFrom: string | null;
}

export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  procedures: ExchangeEntry[];
}

/** A row to import: where it came from (row number, 1-based; sheet for Excel) and its raw data. */
export interface ImportRow {
  rowNumber: number;
  sheet: string | null;
  raw: Record<string, unknown>;
  /** Problems found while assembling the row (Excel child sheets), reported with it. */
  problems: Array<{ path: string; vi: string; en: string }>;
}
