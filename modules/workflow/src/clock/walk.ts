import { AppError } from '@motcua/kernel/contract';
import { type CalendarDate, type CalendarSnapshot, calendarDate, isWorkingDate } from './calendar.js';
import { type DayNumber, toLocal } from './zone.js';

/** A half-open span of instants [from, to); `to` is Infinity for a pause not yet ended. */
export interface Span {
  from: number;
  to: number;
}

/** One local date as a walk saw it. */
export interface WalkedDay {
  date: CalendarDate;
  /** Working time counted on this date. */
  countedMs: number;
}

/** Where a walk over working time stopped, and what it counted on the way. */
export interface Walk {
  /** The instant the budget ran out, or the `until` instant. */
  endsAt: number;
  countedMs: number;
  days: WalkedDay[];
}

/** A walk longer than this is refused as input error rather than computed. */
const MAX_WALK_DAYS = 20 * 366;
/** A calendar without a single working day in a year cannot give a deadline. */
const MAX_IDLE_DAYS = 366;

function noWorkingTime(calendar: CalendarSnapshot): AppError {
  return AppError.badInput('calendarId', {
    vi: `lịch ${calendar.code} không có đủ thời gian làm việc để tính hạn (quá ${MAX_WALK_DAYS / 366} năm hoặc cả năm không có ngày làm việc)`,
    en: `calendar ${calendar.code} has too little working time to give a due date (over ${MAX_WALK_DAYS / 366} years, or a whole year without a working day)`,
  });
}

/**
 * Spans sorted and merged: overlapping or touching spans become one, so two adjacent pauses
 * count exactly like the single pause they split.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

/** The parts of [from, to) outside the (merged) pauses. */
function outsidePauses(from: number, to: number, pauses: readonly Span[]): Span[] {
  const free: Span[] = [];
  let cursor = from;
  for (const pause of pauses) {
    if (pause.to <= cursor) continue;
    if (pause.from >= to) break;
    if (pause.from > cursor) free.push({ from: cursor, to: pause.from });
    cursor = Math.max(cursor, pause.to);
  }
  if (cursor < to) free.push({ from: cursor, to });
  return free;
}

/** Local dates from the one holding `instant` onwards; ends early on a calendar without working days. */
function* datesFrom(calendar: CalendarSnapshot, instant: number): Generator<CalendarDate> {
  let idle = 0;
  const first = toLocal(calendar.timezone, instant).day;
  for (let day = first; day - first < MAX_WALK_DAYS && idle <= MAX_IDLE_DAYS; day++) {
    const date = calendarDate(calendar, day);
    idle = isWorkingDate(date) ? 0 : idle + 1;
    yield date;
  }
}

type Stop = { budgetMs: number } | { until: number };

function walk(calendar: CalendarSnapshot, from: number, pauses: readonly Span[], stop: Stop): Walk {
  const days: WalkedDay[] = [];
  const merged = mergeSpans(pauses);
  let counted = 0;
  for (const date of datesFrom(calendar, from)) {
    if ('until' in stop && date.startsAt >= stop.until) return { endsAt: stop.until, countedMs: counted, days };
    const walked: WalkedDay = { date, countedMs: 0 };
    days.push(walked);
    for (const interval of date.intervals) {
      const end = 'until' in stop ? Math.min(interval.end, stop.until) : interval.end;
      for (const free of outsidePauses(Math.max(interval.start, from), end, merged)) {
        const take = 'budgetMs' in stop ? Math.min(free.to - free.from, stop.budgetMs - counted) : free.to - free.from;
        counted += take;
        walked.countedMs += take;
        if ('budgetMs' in stop && counted >= stop.budgetMs) return { endsAt: free.from + take, countedMs: counted, days };
      }
    }
  }
  throw noWorkingTime(calendar);
}

/**
 * Counts `budgetMs` of working time forward from `from`, leaving out pauses. The walk ends
 * at the instant the budget runs out; a budget that runs out exactly at the end of a working
 * period ends there, not at the next period's start.
 *
 * @example
 * consumeWorkingTime(vnGov, Date.parse('2025-04-24T10:15:00+07:00'), 40 * HOUR_MS, []).endsAt; // 2025-05-05T10:15+07:00
 */
export function consumeWorkingTime(calendar: CalendarSnapshot, from: number, budgetMs: number, pauses: readonly Span[]): Walk {
  return walk(calendar, from, pauses, { budgetMs });
}

/**
 * The working time between two instants, leaving out pauses (zero when `until` ≤ `from`).
 *
 * @example
 * countWorkingTime(vnGov, Date.parse('2025-04-24T10:15:00+07:00'), Date.parse('2025-04-25T08:00:00+07:00'), []).countedMs; // 5.75 h
 */
export function countWorkingTime(calendar: CalendarSnapshot, from: number, until: number, pauses: readonly Span[]): Walk {
  return walk(calendar, from, pauses, { until });
}

/**
 * The first instant at or after `instant` that lies inside working time.
 *
 * @example
 * nextWorkingInstant(vnGov, Date.parse('2025-04-25T17:30:00+07:00')); // 2025-04-26T07:00+07:00 (a swapped working Saturday)
 */
export function nextWorkingInstant(calendar: CalendarSnapshot, instant: number): number {
  const { day } = toLocal(calendar.timezone, instant);
  const later = calendarDate(calendar, day).intervals.find((interval) => interval.end > instant);
  return later ? Math.max(later.start, instant) : firstWorkingDate(calendar, day + 1).intervals[0].start;
}

/**
 * The first working date on or after `day`.
 *
 * @example
 * firstWorkingDate(vnGov, isoDay('2025-04-30')).day; // isoDay('2025-05-05')
 */
export function firstWorkingDate(calendar: CalendarSnapshot, day: DayNumber): CalendarDate {
  for (let next = day; next - day <= MAX_IDLE_DAYS; next++) {
    const date = calendarDate(calendar, next);
    if (isWorkingDate(date)) return date;
  }
  throw noWorkingTime(calendar);
}

/** The end of a working date's last working period. */
export function closeOf(date: CalendarDate): number {
  return date.intervals[date.intervals.length - 1].end;
}
