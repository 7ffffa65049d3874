import { AppError } from '@motcua/kernel/contract';
import { VIETNAM_TIME_ZONE, vietnamParts } from '../shared/vietnam-time.js';

/** The zone whose calendar day the code's `YYMMDD` and the daily counter use. */
export const CODE_TIME_ZONE = VIETNAM_TIME_ZONE;

/** Digits of the daily sequence in codes we generate (Circular 01/2018 Art. 19: `XXXX`). */
export const SEQUENCE_DIGITS = 4;

/** Any code we accept from elsewhere (ministry portals use 6–7 digit sequences; the prefix is opaque). */
export const FOREIGN_CODE_PATTERN = /^([^-]+)-(\d{6})-(\d{4,7})$/;

/** A receiving unit's identifier: opaque, but it must not contain `-` (the code's separator) or spaces. */
const UNIT_CODE_PATTERN = /^[^-\s]+$/;

/** The parts of a dossier code. */
export interface DossierCodeParts {
  /** The receiving unit's identifier (QCVN 102:2016 form, e.g. `000.00.06.H56`). */
  unitCode: string;
  /** Receipt date as printed: `YYMMDD`. */
  yymmdd: string;
  sequence: number;
}

/**
 * The calendar day (`YYYY-MM-DD`) of an instant in Asia/Ho_Chi_Minh.
 *
 * @example localDay(new Date('2026-03-01T17:30:00Z')) // → '2026-03-02' (00:30 in Hà Nội)
 */
export function localDay(instant: Date): string {
  const { year, month, day } = vietnamParts(instant);
  return `${year}-${month}-${day}`;
}

/** Throws BAD_USER_INPUT unless `unitCode` can prefix a dossier code. */
export function assertUnitCode(unitCode: string): void {
  if (!UNIT_CODE_PATTERN.test(unitCode)) {
    throw AppError.badInput('unitCode', { vi: `Mã đơn vị tiếp nhận "${unitCode}" không hợp lệ (không được chứa "-" hoặc khoảng trắng)`, en: `Receiving unit code "${unitCode}" is invalid (no "-" or spaces)` });
  }
}

/**
 * Builds our own code `[unit]-YYMMDD-XXXX` for the day `day` (`YYYY-MM-DD`).
 *
 * @example formatDossierCode('000.00.06.H56', '2023-10-27', 361) // → '000.00.06.H56-231027-0361'
 */
export function formatDossierCode(unitCode: string, day: string, sequence: number): string {
  assertUnitCode(unitCode);
  const max = 10 ** SEQUENCE_DIGITS - 1;
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > max) {
    throw AppError.conflict({ vi: `Đơn vị ${unitCode} đã dùng hết ${max} mã hồ sơ của ngày ${day}`, en: `Unit ${unitCode} has used all ${max} dossier codes of ${day}` });
  }
  return `${unitCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/**
 * Parses any dossier code, ours or a foreign one (`^[^-]+-\d{6}-\d{4,7}$`); null when it is not one.
 *
 * @example parseDossierCode('H15.50.05.13-260304-091234') // → { unitCode: 'H15.50.05.13', yymmdd: '260304', sequence: 91234 }
 */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const match = FOREIGN_CODE_PATTERN.exec(code);
  return match ? { unitCode: match[1], yymmdd: match[2], sequence: Number(match[3]) } : null;
}
