import { AppError } from '@motcua/kernel/contract';
import { type DayNumber, fromLocal, HOUR_MS, type IsoWeekday, isoDay, MINUTE_MS, validTimeZone, weekdayOf } from './zone.js';

/** The kinds of dated exception a calendar holds (one-stop-domain §6.2). */
export enum CalendarDayKind {
  /** A weekday off by law (Labour Code Art. 112) or a make-up day for a holiday on a weekend. */
  HOLIDAY = 'HOLIDAY',
  /** A weekday swapped off (hoán đổi), paid back by a WORKING_DAY. */
  DAY_OFF = 'DAY_OFF',
  /** A weekend day swapped into a working day, with the standard working periods. */
  WORKING_DAY = 'WORKING_DAY',
}

/** A working period of a day, in minutes since local midnight, half-open: [start, end). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

/** One dated exception as stored and shown. */
export interface CalendarDayEntry {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  kind: CalendarDayKind;
  /** What the day is, e.g. "Giỗ Tổ Hùng Vương (10/3 âm lịch)". */
  note: string | null;
  /** Where the rule comes from, e.g. "Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024". */
  source: string | null;
  /** True when the day comes from the base calendar rather than this one. */
  inherited: boolean;
}

/**
 * Everything the clock needs to know about one version of a calendar, frozen: deadlines
 * computed with it stay reproducible after the calendar changes.
 */
export interface CalendarSnapshot {
  calendarId: string | null;
  /** Human code for explanations, e.g. `VN-GOV`. */
  code: string;
  version: number;
  timezone: string;
  /** The standard working periods, on every weekday that is not a weekend day and on WORKING_DAY exceptions. */
  workingPeriods: readonly WorkingPeriod[];
  weekendDays: readonly IsoWeekday[];
  /** Length of a standard working day (the sum of the periods): 480 minutes by default. */
  standardDayMinutes: number;
  exceptions: ReadonlyMap<DayNumber, CalendarDayEntry>;
}

const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';
/** Decree 118 practice and the Thanh Hóa implementation: 07:00–11:30 and 13:30–17:00 (8 h). */
const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [{ start: 7 * 60, end: 11 * 60 + 30 }, { start: 13 * 60 + 30, end: 17 * 60 }];
/** Saturday and Sunday (civil-service 40-hour week). */
const DEFAULT_WEEKEND: readonly IsoWeekday[] = [6, 7];

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/**
 * Minutes since midnight of an `HH:MM` time (`24:00` allowed as an end).
 *
 * @example
 * parseClockTime('13:30'); // 810
 */
export function parseClockTime(text: string, field = 'workingPeriods'): number {
  if (!CLOCK_TIME.test(text)) {
    throw AppError.badInput(field, { vi: `giờ phải có dạng HH:MM từ 00:00 đến 24:00: ${text}`, en: `times must be HH:MM between 00:00 and 24:00: ${text}` });
  }
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

/** `HH:MM` of minutes since midnight. */
export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Parses and checks working periods: at least one, each starting before it ends, in order,
 * not overlapping.
 *
 * @example
 * parseWorkingPeriods([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]);
 */
export function parseWorkingPeriods(periods: ReadonlyArray<{ start: string; end: string }>): WorkingPeriod[] {
  const parsed = periods.map((p) => ({ start: parseClockTime(p.start), end: parseClockTime(p.end) }));
  const bad = (vi: string, en: string) => AppError.badInput('workingPeriods', { vi, en });
  if (!parsed.length) throw bad('cần ít nhất một khoảng giờ làm việc', 'at least one working period is needed');
  parsed.forEach((period, i) => {
    if (period.start >= period.end) throw bad(`khoảng ${i + 1} phải bắt đầu trước khi kết thúc`, `period ${i + 1} must start before it ends`);
    if (i > 0 && period.start < parsed[i - 1].end) {
      throw bad(`các khoảng giờ phải theo thứ tự và không chồng nhau (khoảng ${i + 1})`, `periods must be in order and must not overlap (period ${i + 1})`);
    }
  });
  return parsed;
}

/** Checks weekend days: ISO weekdays, no duplicates, not the whole week. Returns them sorted. */
export function validWeekendDays(days: readonly number[]): IsoWeekday[] {
  const unique = [...new Set(days)].sort();
  if (unique.some((d) => !Number.isInteger(d) || d < 1 || d > 7) || unique.length === 7) {
    throw AppError.badInput('weekendDays', { vi: 'ngày nghỉ cuối tuần phải là thứ trong tuần, không thể nghỉ cả tuần', en: 'weekend days must be weekdays, and not all seven' });
  }
  return unique as IsoWeekday[];
}

/** What a calendar version stores: the rules, without ids. */
export interface CalendarRules {
  timezone: string;
  workingPeriods: readonly WorkingPeriod[];
  weekendDays: readonly IsoWeekday[];
  days: readonly CalendarDayEntry[];
}

/**
 * Builds a snapshot from a calendar's rules, checking them.
 *
 * @example
 * const calendar = calendarSnapshot({ code: 'VN-GOV', version: 1 }, { ...DEFAULT_RULES, days: NATIONAL_DAYS });
 */
export function calendarSnapshot(identity: { calendarId?: string | null; code: string; version: number }, rules: CalendarRules): CalendarSnapshot {
  const exceptions = new Map<DayNumber, CalendarDayEntry>();
  for (const entry of rules.days) exceptions.set(isoDay(entry.date), entry);
  return {
    calendarId: identity.calendarId ?? null,
    code: identity.code,
    version: identity.version,
    timezone: validTimeZone(rules.timezone),
    workingPeriods: rules.workingPeriods,
    weekendDays: rules.weekendDays,
    standardDayMinutes: rules.workingPeriods.reduce((sum, p) => sum + p.end - p.start, 0),
    exceptions,
  };
}

/** Default rules: Vietnam's zone, 07:00–11:30 and 13:30–17:00, Saturday and Sunday off, no exceptions. */
export const DEFAULT_RULES: CalendarRules = { timezone: DEFAULT_TIMEZONE, workingPeriods: DEFAULT_WORKING_PERIODS, weekendDays: DEFAULT_WEEKEND, days: [] };

/** How the clock sees one local date. */
export enum DayStatus {
  WORKING = 'WORKING',
  WEEKEND = 'WEEKEND',
  HOLIDAY = 'HOLIDAY',
  DAY_OFF = 'DAY_OFF',
  /** A weekend day swapped into a working day. */
  WORKING_DAY = 'WORKING_DAY',
}

/** A local date with its status and its working intervals as instants, half-open [start, end). */
export interface CalendarDate {
  day: DayNumber;
  weekday: IsoWeekday;
  status: DayStatus;
  note: string | null;
  intervals: ReadonlyArray<{ start: number; end: number }>;
  /** Local midnight and the next one, as instants. */
  startsAt: number;
  endsAt: number;
}

const dateCache = new WeakMap<CalendarSnapshot, Map<DayNumber, CalendarDate>>();

const EXCEPTION_STATUS: Record<CalendarDayKind, DayStatus> = {
  [CalendarDayKind.HOLIDAY]: DayStatus.HOLIDAY,
  [CalendarDayKind.DAY_OFF]: DayStatus.DAY_OFF,
  [CalendarDayKind.WORKING_DAY]: DayStatus.WORKING_DAY,
};

function statusOf(calendar: CalendarSnapshot, day: DayNumber): { status: DayStatus; note: string | null } {
  const exception = calendar.exceptions.get(day);
  if (exception) return { status: EXCEPTION_STATUS[exception.kind], note: exception.note };
  return { status: calendar.weekendDays.includes(weekdayOf(day)) ? DayStatus.WEEKEND : DayStatus.WORKING, note: null };
}

/**
 * One local date of a calendar: its status and working intervals (memoised per snapshot).
 *
 * @example
 * calendarDate(vnGov, isoDay('2025-04-26')).status; // DayStatus.WORKING_DAY
 */
export function calendarDate(calendar: CalendarSnapshot, day: DayNumber): CalendarDate {
  let byDay = dateCache.get(calendar);
  if (!byDay) dateCache.set(calendar, (byDay = new Map()));
  let date = byDay.get(day);
  if (!date) {
    const { status, note } = statusOf(calendar, day);
    const working = status === DayStatus.WORKING || status === DayStatus.WORKING_DAY;
    const at = (minutes: number) => fromLocal(calendar.timezone, day, minutes * MINUTE_MS);
    date = {
      day, weekday: weekdayOf(day), status, note,
      intervals: working ? calendar.workingPeriods.map((p) => ({ start: at(p.start), end: at(p.end) })) : [],
      startsAt: fromLocal(calendar.timezone, day, 0),
      endsAt: fromLocal(calendar.timezone, day, 24 * HOUR_MS),
    };
    byDay.set(day, date);
  }
  return date;
}

/** Whether the clock counts working time on this date. */
export function isWorkingDate(date: CalendarDate): boolean {
  return date.intervals.length > 0;
}
