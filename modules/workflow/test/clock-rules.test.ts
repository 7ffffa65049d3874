/**
 * The statutory clock's rules 1–7, table by table, on the plain default calendar (Mon–Fri
 * 07:00–11:30, 13:30–17:00), on VN-GOV (2025 holidays and swaps) and on other zones and hours;
 * then the ledger's refusals.
 */
import { AppError } from '@motcua/kernel/contract';
import { describe, expect, it } from 'vitest';
import { CalendarDayKind } from '../src/clock/calendar.js';
import { classifyTimeliness, type TimeLimit, TimeLimitUnit, Timeliness } from '../src/clock/deadline.js';
import { explainClock } from '../src/clock/explain.js';
import { extendClock, judgeClock, pauseClock, PauseReason, resumeClock, startClock } from '../src/clock/ledger.js';
import { previewClock } from '../src/clock/preview.js';
import { at, calendarWith, PLAIN, vn, VN_GOV } from './fixtures.js';

const { WORKING_HOURS, WORKING_DAYS, CALENDAR_DAYS, SAME_DAY } = TimeLimitUnit;
const limit = (value: number, unit: TimeLimitUnit): TimeLimit => ({ value, unit });
const SUPPLEMENT = PauseReason.SUPPLEMENT_REQUESTED;

/** Due instant of a preview, as Vietnamese wall time with offset. */
function due(calendar: typeof PLAIN, start: string, value: number, unit: TimeLimitUnit, pauses: Array<[string, string]> = []): string | null {
  const { ledger } = previewClock(calendar, { start: at(start), limit: limit(value, unit), pauses: pauses.map(([from, to]) => ({ from: at(from), to: at(to) })) });
  return vn(ledger.dueAt);
}

/** The bilingual refusal a function throws. */
function refusal(action: () => unknown): { code: string; field?: string; en: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, field: error.details.field, en: error.messages.en };
  }
  throw new Error('expected a refusal');
}

describe('rule 1: the effective start is the receipt moved forward into working time', () => {
  it.each([
    ['before opening', PLAIN, '2025-03-03 06:00', '2025-03-03T07:00:00+07:00'],
    ['at opening', PLAIN, '2025-03-03 07:00', '2025-03-03T07:00:00+07:00'],
    ['at the end of the morning (periods are half-open)', PLAIN, '2025-03-03 11:30', '2025-03-03T13:30:00+07:00'],
    ['during lunch', PLAIN, '2025-03-03 12:00', '2025-03-03T13:30:00+07:00'],
    ['a minute before closing', PLAIN, '2025-03-03 16:59', '2025-03-03T16:59:00+07:00'],
    ['at closing', PLAIN, '2025-03-03 17:00', '2025-03-04T07:00:00+07:00'],
    ['Friday evening', PLAIN, '2025-03-07 17:30', '2025-03-10T07:00:00+07:00'],
    ['Saturday', PLAIN, '2025-03-08 10:00', '2025-03-10T07:00:00+07:00'],
    ['Friday evening before a swapped working Saturday', VN_GOV, '2025-04-25 17:30', '2025-04-26T07:00:00+07:00'],
    ['Tuesday evening before 30/4, 1/5 and the swapped day off 2/5', VN_GOV, '2025-04-29 17:30', '2025-05-05T07:00:00+07:00'],
  ])('%s', (_name, calendar, received, effective) => {
    expect(vn(startClock(calendar, { receivedAt: at(received), limit: limit(1, WORKING_HOURS) }).effectiveStart)).toBe(effective);
  });
});

describe('rule 2: WORKING_HOURS', () => {
  it.each([
    ['ending exactly at the end of the morning gives 11:30, not 13:30', '2025-03-03 07:00', 4.5, '2025-03-03T11:30:00+07:00'],
    ['a whole day ends at closing', '2025-03-03 07:00', 8, '2025-03-03T17:00:00+07:00'],
    ['lunch is skipped', '2025-03-03 07:00', 4.75, '2025-03-03T13:45:00+07:00'],
    ['fractions of an hour', '2025-03-03 10:00', 0.5, '2025-03-03T10:30:00+07:00'],
    ['a quarter of an hour', '2025-03-03 07:00', 0.25, '2025-03-03T07:15:00+07:00'],
    ['over a weekend', '2025-03-07 16:00', 2, '2025-03-10T08:00:00+07:00'],
    ['from a Saturday receipt', '2025-03-08 09:00', 1, '2025-03-10T08:00:00+07:00'],
    ['a minute-level start', '2025-03-03 09:32', 1, '2025-03-03T10:32:00+07:00'],
  ])('%s', (_name, start, hours, expected) => {
    expect(due(PLAIN, start, hours, WORKING_HOURS)).toBe(expected);
  });

  it('leaves paused intervals out, and a pause outside working time changes nothing', () => {
    expect(due(PLAIN, '2025-03-03 07:00', 2, WORKING_HOURS, [['2025-03-03 08:00', '2025-03-03 08:30']])).toBe('2025-03-03T09:30:00+07:00');
    expect(due(PLAIN, '2025-03-03 07:00', 5, WORKING_HOURS, [['2025-03-03 11:30', '2025-03-03 13:30']])).toBe('2025-03-03T14:00:00+07:00');
  });
});

describe("rule 3: WORKING_DAYS = n × the calendar's standard day", () => {
  const shortDays = calendarWith({ workingPeriods: [{ start: 7 * 60 + 30, end: 11 * 60 + 30 }, { start: 13 * 60, end: 16 * 60 + 30 }] });
  it.each([
    ['one day from opening', PLAIN, '2025-03-03 07:00', 1, '2025-03-03T17:00:00+07:00'],
    ['half a day is 4 h', PLAIN, '2025-03-03 07:00', 0.5, '2025-03-03T11:00:00+07:00'],
    ['half a day from the afternoon', PLAIN, '2025-03-03 13:30', 0.5, '2025-03-04T07:30:00+07:00'],
    ['three days from Wednesday morning', PLAIN, '2025-03-05 10:00', 3, '2025-03-10T10:00:00+07:00'],
    ['a 7.5 h standard day (07:30–11:30, 13:00–16:30)', shortDays, '2025-03-03 07:30', 2, '2025-03-04T16:30:00+07:00'],
    ['Tết 2025 (27–31/01) is skipped', VN_GOV, '2025-01-24 08:00', 1, '2025-02-03T08:00:00+07:00'],
    ['Friday 02/01/2026 is a swapped day off', VN_GOV, '2025-12-31 08:00', 1, '2026-01-05T08:00:00+07:00'],
    ['Saturday 10/01/2026 is a swapped working day', VN_GOV, '2026-01-09 08:00', 1, '2026-01-10T08:00:00+07:00'],
  ])('%s', (_name, calendar, start, days, expected) => {
    expect(due(calendar, start, days, WORKING_DAYS)).toBe(expected);
  });
});

describe('rule 4: CALENDAR_DAYS', () => {
  it.each([
    ['15 days end at the close of the 15th day', VN_GOV, '2025-04-24 10:15', 15, [], '2025-05-09T17:00:00+07:00'],
    ['a swapped working Saturday is a working day', VN_GOV, '2025-04-24 10:15', 2, [], '2025-04-26T17:00:00+07:00'],
    ['holidays, a swapped day off and a weekend move it to Monday', VN_GOV, '2025-04-24 10:15', 6, [], '2025-05-05T17:00:00+07:00'],
    ['counted from the receipt date even outside working time', PLAIN, '2025-03-08 10:00', 1, [], '2025-03-10T17:00:00+07:00'],
    ['a one-hour pause counts as a whole day', PLAIN, '2025-03-03 08:00', 2, [['2025-03-04 10:00', '2025-03-04 11:00']], '2025-03-06T17:00:00+07:00'],
    ['a pause touching two dates counts two days', PLAIN, '2025-03-03 08:00', 2, [['2025-03-04 16:00', '2025-03-05 08:00']], '2025-03-07T17:00:00+07:00'],
    ['a pause ending at midnight does not touch the next date', PLAIN, '2025-03-03 08:00', 2, [['2025-03-04 16:00', '2025-03-05 00:00']], '2025-03-06T17:00:00+07:00'],
    ['dates touched by two pauses count once', PLAIN, '2025-03-03 08:00', 2, [['2025-03-04 08:00', '2025-03-04 09:00'], ['2025-03-04 14:00', '2025-03-04 15:00']], '2025-03-06T17:00:00+07:00'],
    ['example C as calendar days: 9 paused dates', VN_GOV, '2025-04-24 10:15', 15, [['2025-04-29 09:00', '2025-05-07 14:00']], '2025-05-19T17:00:00+07:00'],
    ['a pause after the due instant changes nothing', PLAIN, '2025-03-03 08:00', 2, [['2025-03-06 08:00', '2025-03-07 08:00']], '2025-03-05T17:00:00+07:00'],
  ] as const)('%s', (_name, calendar, start, days, pauses, expected) => {
    expect(due(calendar, start, days, CALENDAR_DAYS, [...pauses] as Array<[string, string]>)).toBe(expected);
  });
});

describe('rule 5: SAME_DAY', () => {
  it.each([
    ['started before 15:00: the close of that day', PLAIN, '2025-03-03 14:59', '2025-03-03T17:00:00+07:00'],
    ['started at 15:00: the close of the next working day', PLAIN, '2025-03-03 15:00', '2025-03-04T17:00:00+07:00'],
    ['received before opening', PLAIN, '2025-03-03 06:30', '2025-03-03T17:00:00+07:00'],
    ['received after closing: starts next morning, due that evening', PLAIN, '2025-03-03 17:30', '2025-03-04T17:00:00+07:00'],
    ['Friday afternoon after 15:00', PLAIN, '2025-03-07 16:00', '2025-03-10T17:00:00+07:00'],
    ['received on Saturday', PLAIN, '2025-03-08 10:00', '2025-03-10T17:00:00+07:00'],
    ['after 15:00 before a swapped working Saturday', VN_GOV, '2025-04-25 15:30', '2025-04-26T17:00:00+07:00'],
  ])('%s', (_name, calendar, start, expected) => {
    expect(due(calendar, start, 1, SAME_DAY)).toBe(expected);
  });

  it('is extended by a pause like a working-time budget', () => {
    expect(due(PLAIN, '2025-03-03 09:00', 1, SAME_DAY, [['2025-03-03 10:00', '2025-03-03 11:00']])).toBe('2025-03-04T08:00:00+07:00');
  });
});

describe('rule 6: timeliness at the granularity of the unit', () => {
  const midnight = calendarWith({ workingPeriods: [{ start: 20 * 60, end: 24 * 60 }] });
  it.each([
    ['days: an earlier date is early', PLAIN, WORKING_DAYS, '2023-11-02 16:00', '2023-11-03 09:32', Timeliness.EARLY],
    ['days: later on the due date is on time', PLAIN, WORKING_DAYS, '2023-11-03 16:59', '2023-11-03 09:32', Timeliness.ON_TIME],
    ['days: a later date is late', PLAIN, WORKING_DAYS, '2023-11-06 07:00', '2023-11-03 09:32', Timeliness.LATE],
    ['calendar days: the evening of the due date is on time', PLAIN, CALENDAR_DAYS, '2025-03-05 23:59', '2025-03-05 17:00', Timeliness.ON_TIME],
    ['same day: the next morning is late', PLAIN, SAME_DAY, '2025-03-04 07:00', '2025-03-03 17:00', Timeliness.LATE],
    ['hours: a second before the due minute is early', PLAIN, WORKING_HOURS, '2023-11-03 09:31:59', '2023-11-03 09:32', Timeliness.EARLY],
    ['hours: within the due minute is on time', PLAIN, WORKING_HOURS, '2023-11-03 09:32:40', '2023-11-03 09:32', Timeliness.ON_TIME],
    ['hours: the next minute is late', PLAIN, WORKING_HOURS, '2023-11-03 09:33', '2023-11-03 09:32', Timeliness.LATE],
    ['days: a due instant at 24:00 belongs to its own date', midnight, WORKING_DAYS, '2025-03-03 23:00', '2025-03-04 00:00', Timeliness.ON_TIME],
    ['days: so does an end at 24:00', midnight, WORKING_DAYS, '2025-03-04 00:00', '2025-03-04 00:00', Timeliness.ON_TIME],
  ])('%s', (_name, calendar, unit, end, dueAt, expected) => {
    expect(classifyTimeliness(calendar, unit, at(end), at(dueAt))).toBe(expected);
  });
});

describe('rule 7: pauses and the extension in the ledger', () => {
  const started = startClock(PLAIN, { receivedAt: at('2025-03-03 08:00'), limit: limit(2, WORKING_DAYS) });

  it('a pause after the due instant keeps the due instants known', () => {
    const late = pauseClock(started, { at: at('2025-03-06 08:00'), reason: PauseReason.WAITING_FOR_APPLICANT });
    expect(vn(late.dueAt)).toBe('2025-03-05T08:00:00+07:00');
    expect(explainClock(late, PLAIN).at(-1)!.en).toBe(
      'Paused from 08:00 Thursday 06/03/2025 to now (not resumed) (waiting for the applicant): after the due instant, so it changes nothing.',
    );
  });

  it('a clock that ends while paused is judged when the pause began, against the due instant it had then', () => {
    const paused = pauseClock(started, { at: at('2025-03-04 09:00'), reason: SUPPLEMENT });
    expect(judgeClock(paused, PLAIN, at('2025-04-30 10:00'))).toMatchObject({ atPause: true, timeliness: Timeliness.EARLY });
    expect(explainClock(paused, PLAIN).at(-1)!.vi).toBe(
      'Tạm dừng từ 09:00 thứ Ba 04/03/2025 (yêu cầu bổ sung hồ sơ), chưa tiếp tục: đã tính 9 giờ, còn lại 7 giờ; hạn giải quyết sẽ tính lại khi tiếp tục.',
    );
  });

  it('a calendar-day clock paused before its due instant says what the due instant was and what will move it', () => {
    const days = startClock(PLAIN, { receivedAt: at('2025-03-03 08:00'), limit: limit(10, CALENDAR_DAYS) });
    const paused = pauseClock(days, { at: at('2025-03-05 09:00'), reason: PauseReason.FINANCIAL_OBLIGATION });
    expect(paused.dueAt).toBeNull();
    expect(explainClock(paused, PLAIN).at(-1)!.vi).toBe(
      'Tạm dừng từ 09:00 thứ Tư 05/03/2025 (chờ thực hiện nghĩa vụ tài chính), chưa tiếp tục: hạn trước khi tạm dừng là 17:00 thứ Năm 13/03/2025, sẽ lùi thêm số ngày lịch tạm dừng khi tiếp tục.',
    );
  });

  it('a pause after an extension pushes the appointment only past the statutory due instant', () => {
    const extended = extendClock(started, { requestedAt: at('2025-03-03 09:00'), dueAt: at('2025-03-05 17:00') });
    const shortPause = resumeClock(pauseClock(extended, { at: at('2025-03-03 10:00'), reason: SUPPLEMENT }), PLAIN, { at: at('2025-03-03 11:00') });
    expect([vn(shortPause.statutoryDueAt), vn(shortPause.dueAt)]).toEqual(['2025-03-05T09:00:00+07:00', '2025-03-05T17:00:00+07:00']);
    const longPause = resumeClock(pauseClock(extended, { at: at('2025-03-03 10:00'), reason: SUPPLEMENT }), PLAIN, { at: at('2025-03-10 10:00') });
    expect([vn(longPause.statutoryDueAt), vn(longPause.dueAt)]).toEqual(['2025-03-12T08:00:00+07:00', '2025-03-12T08:00:00+07:00']);
  });

  it.each([
    ['pausing twice', () => pauseClock(pauseClock(started, { at: at('2025-03-03 09:00'), reason: SUPPLEMENT }), { at: at('2025-03-03 10:00'), reason: SUPPLEMENT }), 'pauses', /already paused/],
    ['resuming a running clock', () => resumeClock(started, PLAIN, { at: at('2025-03-03 09:00') }), 'pauses', /not paused/],
    ['a pause before receipt', () => pauseClock(started, { at: at('2025-03-03 07:00'), reason: SUPPLEMENT }), 'pauses', /after receipt/],
    ['a pause ending when it began', () => resumeClock(pauseClock(started, { at: at('2025-03-03 09:00'), reason: SUPPLEMENT }), PLAIN, { at: at('2025-03-03 09:00') }), 'pauses', /end after it begins/],
    ['an extension while paused', () => extendClock(pauseClock(started, { at: at('2025-03-03 09:00'), reason: SUPPLEMENT }), { requestedAt: at('2025-03-03 10:00'), dueAt: at('2025-03-10 17:00') }), 'extension', /paused/],
    ['an extension that is not later', () => extendClock(started, { requestedAt: at('2025-03-03 10:00'), dueAt: at('2025-03-04 17:00') }), 'extension', /later/],
    ['an end before receipt', () => judgeClock(started, PLAIN, at('2025-03-03 07:59')), 'end', /after receipt/],
  ])('refuses %s', (_name, action, field, message) => {
    const error = refusal(action);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.en).toMatch(message);
  });

  it('refuses to resume on another calendar version than the one it started with', () => {
    const paused = pauseClock(started, { at: at('2025-03-03 09:00'), reason: SUPPLEMENT });
    expect(() => resumeClock(paused, { ...PLAIN, version: 2 }, { at: at('2025-03-03 10:00') })).toThrow(/v1, given plain v2/);
  });
});

describe('time limits', () => {
  it.each([
    ['zero', limit(0, WORKING_DAYS), /greater than 0/],
    ['negative', limit(-1, WORKING_HOURS), /greater than 0/],
    ['not a number', limit(Number.NaN, WORKING_HOURS), /greater than 0/],
    ['a fraction of a calendar day', limit(1.5, CALENDAR_DAYS), /whole number/],
    ['SAME_DAY other than 1', limit(2, SAME_DAY), /value 1/],
    ['more than about five years', limit(2000, WORKING_DAYS), /at most 1250/],
  ])('refuses %s', (_name, badLimit, message) => {
    const error = refusal(() => startClock(PLAIN, { receivedAt: at('2025-03-03 08:00'), limit: badLimit }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(error.en).toMatch(message);
  });

  it('refuses a calendar with no working day in a year', () => {
    const holidays = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10))
      .map((date) => ({ date, kind: CalendarDayKind.HOLIDAY, note: null, source: null, inherited: false }));
    expect(refusal(() => startClock(calendarWith({ days: holidays }), { receivedAt: at('2025-01-01 08:00'), limit: limit(1, WORKING_HOURS) }))).toMatchObject({ field: 'calendarId' });
  });
});

describe('time zones other than Vietnam', () => {
  const newYork = calendarWith({ timezone: 'America/New_York' });

  it('counts working hours across a daylight-saving change in the local wall time', () => {
    const { ledger } = previewClock(newYork, { start: new Date('2025-03-07T16:00:00-05:00'), limit: limit(2, WORKING_HOURS) });
    expect(ledger.dueAt!.toISOString()).toBe('2025-03-10T12:00:00.000Z'); // Monday 08:00 EDT (UTC−4)
  });

  it('explains in the calendar zone', () => {
    const { explanation } = previewClock(newYork, { start: new Date('2025-03-07T16:00:00-05:00'), limit: limit(2, WORKING_HOURS) });
    expect(explanation.at(-1)!.en).toBe('Due: 08:00 Monday 10/03/2025.');
  });
});
