/** The calendar zone of every date a dossier shows: codes, forms, the national portal. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** Zero-padded wall-clock fields of an instant in Vietnam. */
export interface VietnamParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

/**
 * The wall-clock fields of an instant in Asia/Ho_Chi_Minh.
 *
 * @example vietnamParts(new Date('2025-12-31T17:00:00Z')) // { year: '2026', month: '01', day: '01', hour: '00', … }
 */
export function vietnamParts(at: Date): VietnamParts {
  return Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value])) as unknown as VietnamParts;
}
