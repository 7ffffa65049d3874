import { AppError } from '@motcua/kernel/contract';

/** A reporting period: its code and its first and last local days (inclusive). */
export interface Period {
  code: string;
  fromDay: string;
  toDay: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Parses a period code: a year `2026`, a quarter `2026-Q3`, or a month `2026-11`.
 *
 * @example
 * parsePeriod('2026-Q3') // { code: '2026-Q3', fromDay: '2026-07-01', toDay: '2026-09-30' }
 */
export function parsePeriod(code: string): Period {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(code ?? '');
  if (!match) {
    throw AppError.badInput('period', { vi: `kỳ "${code}" không hợp lệ (năm 2026, quý 2026-Q3 hoặc tháng 2026-11)`, en: `invalid period "${code}" (a year 2026, a quarter 2026-Q3 or a month 2026-11)` });
  }
  const year = Number(match[1]);
  const [first, last] = match[2] ? [3 * Number(match[2]) - 2, 3 * Number(match[2])] : match[3] ? [Number(match[3]), Number(match[3])] : [1, 12];
  return { code, fromDay: `${year}-${pad(first)}-01`, toDay: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The quarter containing a local day, e.g. `2025-11-02` → `2025-Q4`. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;
}

/** Validates a local day `YYYY-MM-DD`. */
export function parseDay(field: string, day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day ?? '') || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    throw AppError.badInput(field, { vi: `ngày "${day}" không hợp lệ (YYYY-MM-DD)`, en: `invalid day "${day}" (YYYY-MM-DD)` });
  }
  return day;
}
