/**
 * The calendar editor's year view as data: month grids (weeks from Monday) and what each date
 * is on a calendar — a working day, a weekend day, or one of the dated exceptions.
 */
import type { CalendarDay, CalendarDayKind, Weekday } from './queries';

/** What a date is: the weekly pattern, or the exception that overrides it. */
export type DayStatus = 'WORKING' | 'WEEKEND' | CalendarDayKind;

/** One cell of a month grid. */
export interface DayCell {
  /** `YYYY-MM-DD`. */
  date: string;
  day: number;
  weekday: Weekday;
}

/** Weekdays from Monday, as the API names them (index 0 = Monday). */
export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The weekday of a civil date (calendar arithmetic, independent of the browser's zone). */
export function weekdayOf(year: number, month: number, day: number): Weekday {
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7];
}

/**
 * The weeks of a month (1–12), Monday first; `null` pads the first and last week.
 *
 * @example
 * monthGrid(2025, 4)[0]; // [null, {date:'2025-04-01', day:1, weekday:'TUESDAY'}, …]
 */
export function monthGrid(year: number, month: number): (DayCell | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (DayCell | null)[] = Array.from({ length: WEEKDAYS.indexOf(weekdayOf(year, month, 1)) }, () => null);
  for (let day = 1; day <= days; day++) cells.push({ date: `${year}-${pad(month)}-${pad(day)}`, day, weekday: weekdayOf(year, month, day) });
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** What `cell` is on a calendar with these weekend days and exceptions (by date). */
export function statusOf(cell: DayCell, weekendDays: readonly Weekday[], exceptions: ReadonlyMap<string, CalendarDay>): DayStatus {
  return exceptions.get(cell.date)?.kind ?? (weekendDays.includes(cell.weekday) ? 'WEEKEND' : 'WORKING');
}

/** Working days in a year on the calendar (weekly pattern plus exceptions), for the summary line. */
export function workingDaysIn(year: number, weekendDays: readonly Weekday[], exceptions: ReadonlyMap<string, CalendarDay>): number {
  let count = 0;
  for (let month = 1; month <= 12; month++) {
    for (const cell of monthGrid(year, month).flat()) {
      if (!cell) continue;
      const status = statusOf(cell, weekendDays, exceptions);
      if (status === 'WORKING' || status === 'WORKING_DAY') count++;
    }
  }
  return count;
}
