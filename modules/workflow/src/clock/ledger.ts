import { AppError } from '@motcua/kernel/contract';
import type { CalendarSnapshot } from './calendar.js';
import {
  type Budget, budgetOf, classifyTimeliness, type DueTrace, effectiveStartOf, type TimeLimit, type Timeliness, traceDue, validLimit,
} from './deadline.js';
import { countWorkingTime, type Span } from './walk.js';
import { MINUTE_MS } from './zone.js';

/** Why a clock stopped (rule 7). */
export enum PauseReason {
  /** Supplement requested (Mẫu 02 yêu cầu bổ sung, hoàn thiện hồ sơ). */
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  /** Waiting for the applicant to meet a financial obligation (fees, taxes). */
  FINANCIAL_OBLIGATION = 'FINANCIAL_OBLIGATION',
  /** Waiting for the applicant for any other reason the law allows. */
  WAITING_FOR_APPLICANT = 'WAITING_FOR_APPLICANT',
}

/** A stop of the clock; `to` is null while it lasts. */
export interface ClockPause {
  from: Date;
  to: Date | null;
  reason: PauseReason;
  actorId: string | null;
}

/** The apology and new appointment (Mẫu 04): a new due instant, given once. */
export interface ClockExtension {
  requestedAt: Date;
  dueAt: Date;
  reason: string | null;
  actorId: string | null;
}

/**
 * Everything a running statutory clock is: its budget, the calendar version it counts on,
 * its pauses and extension, and the due instants they give. Pure data (JSON-friendly apart
 * from Dates); every change goes through `startClock` / `pauseClock` / `resumeClock` /
 * `extendClock`, each returning a new ledger.
 *
 * - `originalDueAt`: the due instant at receipt, before any pause or extension. Never changes
 *   (the receipt slip's date; DVCQG `ngayHenTraTruoc` of the first change).
 * - `statutoryDueAt`: budget plus pauses; timeliness is judged against it. Null while a pause
 *   that began before it lasts (the due instant is unknown until the clock resumes).
 * - `dueAt`: what the applicant is told: the extension's instant if there is one (or the
 *   statutory one if a later pause pushed that further), else `statutoryDueAt`.
 */
export interface ClockLedger {
  calendarId: string | null;
  calendarVersion: number;
  limit: TimeLimit;
  /** Working-time budget in minutes (WORKING_HOURS, WORKING_DAYS, SAME_DAY); null for CALENDAR_DAYS. */
  budgetMinutes: number | null;
  /** Calendar days (CALENDAR_DAYS); null otherwise. */
  calendarDays: number | null;
  receivedAt: Date;
  effectiveStart: Date;
  pauses: ClockPause[];
  extension: ClockExtension | null;
  originalDueAt: Date;
  statutoryDueAt: Date | null;
  dueAt: Date | null;
}

function bad(field: string, vi: string, en: string): AppError {
  return AppError.badInput(field, { vi, en });
}

/** Refuses a calendar snapshot other than the version the clock counts on. */
export function assertCalendar(ledger: ClockLedger, calendar: CalendarSnapshot): void {
  if (calendar.calendarId !== ledger.calendarId || calendar.version !== ledger.calendarVersion) {
    throw new Error(`clock counts on calendar ${ledger.calendarId} v${ledger.calendarVersion}, given ${calendar.calendarId} v${calendar.version}`);
  }
}

/** The pause that has not ended, if any. */
export function openPause(ledger: ClockLedger): ClockPause | null {
  const last = ledger.pauses[ledger.pauses.length - 1];
  return last && !last.to ? last : null;
}

/** Ended pauses as spans of instants. */
export function closedSpans(ledger: ClockLedger): Span[] {
  return ledger.pauses.flatMap((p) => (p.to ? [{ from: p.from.getTime(), to: p.to.getTime() }] : []));
}

/** How the budget and the ended pauses give the statutory due instant (what explanations show). */
export function traceLedger(ledger: ClockLedger, calendar: CalendarSnapshot): DueTrace {
  const budget: Budget = ledger.calendarDays !== null ? { calendarDays: ledger.calendarDays } : { workingMs: ledger.budgetMinutes! * MINUTE_MS };
  return traceDue(calendar, { receivedAt: ledger.receivedAt.getTime(), effectiveStart: ledger.effectiveStart.getTime(), budget }, closedSpans(ledger));
}

function statutoryDue(ledger: ClockLedger, calendar: CalendarSnapshot): Date {
  return new Date(traceLedger(ledger, calendar).dueAt);
}

function appointed(statutory: Date, extension: ClockExtension | null): Date {
  return extension && extension.dueAt > statutory ? extension.dueAt : statutory;
}

/**
 * Starts a clock at the receipt of a complete dossier (rule 1 for the start, rules 2–5 for the due).
 *
 * @example
 * const ledger = startClock(vnGov, { receivedAt: new Date('2025-04-24T10:15:00+07:00'), limit: { value: 5, unit: TimeLimitUnit.WORKING_DAYS } });
 * ledger.dueAt; // 2025-05-05T10:15:00+07:00
 */
export function startClock(calendar: CalendarSnapshot, input: { receivedAt: Date; limit: TimeLimit }): ClockLedger {
  const limit = validLimit(input.limit);
  const receivedAt = input.receivedAt.getTime();
  const effectiveStart = effectiveStartOf(calendar, receivedAt);
  const budget = budgetOf(calendar, limit, effectiveStart);
  const dueAt = new Date(traceDue(calendar, { receivedAt, effectiveStart, budget }, []).dueAt);
  return {
    calendarId: calendar.calendarId, calendarVersion: calendar.version, limit,
    budgetMinutes: budget.workingMs === undefined ? null : budget.workingMs / MINUTE_MS,
    calendarDays: budget.calendarDays ?? null,
    receivedAt: input.receivedAt, effectiveStart: new Date(effectiveStart), pauses: [], extension: null,
    originalDueAt: dueAt, statutoryDueAt: dueAt, dueAt,
  };
}

/**
 * Stops the clock (rule 7). A pause that begins after the statutory due instant changes
 * nothing about it; otherwise the due instants are unknown until `resumeClock`.
 *
 * @example
 * const paused = pauseClock(ledger, { at: new Date('2025-04-29T09:00:00+07:00'), reason: PauseReason.SUPPLEMENT_REQUESTED, actorId });
 */
export function pauseClock(ledger: ClockLedger, input: { at: Date; reason: PauseReason; actorId?: string | null }): ClockLedger {
  if (openPause(ledger)) throw bad('pauses', 'đồng hồ đang tạm dừng', 'the clock is already paused');
  const previous = ledger.pauses[ledger.pauses.length - 1]?.to ?? ledger.receivedAt;
  if (input.at < previous) {
    throw bad('pauses', 'tạm dừng phải bắt đầu sau khi tiếp nhận và sau lần tạm dừng trước, theo thứ tự thời gian', 'a pause must begin after receipt and after the previous pause, in time order');
  }
  const pause: ClockPause = { from: input.at, to: null, reason: input.reason, actorId: input.actorId ?? null };
  const beforeDue = !ledger.statutoryDueAt || input.at < ledger.statutoryDueAt;
  return { ...ledger, pauses: [...ledger.pauses, pause], ...(beforeDue ? { statutoryDueAt: null, dueAt: null } : {}) };
}

/**
 * Restarts the clock with the remaining budget and recomputes the due instants on the
 * calendar version the clock started with.
 *
 * @example
 * const resumed = resumeClock(paused, vnGov, { at: new Date('2025-05-07T14:00:00+07:00') });
 * resumed.dueAt; // 2025-05-08T15:15:00+07:00
 */
export function resumeClock(ledger: ClockLedger, calendar: CalendarSnapshot, input: { at: Date }): ClockLedger {
  assertCalendar(ledger, calendar);
  const pause = openPause(ledger);
  if (!pause) throw bad('pauses', 'đồng hồ không tạm dừng', 'the clock is not paused');
  if (input.at <= pause.from) throw bad('pauses', 'tạm dừng phải kết thúc sau khi bắt đầu', 'a pause must end after it begins');
  const resumed = { ...ledger, pauses: [...ledger.pauses.slice(0, -1), { ...pause, to: input.at }] };
  const statutoryDueAt = statutoryDue(resumed, calendar);
  return { ...resumed, statutoryDueAt, dueAt: appointed(statutoryDueAt, ledger.extension) };
}

/**
 * Sets a new due instant once (the apology, Mẫu 04). Timeliness stays judged against the
 * statutory due instant. Refused while paused, twice, or for a new instant that is not later
 * than the statutory one.
 *
 * @example
 * extendClock(ledger, { requestedAt: new Date('2025-05-02T09:00:00+07:00'), dueAt: new Date('2025-05-09T17:00:00+07:00'), reason: 'Chờ kết quả xác minh' });
 */
export function extendClock(ledger: ClockLedger, input: { requestedAt: Date; dueAt: Date; reason?: string | null; actorId?: string | null }): ClockLedger {
  if (ledger.extension) throw bad('extension', 'chỉ được hẹn lại ngày trả kết quả một lần', 'the appointment can be changed only once');
  if (openPause(ledger)) throw bad('extension', 'không gia hạn khi đồng hồ đang tạm dừng', 'no extension while the clock is paused');
  if (input.requestedAt < ledger.receivedAt) throw bad('extension', 'gia hạn phải sau khi tiếp nhận', 'an extension must come after receipt');
  if (input.dueAt <= ledger.statutoryDueAt! || input.dueAt <= input.requestedAt) {
    throw bad('extension', 'hạn mới phải sau hạn hiện tại', 'the new due instant must be later than the current one');
  }
  const extension: ClockExtension = { requestedAt: input.requestedAt, dueAt: input.dueAt, reason: input.reason ?? null, actorId: input.actorId ?? null };
  return { ...ledger, extension, dueAt: input.dueAt };
}

/** What a clock has used and has left at an instant. */
export interface ClockConsumption {
  /** Working minutes counted from the effective start to the instant, pauses left out. */
  consumedMinutes: number;
  /** Budget minus consumption for working-time budgets (negative once overdue); null for CALENDAR_DAYS. */
  remainingMinutes: number | null;
  paused: boolean;
}

/**
 * Consumption at an instant.
 *
 * @example
 * clockConsumption(ledger, vnGov, new Date('2025-04-29T09:00:00+07:00')); // { consumedMinutes: 1845, remainingMinutes: 555, paused: false }
 */
export function clockConsumption(ledger: ClockLedger, calendar: CalendarSnapshot, at: Date): ClockConsumption {
  assertCalendar(ledger, calendar);
  const open = openPause(ledger);
  const spans = [...closedSpans(ledger), ...(open ? [{ from: open.from.getTime(), to: Infinity }] : [])];
  const consumedMinutes = countWorkingTime(calendar, ledger.effectiveStart.getTime(), at.getTime(), spans).countedMs / MINUTE_MS;
  return {
    consumedMinutes,
    remainingMinutes: ledger.budgetMinutes === null ? null : ledger.budgetMinutes - consumedMinutes,
    paused: !!open && at >= open.from,
  };
}

/** How a finished clock is judged: which end and due instants are compared, and the class. */
export interface ClockJudgement {
  end: Date;
  due: Date;
  /** True when the clock ended while paused and is judged as ending when the pause began. */
  atPause: boolean;
  timeliness: Timeliness;
}

/**
 * Rule 6 for a clock that ended at `end`, against the statutory due instant (never the
 * extension). A clock that ends while paused is judged as ending when the pause began,
 * against the due instant it had then (766: a dossier awaiting supplement counts as
 * finished at the request).
 *
 * @example
 * judgeClock(ledger, vnGov, new Date('2023-11-02T16:00:00+07:00')).timeliness; // EARLY
 */
export function judgeClock(ledger: ClockLedger, calendar: CalendarSnapshot, end: Date): ClockJudgement {
  assertCalendar(ledger, calendar);
  if (end < ledger.receivedAt) throw bad('end', 'thời điểm kết thúc phải sau khi tiếp nhận', 'the end must come after receipt');
  const open = openPause(ledger);
  const atPause = !!open && !ledger.statutoryDueAt && end > open.from;
  const judged = atPause ? open!.from : end;
  const due = ledger.statutoryDueAt ?? statutoryDue(ledger, calendar);
  return { end: judged, due, atPause, timeliness: classifyTimeliness(calendar, ledger.limit.unit, judged, due) };
}
