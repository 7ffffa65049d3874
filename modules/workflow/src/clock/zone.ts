import { AppError } from '@motcua/kernel/contract';

/**
 * Time-zone arithmetic without a date library. Instants are epoch milliseconds; local
 * calendar dates are *day numbers* (days since 1970-01-01, a Thursday), so "the next day"
 * is `day + 1` and weekdays are arithmetic.
 *
 * A zone's UTC offset at an instant comes from `Intl.DateTimeFormat` (the ICU time-zone
 * database bundled with Node), so any IANA zone works, with or without daylight saving.
 * Vietnam has had no DST since 1975 (UTC+7), but the zone stays a parameter of every
 * calendar. Wall time → instant takes the offset at the guessed instant and corrects once
 * (exact except inside a DST gap, where the wall time does not exist and lands just after it).
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A local calendar date as days since 1970-01-01. */
export type DayNumber = number;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * The IANA zone name if the runtime knows it, else BAD_USER_INPUT.
 *
 * @example
 * validTimeZone('Asia/Ho_Chi_Minh'); // 'Asia/Ho_Chi_Minh'
 */
export function validTimeZone(timeZone: string): string {
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    throw AppError.badInput('timezone', { vi: `múi giờ không hợp lệ: ${timeZone}`, en: `unknown time zone: ${timeZone}` });
  }
}

/**
 * The zone's offset from UTC at an instant, in milliseconds.
 *
 * @example
 * offsetAt('Asia/Ho_Chi_Minh', Date.parse('2025-04-24T03:15:00Z')); // 25_200_000 (7 h)
 */
export function offsetAt(timeZone: string, instant: number): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(seconds))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - seconds;
}

/** A wall-clock reading: the local date and the milliseconds since local midnight. */
export interface LocalTime {
  day: DayNumber;
  ms: number;
}

/**
 * The local date and time of an instant.
 *
 * @example
 * toLocal('Asia/Ho_Chi_Minh', Date.parse('2025-04-24T10:15:00+07:00')); // { day: 20202, ms: 36_900_000 }
 */
export function toLocal(timeZone: string, instant: number): LocalTime {
  const local = instant + offsetAt(timeZone, instant);
  const day = Math.floor(local / DAY_MS);
  return { day, ms: local - day * DAY_MS };
}

/**
 * The instant of a wall-clock reading (`ms` may be 24 h, meaning the next midnight).
 *
 * @example
 * fromLocal('Asia/Ho_Chi_Minh', isoDay('2025-04-24'), 7 * HOUR_MS); // Date.parse('2025-04-24T07:00:00+07:00')
 */
export function fromLocal(timeZone: string, day: DayNumber, ms: number): number {
  const local = day * DAY_MS + ms;
  const guess = local - offsetAt(timeZone, local);
  const offset = offsetAt(timeZone, guess);
  return local - offset;
}

/** ISO weekday of a local date (1 = Monday … 7 = Sunday). */
export function weekdayOf(day: DayNumber): IsoWeekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `DD/MM/YYYY`, the way Vietnamese slips print dates. */
export function slipDate(day: DayNumber): string {
  const [year, month, date] = isoDate(day).split('-');
  return `${date}/${month}/${year}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The day number of a `YYYY-MM-DD` date; BAD_USER_INPUT naming `field` for anything else
 * (including dates that do not exist, such as 2025-02-29).
 *
 * @example
 * isoDay('2025-04-26'); // 20204
 */
export function isoDay(text: string, field = 'date'): DayNumber {
  const match = ISO_DATE.exec(text);
  const day = match ? Math.floor(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS) : NaN;
  if (!match || isoDate(day) !== text) {
    throw AppError.badInput(field, { vi: `ngày phải có dạng YYYY-MM-DD và có thật: ${text}`, en: `dates must be real and written YYYY-MM-DD: ${text}` });
  }
  return day;
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const minutes = Math.abs(offsetMs) / MINUTE_MS;
  return `${offsetMs < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * ISO-8601 with the zone's offset, to the second (milliseconds only when there are some).
 *
 * @example
 * isoInstant('Asia/Ho_Chi_Minh', Date.parse('2025-05-05T03:15:00Z')); // '2025-05-05T10:15:00+07:00'
 */
export function isoInstant(timeZone: string, instant: number): string {
  const offset = offsetAt(timeZone, instant);
  const local = new Date(instant + offset).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const fraction = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${fraction}${offsetText(offset)}`;
}
