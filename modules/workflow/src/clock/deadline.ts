import { AppError } from '@motcua/kernel/contract';
import { type CalendarDate, type CalendarSnapshot, calendarDate } from './calendar.js';
import { closeOf, consumeWorkingTime, countWorkingTime, firstWorkingDate, mergeSpans, nextWorkingInstant, type Span, type Walk } from './walk.js';
import { type DayNumber, HOUR_MS, MINUTE_MS, toLocal } from './zone.js';

/** How a time limit is stated (one-stop-domain §6.1). */
export enum TimeLimitUnit {
  WORKING_HOURS = 'WORKING_HOURS',
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
  SAME_DAY = 'SAME_DAY',
}

/** Early / on time / late, judged at the granularity of the limit's unit (§6.3). */
export enum Timeliness {
  EARLY = 'EARLY',
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
}

export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
}

/** Decree 118 Art. 18(2): a same-day dossier received after 15:00 is due the next working day. */
export const SAME_DAY_CUTOFF_MINUTES = 15 * 60;

/** Largest accepted value per unit (about five years), so a typo cannot start a decade-long walk. */
const MAX_VALUE: Record<TimeLimitUnit, number> = {
  [TimeLimitUnit.WORKING_HOURS]: 10_000,
  [TimeLimitUnit.WORKING_DAYS]: 1_250,
  [TimeLimitUnit.CALENDAR_DAYS]: 1_830,
  [TimeLimitUnit.SAME_DAY]: 1, // and exactly 1, checked first
};

/**
 * Checks a time limit: positive, at most about five years, whole for calendar days, and 1
 * for SAME_DAY. Fractions of working hours and working days are allowed (e.g. 0.5 day).
 */
export function validLimit(limit: TimeLimit): TimeLimit {
  const { value, unit } = limit;
  const bad = (vi: string, en: string) => AppError.badInput('limit', { vi, en });
  if (!Number.isFinite(value) || value <= 0) throw bad('thời hạn phải lớn hơn 0', 'the time limit must be greater than 0');
  if (unit === TimeLimitUnit.SAME_DAY && value !== 1) throw bad('thời hạn giải quyết trong ngày có giá trị 1', 'a SAME_DAY limit has the value 1');
  if (value > MAX_VALUE[unit]) throw bad(`thời hạn ${unit} tối đa là ${MAX_VALUE[unit]}`, `a ${unit} time limit is at most ${MAX_VALUE[unit]}`);
  if (unit === TimeLimitUnit.CALENDAR_DAYS && !Number.isInteger(value)) throw bad('số ngày lịch phải là số nguyên', 'calendar days must be a whole number');
  return limit;
}

/** The budget a clock runs on: working time, or calendar days. */
export type Budget = { workingMs: number; calendarDays?: undefined } | { calendarDays: number; workingMs?: undefined };

/** How SAME_DAY turns into a working-time budget: up to the close of that day or of the next working day. */
export interface SameDayRule {
  beforeCutoff: boolean;
  dueDate: CalendarDate;
}

/** The same-day rule (rule 5) applied to an effective start. */
export function sameDayRule(calendar: CalendarSnapshot, effectiveStart: number): SameDayRule {
  const local = toLocal(calendar.timezone, effectiveStart);
  const beforeCutoff = local.ms < SAME_DAY_CUTOFF_MINUTES * MINUTE_MS;
  return { beforeCutoff, dueDate: beforeCutoff ? calendarDate(calendar, local.day) : firstWorkingDate(calendar, local.day + 1) };
}

/**
 * The budget of a limit for a clock that effectively starts at `effectiveStart` (rules 2–5):
 * n hours; n × the standard working day; n calendar days; or, for SAME_DAY, the working time
 * up to the close of the due day, so that pauses then extend it like any working-time budget.
 */
export function budgetOf(calendar: CalendarSnapshot, limit: TimeLimit, effectiveStart: number): Budget {
  switch (limit.unit) {
    case TimeLimitUnit.WORKING_HOURS:
      return { workingMs: Math.round(limit.value * HOUR_MS) };
    case TimeLimitUnit.WORKING_DAYS:
      return { workingMs: Math.round(limit.value * calendar.standardDayMinutes * MINUTE_MS) };
    case TimeLimitUnit.CALENDAR_DAYS:
      return { calendarDays: limit.value };
    case TimeLimitUnit.SAME_DAY:
      return { workingMs: countWorkingTime(calendar, effectiveStart, closeOf(sameDayRule(calendar, effectiveStart).dueDate), []).countedMs };
  }
}

/** A pause as the calendar-day rule counted it. */
export interface CountedPause {
  span: Span;
  /** Local dates of this pause not already counted for an earlier one. */
  newDays: DayNumber[];
}

/** How a due instant was reached, for the explanation. */
export type DueTrace =
  | { kind: 'WORKING'; dueAt: number; walk: Walk }
  | { kind: 'CALENDAR'; dueAt: number; receiptDay: DayNumber; days: number; pauses: CountedPause[]; dueDate: CalendarDate };

/** The local dates a span touches: a partial day counts as a whole one. */
function daysTouched(calendar: CalendarSnapshot, span: Span): DayNumber[] {
  const first = toLocal(calendar.timezone, span.from).day;
  const last = toLocal(calendar.timezone, span.to - 1).day;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Rule 4: the close of the date n days after the receipt date (or of the next working day),
 * pushed back by every local date touched by a pause that began before the due instant.
 */
function calendarDaysDue(calendar: CalendarSnapshot, receivedAt: number, days: number, pauses: readonly Span[]): DueTrace {
  const receiptDay = toLocal(calendar.timezone, receivedAt).day;
  const targetDay = receiptDay + days;
  const counted = new Set<DayNumber>();
  const countedPauses: CountedPause[] = [];
  let dueDate = firstWorkingDate(calendar, targetDay);
  for (const span of mergeSpans(pauses)) {
    if (span.from >= closeOf(dueDate)) break;
    const newDays = daysTouched(calendar, span).filter((day) => !counted.has(day));
    newDays.forEach((day) => counted.add(day));
    countedPauses.push({ span, newDays });
    dueDate = firstWorkingDate(calendar, targetDay + counted.size);
  }
  return { kind: 'CALENDAR', dueAt: closeOf(dueDate), receiptDay, days, pauses: countedPauses, dueDate };
}

/**
 * The statutory due instant of a clock, with how it was reached.
 *
 * @example
 * traceDue(vnGov, { receivedAt, effectiveStart, budget: { workingMs: 40 * HOUR_MS } }, []).dueAt;
 */
export function traceDue(
  calendar: CalendarSnapshot,
  clock: { receivedAt: number; effectiveStart: number; budget: Budget },
  pauses: readonly Span[],
): DueTrace {
  if (clock.budget.calendarDays !== undefined) return calendarDaysDue(calendar, clock.receivedAt, clock.budget.calendarDays, pauses);
  const walk = consumeWorkingTime(calendar, clock.effectiveStart, clock.budget.workingMs, pauses);
  return { kind: 'WORKING', dueAt: walk.endsAt, walk };
}

/** Rule 1: the receipt instant moved forward into working time. */
export function effectiveStartOf(calendar: CalendarSnapshot, receivedAt: number): number {
  return nextWorkingInstant(calendar, receivedAt);
}

/** Whether a unit is judged by calendar date (days) rather than to the minute (hours). */
export function judgedByDate(unit: TimeLimitUnit): boolean {
  return unit !== TimeLimitUnit.WORKING_HOURS;
}

/**
 * The local date an end instant (a due instant, the end of processing) belongs to: that of
 * its last moment, so 24:00 stays on its own day rather than opening the next.
 */
export function endDateOf(calendar: CalendarSnapshot, end: Date): DayNumber {
  return toLocal(calendar.timezone, end.getTime() - 1).day;
}

/**
 * Rule 6: early, on time or late. Day-based units compare local dates (see `endDateOf`);
 * hours compare to the minute.
 *
 * @example
 * classifyTimeliness(vnGov, TimeLimitUnit.WORKING_DAYS, new Date('2023-11-03T10:00:00+07:00'), new Date('2023-11-03T09:32:00+07:00')); // ON_TIME
 */
export function classifyTimeliness(calendar: CalendarSnapshot, unit: TimeLimitUnit, end: Date, due: Date): Timeliness {
  const [e, d] = judgedByDate(unit)
    ? [endDateOf(calendar, end), endDateOf(calendar, due)]
    : [Math.floor(end.getTime() / MINUTE_MS), Math.floor(due.getTime() / MINUTE_MS)];
  return e < d ? Timeliness.EARLY : e === d ? Timeliness.ON_TIME : Timeliness.LATE;
}
