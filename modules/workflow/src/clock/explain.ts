import type { Bilingual } from '@motcua/kernel/contract';
import { type CalendarSnapshot, calendarDate, DayStatus, formatClockTime } from './calendar.js';
import { type DueTrace, endDateOf, judgedByDate, SAME_DAY_CUTOFF_MINUTES, sameDayRule, TimeLimitUnit, Timeliness } from './deadline.js';
import {
  both, dayLabel, daysLabel, durationLabel, instantLabel, numberLabel, periodsLabel, STATUS, timeLabel,
} from './format.js';
import {
  assertCalendar, clockConsumption, type ClockLedger, type ClockPause, closedSpans, judgeClock, openPause, PauseReason, traceLedger,
} from './ledger.js';
import { closeOf, countWorkingTime, mergeSpans, type Span, type Walk, type WalkedDay } from './walk.js';
import { type DayNumber, MINUTE_MS, slipDate, toLocal } from './zone.js';

/**
 * The explanation of a clock, one line per step, each in Vietnamese and English:
 * the limit and calendar, the receipt and effective start, the walk over working time (or
 * the calendar-day count), pauses, the due instant, the extension, and, given an end, the
 * timeliness and the working time used.
 *
 * @example
 * explainClock(ledger, vnGov).map((line) => line.vi);
 * // ['Thời hạn: 5 ngày làm việc = 40 giờ làm việc (…)', 'Tiếp nhận 10:15 thứ Năm 24/04/2025, trong giờ làm việc: bắt đầu tính ngay.', …]
 */
export function explainClock(ledger: ClockLedger, calendar: CalendarSnapshot, end?: Date | null): Bilingual[] {
  assertCalendar(ledger, calendar);
  const lines = [limitLine(ledger, calendar), receiptLine(ledger, calendar)];
  if (ledger.limit.unit === TimeLimitUnit.SAME_DAY) lines.push(sameDayLine(ledger, calendar));
  const open = openPause(ledger);
  lines.push(...(open && !ledger.statutoryDueAt ? pausedLines(ledger, calendar, open) : dueLines(ledger, calendar)));
  if (ledger.extension) lines.push(extensionLine(ledger, calendar));
  if (end) lines.push(...endLines(ledger, calendar, end));
  return lines;
}

const REASON: Record<PauseReason, Bilingual> = {
  [PauseReason.SUPPLEMENT_REQUESTED]: both('yêu cầu bổ sung hồ sơ', 'supplement requested'),
  [PauseReason.FINANCIAL_OBLIGATION]: both('chờ thực hiện nghĩa vụ tài chính', 'awaiting the financial obligation'),
  [PauseReason.WAITING_FOR_APPLICANT]: both('chờ người nộp hồ sơ', 'waiting for the applicant'),
};

const TIMELINESS: Record<Timeliness, Bilingual> = {
  [Timeliness.EARLY]: both('trước hạn', 'early'),
  [Timeliness.ON_TIME]: both('đúng hạn', 'on time'),
  [Timeliness.LATE]: both('trễ hạn', 'late'),
};

function limitLine(ledger: ClockLedger, calendar: CalendarSnapshot): Bilingual {
  const n = numberLabel(ledger.limit.value);
  const budget = durationLabel((ledger.budgetMinutes ?? 0) * MINUTE_MS);
  const day = durationLabel(calendar.standardDayMinutes * MINUTE_MS);
  const what: Record<TimeLimitUnit, Bilingual> = {
    [TimeLimitUnit.WORKING_HOURS]: both(`${n.vi} giờ làm việc`, `${n.en} working hours`),
    [TimeLimitUnit.WORKING_DAYS]: both(
      `${n.vi} ngày làm việc = ${budget.vi} làm việc (1 ngày làm việc = ${day.vi})`,
      `${n.en} working days = ${budget.en} of working time (1 working day = ${day.en})`,
    ),
    [TimeLimitUnit.CALENDAR_DAYS]: both(`${n.vi} ngày (ngày lịch)`, `${n.en} calendar days`),
    [TimeLimitUnit.SAME_DAY]: both('giải quyết trong ngày', 'same day'),
  };
  const { vi, en } = what[ledger.limit.unit];
  const hours = periodsLabel(calendar.workingPeriods);
  return both(
    `Thời hạn: ${vi}. Lịch ${calendar.code} phiên bản ${calendar.version} (${calendar.timezone}; giờ làm việc ${hours}).`,
    `Time limit: ${en}. Calendar ${calendar.code} version ${calendar.version} (${calendar.timezone}; working hours ${hours}).`,
  );
}

function receiptLine(ledger: ClockLedger, calendar: CalendarSnapshot): Bilingual {
  const received = instantLabel(calendar.timezone, ledger.receivedAt.getTime());
  if (ledger.receivedAt.getTime() === ledger.effectiveStart.getTime()) {
    return both(`Tiếp nhận ${received.vi}, trong giờ làm việc: bắt đầu tính ngay.`, `Received ${received.en}, within working hours: the clock starts at once.`);
  }
  const start = instantLabel(calendar.timezone, ledger.effectiveStart.getTime());
  return both(
    `Tiếp nhận ${received.vi}, ngoài giờ làm việc → bắt đầu tính từ ${start.vi}.`,
    `Received ${received.en}, outside working hours → the clock starts at ${start.en}.`,
  );
}

function sameDayLine(ledger: ClockLedger, calendar: CalendarSnapshot): Bilingual {
  const rule = sameDayRule(calendar, ledger.effectiveStart.getTime());
  const close = instantLabel(calendar.timezone, closeOf(rule.dueDate));
  const budget = durationLabel(ledger.budgetMinutes! * MINUTE_MS);
  const cutoff = formatClockTime(SAME_DAY_CUTOFF_MINUTES);
  return rule.beforeCutoff
    ? both(
      `Bắt đầu tính trước ${cutoff} → hạn là hết giờ làm việc cùng ngày (${close.vi}), tức ${budget.vi} làm việc.`,
      `The clock starts before ${cutoff} → due at the close of that working day (${close.en}), i.e. ${budget.en} of working time.`,
    )
    : both(
      `Bắt đầu tính từ ${cutoff} trở đi → hạn là hết giờ làm việc của ngày làm việc tiếp theo (${close.vi}), tức ${budget.vi} làm việc.`,
      `The clock starts at or after ${cutoff} → due at the close of the next working day (${close.en}), i.e. ${budget.en} of working time.`,
    );
}

/** Merged pauses with the reasons of the ledger pauses inside each. */
interface PauseGroup extends Span {
  reasons: Bilingual;
}

function pauseGroups(ledger: ClockLedger, spans: readonly Span[]): PauseGroup[] {
  return mergeSpans(spans).map((span) => {
    const reasons = [...new Set(ledger.pauses.filter((p) => p.from.getTime() >= span.from && p.from.getTime() < span.to).map((p) => p.reason))];
    return { ...span, reasons: both(reasons.map((r) => REASON[r].vi).join('; '), reasons.map((r) => REASON[r].en).join('; ')) };
  });
}

const NOT_COUNTED = both('không tính thời gian này', 'this time is not counted');
const AFTER_DUE = both('sau hạn giải quyết, không làm thay đổi hạn', 'after the due instant, so it changes nothing');

function pauseLine(calendar: CalendarSnapshot, pause: PauseGroup, effect: Bilingual): Bilingual {
  const from = instantLabel(calendar.timezone, pause.from);
  const to = Number.isFinite(pause.to) ? instantLabel(calendar.timezone, pause.to) : both('nay (chưa tiếp tục)', 'now (not resumed)');
  return both(
    `Tạm dừng từ ${from.vi} đến ${to.vi} (${pause.reasons.vi}): ${effect.vi}.`,
    `Paused from ${from.en} to ${to.en} (${pause.reasons.en}): ${effect.en}.`,
  );
}

function dueLines(ledger: ClockLedger, calendar: CalendarSnapshot): Bilingual[] {
  const trace = traceLedger(ledger, calendar);
  const open = openPause(ledger);
  const groups = pauseGroups(ledger, closedSpans(ledger));
  const after = [...groups.filter((g) => g.from >= trace.dueAt), ...(open ? pauseGroups(ledger, [{ from: open.from.getTime(), to: Infinity }]) : [])];
  const body = trace.kind === 'WORKING'
    ? walkLines(calendar, trace.walk, groups.filter((g) => g.from < trace.dueAt), true)
    : calendarDayLines(ledger, calendar, trace);
  return [...body, dueLine(ledger, calendar, trace), ...after.map((g) => pauseLine(calendar, g, AFTER_DUE))];
}

function dueLine(ledger: ClockLedger, calendar: CalendarSnapshot, trace: DueTrace): Bilingual {
  const due = instantLabel(calendar.timezone, trace.dueAt);
  const close = trace.kind === 'CALENDAR' ? both(', hết giờ làm việc', ', close of business') : both('', '');
  if (trace.dueAt === ledger.originalDueAt.getTime()) return both(`Hạn giải quyết: ${due.vi}${close.vi}.`, `Due: ${due.en}${close.en}.`);
  const original = instantLabel(calendar.timezone, ledger.originalDueAt.getTime());
  return both(
    `Hạn giải quyết: ${due.vi}${close.vi} (hạn khi tiếp nhận: ${original.vi}, lùi do tạm dừng).`,
    `Due: ${due.en}${close.en} (at receipt: ${original.en}, moved by pauses).`,
  );
}

/** While a pause that began before the due instant lasts: progress so far, and what happens next. */
function pausedLines(ledger: ClockLedger, calendar: CalendarSnapshot, open: ClockPause): Bilingual[] {
  const from = instantLabel(calendar.timezone, open.from.getTime());
  const reason = REASON[open.reason];
  const trace = traceLedger(ledger, calendar);
  if (trace.kind === 'CALENDAR') {
    const due = instantLabel(calendar.timezone, trace.dueAt);
    return [...calendarDayLines(ledger, calendar, trace), both(
      `Tạm dừng từ ${from.vi} (${reason.vi}), chưa tiếp tục: hạn trước khi tạm dừng là ${due.vi}, sẽ lùi thêm số ngày lịch tạm dừng khi tiếp tục.`,
      `Paused since ${from.en} (${reason.en}), not resumed: the due instant before the pause was ${due.en}; it moves by the paused calendar days on resumption.`,
    )];
  }
  const spans = closedSpans(ledger);
  const walk = countWorkingTime(calendar, ledger.effectiveStart.getTime(), open.from.getTime(), spans);
  const [used, left] = [durationLabel(walk.countedMs), durationLabel(ledger.budgetMinutes! * MINUTE_MS - walk.countedMs)];
  return [...walkLines(calendar, walk, pauseGroups(ledger, spans), false), both(
    `Tạm dừng từ ${from.vi} (${reason.vi}), chưa tiếp tục: đã tính ${used.vi}, còn lại ${left.vi}; hạn giải quyết sẽ tính lại khi tiếp tục.`,
    `Paused since ${from.en} (${reason.en}), not resumed: ${used.en} counted, ${left.en} left; the due instant is recomputed on resumption.`,
  )];
}

type DayGroupKind = 'FULL' | 'WEEKEND' | 'SINGLE';

interface DayGroup {
  kind: DayGroupKind;
  days: WalkedDay[];
  countedMs: number;
}

function kindOf(day: WalkedDay, standardMs: number, last: boolean): DayGroupKind {
  if (day.date.status === DayStatus.WEEKEND) return 'WEEKEND';
  return day.date.status === DayStatus.WORKING && day.countedMs === standardMs && !last ? 'FULL' : 'SINGLE';
}

/** Consecutive plain days (full ordinary working days; weekend days) grouped into one line each. */
function groupDays(days: readonly WalkedDay[], standardMs: number, finished: boolean): DayGroup[] {
  const groups: DayGroup[] = [];
  days.forEach((day, i) => {
    const kind = kindOf(day, standardMs, finished && i === days.length - 1);
    const last = groups[groups.length - 1];
    const previous = last?.days[last.days.length - 1];
    if (last && kind !== 'SINGLE' && last.kind === kind && previous!.date.day === day.date.day - 1) {
      last.days.push(day);
      last.countedMs += day.countedMs;
    } else groups.push({ kind, days: [day], countedMs: day.countedMs });
  });
  return groups;
}

function touches(day: WalkedDay, spans: readonly Span[]): boolean {
  return spans.some((span) => span.from < day.date.endsAt && span.to > day.date.startsAt);
}

/**
 * The walk day by day: what each date counted and the running total, grouping plain days,
 * leaving out dates a pause explains, with the pause lines where they began.
 */
function walkLines(calendar: CalendarSnapshot, walk: Walk, pauses: readonly PauseGroup[], finished: boolean): Bilingual[] {
  const visible = walk.days.filter((day) => day.countedMs > 0 || !touches(day, pauses));
  const pending = [...pauses];
  const lines: Bilingual[] = [];
  const pausesBefore = (day: DayNumber) => {
    while (pending.length && toLocal(calendar.timezone, pending[0].from).day < day) lines.push(pauseLine(calendar, pending.shift()!, NOT_COUNTED));
  };
  let total = 0;
  const groups = groupDays(visible, calendar.standardDayMinutes * MINUTE_MS, finished);
  groups.forEach((group, i) => {
    pausesBefore(group.days[0].date.day);
    total += group.countedMs;
    const endsAt = finished && i === groups.length - 1 ? walk.endsAt : null;
    lines.push(groupLine(calendar, group, total, endsAt));
  });
  pausesBefore(Infinity);
  return lines;
}

function groupLine(calendar: CalendarSnapshot, group: DayGroup, totalMs: number, endsAt: number | null): Bilingual {
  const first = group.days[0].date;
  const label = daysLabel(first.day, first.day + group.days.length - 1);
  const counted = durationLabel(group.countedMs);
  const total = durationLabel(totalMs);
  if (group.kind === 'FULL' && group.days.length > 1) {
    const n = group.days.length;
    return both(`${label.vi}: ${n} ngày làm việc, tính ${counted.vi}, lũy kế ${total.vi}.`, `${label.en}: ${n} working days, ${counted.en} counted, ${total.en} in total.`);
  }
  const status = STATUS[first.status];
  const note = first.note ? ` — ${first.note}` : '';
  if (group.countedMs === 0) return both(`${label.vi}: ${status.vi}${note}, không tính.`, `${label.en}: ${status.en}${note}, not counted.`);
  const prefix = first.status === DayStatus.WORKING ? both('', '') : both(`${status.vi}${note}, `, `${status.en}${note}, `);
  const done = endsAt === null ? both('', '') : both(` → đủ thời hạn lúc ${timeLabel(calendar.timezone, endsAt)}`, ` → the time limit is used up at ${timeLabel(calendar.timezone, endsAt)}`);
  return both(
    `${label.vi}: ${prefix.vi}tính ${counted.vi}, lũy kế ${total.vi}${done.vi}.`,
    `${label.en}: ${prefix.en}${counted.en} counted, ${total.en} in total${done.en}.`,
  );
}

/** Rule 4 step by step: the target date, the paused days added, the move to a working day. */
function calendarDayLines(ledger: ClockLedger, calendar: CalendarSnapshot, trace: Extract<DueTrace, { kind: 'CALENDAR' }>): Bilingual[] {
  const target = dayLabel(trace.receiptDay + trace.days);
  const lines = [both(
    `Ngày tiếp nhận ${slipDate(trace.receiptDay)} + ${trace.days} ngày → ${target.vi}.`,
    `Receipt date ${slipDate(trace.receiptDay)} + ${trace.days} days → ${target.en}.`,
  )];
  const groups = pauseGroups(ledger, trace.pauses.map((p) => p.span));
  trace.pauses.forEach(({ newDays }, i) => {
    const n = newDays.length;
    lines.push(pauseLine(calendar, groups[i], both(
      `chạm ${n} ngày lịch chưa tính (ngày tạm dừng một phần tính trọn ngày) → lùi ${n} ngày`,
      `it touches ${n} calendar days not yet counted (a partial day counts as a whole one) → ${n} days later`,
    )));
  });
  const last = trace.receiptDay + trace.days + trace.pauses.reduce((sum, p) => sum + p.newDays.length, 0);
  if (trace.pauses.length) lines.push(both(`Ngày cuối sau khi cộng ngày tạm dừng: ${dayLabel(last).vi}.`, `Last day with the paused days added: ${dayLabel(last).en}.`));
  if (trace.dueDate.day !== last) {
    const status = STATUS[calendarDate(calendar, last).status];
    lines.push(both(
      `${dayLabel(last).vi}: ${status.vi} → chuyển sang ngày làm việc tiếp theo ${dayLabel(trace.dueDate.day).vi}.`,
      `${dayLabel(last).en}: ${status.en} → moved to the next working day, ${dayLabel(trace.dueDate.day).en}.`,
    ));
  }
  return lines;
}

function extensionLine(ledger: ClockLedger, calendar: CalendarSnapshot): Bilingual {
  const extension = ledger.extension!;
  const requested = instantLabel(calendar.timezone, extension.requestedAt.getTime());
  const appointed = instantLabel(calendar.timezone, extension.dueAt.getTime());
  const reason = extension.reason ? ` (${extension.reason})` : '';
  const statutory = ledger.statutoryDueAt ? instantLabel(calendar.timezone, ledger.statutoryDueAt.getTime()) : both('theo quy định', 'the statutory one');
  const pushed = ledger.dueAt && ledger.dueAt > extension.dueAt ? instantLabel(calendar.timezone, ledger.dueAt.getTime()) : null;
  return both(
    `Gia hạn (văn bản xin lỗi và hẹn lại ngày trả kết quả) lập ${requested.vi}: hẹn trả mới ${appointed.vi}${reason}`
      + `${pushed ? `; tạm dừng sau đó làm hạn theo quy định muộn hơn nên hẹn trả là ${pushed.vi}` : ''}. Đúng, trễ hạn vẫn tính theo hạn ${statutory.vi}.`,
    `Extension (apology and new appointment) issued ${requested.en}: new appointment ${appointed.en}${reason}`
      + `${pushed ? `; a later pause moved the statutory due instant past it, so the appointment is ${pushed.en}` : ''}. Timeliness is still judged against ${statutory.en}.`,
  );
}

const COMPARED: Record<Timeliness, { date: Bilingual; instant: Bilingual }> = {
  [Timeliness.EARLY]: { date: both('trước ngày hạn', 'before the due date'), instant: both('trước thời điểm hạn', 'before the due instant') },
  [Timeliness.ON_TIME]: { date: both('đúng ngày hạn', 'on the due date'), instant: both('đúng phút hạn', 'in the minute of the due instant') },
  [Timeliness.LATE]: { date: both('sau ngày hạn', 'after the due date'), instant: both('sau thời điểm hạn', 'after the due instant') },
};

/** Timeliness (rule 6) and the working time used, for a clock that ended at `end`. */
function endLines(ledger: ClockLedger, calendar: CalendarSnapshot, end: Date): Bilingual[] {
  const judgement = judgeClock(ledger, calendar, end);
  const ended = instantLabel(calendar.timezone, end.getTime());
  const byDate = judgedByDate(ledger.limit.unit);
  const compared = COMPARED[judgement.timeliness][byDate ? 'date' : 'instant'];
  const dueDate = slipDate(endDateOf(calendar, judgement.due));
  const due = byDate ? both(dueDate, dueDate) : instantLabel(calendar.timezone, judgement.due.getTime());
  const verdict = TIMELINESS[judgement.timeliness];
  const lines: Bilingual[] = [];
  if (judgement.atPause) {
    const from = instantLabel(calendar.timezone, judgement.end.getTime());
    lines.push(both(`Kết thúc ${ended.vi} khi đang tạm dừng: tính như kết thúc lúc bắt đầu tạm dừng, ${from.vi}.`, `Finished ${ended.en} while paused: judged as finishing when the pause began, ${from.en}.`));
  }
  const judged = instantLabel(calendar.timezone, judgement.end.getTime());
  lines.push(both(
    `Kết thúc ${judged.vi}: ${compared.vi} ${due.vi}${byDate ? '' : ' (so đến phút)'} → ${verdict.vi}.`,
    `Finished ${judged.en}: ${compared.en} ${due.en}${byDate ? '' : ' (to the minute)'} → ${verdict.en}.`,
  ));
  const used = durationLabel(clockConsumption(ledger, calendar, end).consumedMinutes * MINUTE_MS);
  lines.push(both(`Thời gian làm việc đã dùng: ${used.vi} (không kể thời gian tạm dừng).`, `Working time used: ${used.en} (pauses excluded).`));
  return lines;
}
