/**
 * Properties of the statutory clock over random calendars (periods, weekends, exceptions,
 * zones with and without DST), receipts, limits and pauses — including an independent
 * minute-by-minute model of the default calendar to check rules 1–3 against.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDayEntry, CalendarDayKind, type CalendarSnapshot, calendarSnapshot } from '../src/clock/calendar.js';
import { type TimeLimit, TimeLimitUnit, Timeliness } from '../src/clock/deadline.js';
import { explainClock } from '../src/clock/explain.js';
import { type ClockLedger, clockConsumption, judgeClock, pauseClock, PauseReason, resumeClock, startClock } from '../src/clock/ledger.js';
import { isoDate } from '../src/clock/zone.js';
import { PLAIN, VN_GOV } from './fixtures.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const FROM_2025 = Date.parse('2025-01-01T00:00:00+07:00');

type Pause = { from: number; to: number };

/** Runs a clock through the ledger: start, then each pause and resumption. */
function run(calendar: CalendarSnapshot, start: number, limit: TimeLimit, pauses: readonly Pause[]): ClockLedger {
  let ledger = startClock(calendar, { receivedAt: new Date(start), limit });
  for (const pause of pauses) {
    ledger = pauseClock(ledger, { at: new Date(pause.from), reason: PauseReason.SUPPLEMENT_REQUESTED });
    ledger = resumeClock(ledger, calendar, { at: new Date(pause.to) });
  }
  return ledger;
}

const dueOf = (ledger: ClockLedger) => ledger.dueAt!.getTime();

// ---- arbitraries ----

const periodsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 6 })
  .filter((points) => points.length % 2 === 0)
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    return Array.from({ length: sorted.length / 2 }, (_, i) => ({ start: sorted[2 * i] * 15, end: sorted[2 * i + 1] * 15 }));
  });

const exceptionsArb = fc
  .uniqueArray(fc.record({ offset: fc.integer({ min: 0, max: 760 }), kind: fc.constantFrom(...Object.values(CalendarDayKind)) }), { maxLength: 40, selector: (e) => e.offset })
  .map((entries): CalendarDayEntry[] => entries.map(({ offset, kind }) => ({ date: isoDate(Math.floor(Date.UTC(2025, 0, 1) / DAY) + offset), kind, note: null, source: null, inherited: false })));

const randomCalendarArb = fc
  .record({
    timezone: fc.constantFrom('Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/Paris'),
    workingPeriods: periodsArb,
    weekendDays: fc.subarray([1, 2, 3, 4, 5, 6, 7] as const, { maxLength: 3 }),
    days: exceptionsArb,
  })
  .map((rules) => calendarSnapshot({ calendarId: 'random', code: 'RANDOM', version: 1 }, rules));

const calendarArb = fc.oneof(fc.constant(PLAIN), fc.constant(VN_GOV), randomCalendarArb);

const limitArb: fc.Arbitrary<TimeLimit> = fc.oneof(
  fc.integer({ min: 1, max: 160 }).map((quarters) => ({ value: quarters / 4, unit: TimeLimitUnit.WORKING_HOURS })),
  fc.integer({ min: 1, max: 30 }).map((halves) => ({ value: halves / 2, unit: TimeLimitUnit.WORKING_DAYS })),
  fc.integer({ min: 1, max: 45 }).map((days) => ({ value: days, unit: TimeLimitUnit.CALENDAR_DAYS })),
  fc.constant({ value: 1, unit: TimeLimitUnit.SAME_DAY }),
);

/** A receipt instant (whole minutes) in 2025–2026. */
const startArb = fc.integer({ min: 0, max: 700 * 24 * 60 }).map((minutes) => FROM_2025 + minutes * MINUTE);

/** Minutes, often just a few (boundaries are where bugs live), else up to `max`. */
const minutesArb = (min: number, max: number) => fc.oneof(fc.integer({ min, max: min + 3 }), fc.integer({ min, max }));

/** Pauses after `start`, in order, not overlapping (possibly adjacent), from a minute to ten days long. */
function pausesArb(start: number): fc.Arbitrary<Pause[]> {
  return fc.array(fc.tuple(minutesArb(0, 5 * 24 * 60), minutesArb(1, 10 * 24 * 60)), { maxLength: 3 }).map((gaps) => {
    let cursor = start;
    return gaps.map(([gap, length]) => {
      const from = cursor + gap * MINUTE;
      cursor = from + length * MINUTE;
      return { from, to: cursor };
    });
  });
}

const clockArb = fc.record({ calendar: calendarArb, start: startArb, limit: limitArb }).chain((clock) => pausesArb(clock.start).map((pauses) => ({ ...clock, pauses })));

// ---- an independent model of the default calendar, minute by minute ----

/** Whether the minute starting at `instant` is working time in the default calendar (Vietnam, UTC+7 all year). */
function workingMinute(instant: number): boolean {
  const local = new Date(instant + 7 * 60 * MINUTE);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const weekday = local.getUTCDay();
  return weekday !== 0 && weekday !== 6 && ((minute >= 420 && minute < 690) || (minute >= 810 && minute < 1020));
}

/** Rules 1, 2 and 7 by brute force: the first working minute, then the end of the `budget`-th working minute outside the pauses. */
function modelDue(start: number, budgetMinutes: number, pauses: readonly Pause[]): { effectiveStart: number; dueAt: number } {
  const paused = (t: number) => pauses.some((p) => t >= p.from && t < p.to);
  let t = start;
  while (!workingMinute(t)) t += MINUTE;
  const effectiveStart = t;
  for (let left = budgetMinutes; left > 0; t += MINUTE) if (workingMinute(t) && !paused(t)) left--;
  return { effectiveStart, dueAt: t };
}

describe('properties of the statutory clock', () => {
  it('a calendar with no exceptions gives due = start + n × 8 working hours, pauses left out (against a minute-by-minute model)', () => {
    const arb = fc.record({ start: startArb, halves: fc.integer({ min: 1, max: 30 }) }).chain((c) => pausesArb(c.start).map((pauses) => ({ ...c, pauses })));
    fc.assert(fc.property(arb, ({ start, halves, pauses }) => {
      const days = halves / 2;
      const model = modelDue(start, days * 8 * 60, pauses);
      const byDays = run(PLAIN, start, { value: days, unit: TimeLimitUnit.WORKING_DAYS }, pauses);
      const byHours = run(PLAIN, start, { value: days * 8, unit: TimeLimitUnit.WORKING_HOURS }, pauses);
      expect(byDays.effectiveStart.getTime()).toBe(model.effectiveStart);
      expect(dueOf(byDays)).toBe(model.dueAt);
      expect(dueOf(byHours)).toBe(model.dueAt);
    }));
  });

  it('due never precedes the effective start, which never precedes the receipt', () => {
    fc.assert(fc.property(clockArb, ({ calendar, start, limit, pauses }) => {
      const ledger = run(calendar, start, limit, pauses);
      expect(ledger.effectiveStart.getTime()).toBeGreaterThanOrEqual(start);
      expect(dueOf(ledger)).toBeGreaterThanOrEqual(ledger.effectiveStart.getTime());
      expect(ledger.originalDueAt.getTime()).toBeGreaterThanOrEqual(ledger.effectiveStart.getTime());
    }));
  });

  it('adding a pause never makes due earlier', () => {
    fc.assert(fc.property(clockArb.filter((c) => c.pauses.length > 0), fc.nat(), ({ calendar, start, limit, pauses }, pick) => {
      const without = pauses.filter((_, i) => i !== pick % pauses.length);
      expect(dueOf(run(calendar, start, limit, pauses))).toBeGreaterThanOrEqual(dueOf(run(calendar, start, limit, without)));
    }));
  });

  it('splitting a pause into two adjacent pauses changes nothing', () => {
    const arb = clockArb.filter((c) => c.pauses.some((p) => p.to - p.from >= 2 * MINUTE));
    fc.assert(fc.property(arb, fc.nat(), fc.double({ min: 0.01, max: 0.99, noNaN: true }), ({ calendar, start, limit, pauses }, pick, fraction) => {
      const splittable = pauses.map((p, i) => [p, i] as const).filter(([p]) => p.to - p.from >= 2 * MINUTE);
      const [pause, index] = splittable[pick % splittable.length];
      const cut = pause.from + Math.max(1, Math.floor(((pause.to - pause.from) / MINUTE) * fraction)) * MINUTE;
      const split = [...pauses.slice(0, index), { from: pause.from, to: cut }, { from: cut, to: pause.to }, ...pauses.slice(index + 1)];
      const [whole, halves] = [run(calendar, start, limit, pauses), run(calendar, start, limit, split)];
      expect(dueOf(halves)).toBe(dueOf(whole));
      const probe = new Date(pause.to + DAY);
      expect(clockConsumption(halves, calendar, probe)).toEqual(clockConsumption(whole, calendar, probe));
    }));
  });

  it('working-time budgets: consumed plus remaining is the budget, and all of it is consumed exactly at the due instant', () => {
    const working = clockArb.filter((c) => c.limit.unit !== TimeLimitUnit.CALENDAR_DAYS);
    fc.assert(fc.property(working, fc.double({ min: 0, max: 1, noNaN: true }), ({ calendar, start, limit, pauses }, fraction) => {
      const ledger = run(calendar, start, limit, pauses);
      const probe = new Date(start + Math.floor((dueOf(ledger) - start) * fraction));
      const { consumedMinutes, remainingMinutes } = clockConsumption(ledger, calendar, probe);
      expect(consumedMinutes + remainingMinutes!).toBeCloseTo(ledger.budgetMinutes!, 6);
      expect(clockConsumption(ledger, calendar, ledger.dueAt!).consumedMinutes).toBeCloseTo(ledger.budgetMinutes!, 6);
    }));
  });

  it('finishing at the due instant is on time, a day later is late', () => {
    fc.assert(fc.property(clockArb, ({ calendar, start, limit, pauses }) => {
      const ledger = run(calendar, start, limit, pauses);
      expect(judgeClock(ledger, calendar, ledger.dueAt!).timeliness).toBe(Timeliness.ON_TIME);
      expect(judgeClock(ledger, calendar, new Date(dueOf(ledger) + DAY)).timeliness).toBe(Timeliness.LATE);
    }));
  });

  it('every clock can be explained, ending with its due line', () => {
    fc.assert(fc.property(clockArb, ({ calendar, start, limit, pauses }) => {
      const lines = explainClock(run(calendar, start, limit, pauses), calendar);
      expect(lines.every((line) => line.vi.length > 0 && line.en.length > 0)).toBe(true);
      expect(lines.some((line) => line.vi.startsWith('Hạn giải quyết: ') && line.en.startsWith('Due: '))).toBe(true);
    }), { numRuns: 50 });
  });

});
