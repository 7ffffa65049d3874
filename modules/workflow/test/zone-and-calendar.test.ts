/**
 * Building blocks: time-zone arithmetic, ISO-8601 instants in and out, dates, and the checks
 * on a calendar's rules, each refusal with a typed bilingual error.
 */
import { AppError } from '@motcua/kernel/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, DayStatus, parseClockTime, parseWorkingPeriods, validWeekendDays } from '../src/clock/calendar.js';
import { DAY_MS, fromLocal, isoDay, isoInstant, offsetAt, toLocal, validTimeZone, weekdayOf } from '../src/clock/zone.js';
import { parseInstant } from '../src/shared/date-time.scalar.js';
import { VN_GOV } from './fixtures.js';

/** The field and both messages of the AppError an action throws. */
function refusal(action: () => unknown): { field?: string; vi: string; en: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('BAD_USER_INPUT');
    return { field: error.details.field, ...error.messages };
  }
  throw new Error('expected a refusal');
}

describe('time zones', () => {
  it.each([
    ['Asia/Ho_Chi_Minh', '2025-04-24T03:15:00Z', 7 * 60],
    ['Asia/Ho_Chi_Minh', '1990-01-01T00:00:00Z', 7 * 60],
    ['UTC', '2025-04-24T03:15:00Z', 0],
    ['America/New_York', '2025-03-07T12:00:00Z', -5 * 60],
    ['America/New_York', '2025-03-10T12:00:00Z', -4 * 60],
    ['Asia/Kathmandu', '2025-01-01T00:00:00Z', 5 * 60 + 45],
  ])('%s is %i minutes from UTC at %s', (zone, instant, minutes) => {
    expect(offsetAt(zone, Date.parse(instant))).toBe(minutes * 60_000);
  });

  it('an instant read as wall time converts back to an instant with that wall time (the same instant outside DST overlaps)', () => {
    const zones = ['Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Europe/Paris', 'Asia/Kathmandu'];
    fc.assert(fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 200 * 365 * 24 * 60 }), (zone, minutes) => {
      const instant = Date.UTC(1950, 0, 1) + minutes * 60_000;
      const local = toLocal(zone, instant);
      expect(local.ms).toBeGreaterThanOrEqual(0);
      expect(local.ms).toBeLessThan(DAY_MS);
      const back = fromLocal(zone, local.day, local.ms);
      expect(toLocal(zone, back)).toEqual(local);
      if (zone === 'Asia/Ho_Chi_Minh') expect(back).toBe(instant);
    }));
  });

  it('writes instants with the offset of the zone', () => {
    expect(isoInstant('Asia/Ho_Chi_Minh', Date.parse('2025-05-05T03:15:00Z'))).toBe('2025-05-05T10:15:00+07:00');
    expect(isoInstant('America/New_York', Date.parse('2025-03-10T12:00:00.250Z'))).toBe('2025-03-10T08:00:00.250-04:00');
    expect(isoInstant('UTC', Date.parse('2025-03-10T12:00:00Z'))).toBe('2025-03-10T12:00:00Z');
  });

  it('refuses unknown zones', () => {
    expect(refusal(() => validTimeZone('Asia/Hanoi_City'))).toMatchObject({ field: 'timezone', en: 'Invalid input: unknown time zone: Asia/Hanoi_City' });
  });
});

describe('dates', () => {
  it('numbers local dates from 1970-01-01, a Thursday', () => {
    expect(isoDay('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(isoDay('2025-04-26'))).toBe(6);
    expect(weekdayOf(isoDay('1969-12-28'))).toBe(7);
    expect(isoDay('2024-02-29')).toBe(isoDay('2024-02-28') + 1);
  });

  it.each(['2025-02-29', '2025-4-1', '2025-04-31', '25-04-01', '2025/04/01', ''])('refuses %j', (text) => {
    expect(refusal(() => isoDay(text))).toMatchObject({ field: 'date' });
  });

  it('knows the status of VN-GOV dates', () => {
    const status = (date: string) => calendarDate(VN_GOV, isoDay(date)).status;
    expect([status('2025-04-25'), status('2025-04-26'), status('2025-04-27'), status('2025-04-30'), status('2025-05-02')])
      .toEqual([DayStatus.WORKING, DayStatus.WORKING_DAY, DayStatus.WEEKEND, DayStatus.HOLIDAY, DayStatus.DAY_OFF]);
    expect(calendarDate(VN_GOV, isoDay('2025-04-26')).intervals.map((i) => [i.start, i.end].map((t) => isoInstant(VN_GOV.timezone, t))))
      .toEqual([['2025-04-26T07:00:00+07:00', '2025-04-26T11:30:00+07:00'], ['2025-04-26T13:30:00+07:00', '2025-04-26T17:00:00+07:00']]);
  });
});

describe('DateTime inputs', () => {
  it.each([
    ['2025-04-24T10:15:00+07:00', '2025-04-24T03:15:00.000Z'],
    ['2025-04-24T10:15+07:00', '2025-04-24T03:15:00.000Z'],
    ['2025-04-24T03:15:00Z', '2025-04-24T03:15:00.000Z'],
    ['2025-04-24T03:15:00.5Z', '2025-04-24T03:15:00.500Z'],
    ['2025-03-07T16:00:00-05:00', '2025-03-07T21:00:00.000Z'],
  ])('reads %s', (text, utc) => {
    expect(parseInstant(text).toISOString()).toBe(utc);
  });

  it.each(['2025-04-24T10:15:00', '2025-04-24', '2025-02-30T10:00:00+07:00', '2025-04-24T24:10:00+07:00', '2025-04-24T10:15:00+15:00', 'tomorrow', 42])(
    'refuses %j, with a bilingual message',
    (text) => {
      const error = refusal(() => parseInstant(text));
      expect(error.field).toBe('DateTime');
      expect(error.vi).toMatch(/có múi giờ/);
      expect(error.en).toMatch(/with an offset/);
    },
  );
});

describe('calendar rules', () => {
  it('reads working periods', () => {
    expect(parseWorkingPeriods([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '24:00' }])).toEqual([{ start: 420, end: 690 }, { start: 810, end: 1440 }]);
    expect(parseClockTime('00:00')).toBe(0);
  });

  it.each([
    ['no period', [], /at least one/],
    ['a time without two digits', [{ start: '7:00', end: '11:30' }], /HH:MM/],
    ['an hour past 24', [{ start: '07:00', end: '25:00' }], /HH:MM/],
    ['24 with minutes', [{ start: '07:00', end: '24:30' }], /HH:MM/],
    ['a period ending before it starts', [{ start: '11:30', end: '07:00' }], /start before it ends/],
    ['an empty period', [{ start: '07:00', end: '07:00' }], /start before it ends/],
    ['overlapping periods', [{ start: '07:00', end: '12:00' }, { start: '11:30', end: '17:00' }], /must not overlap/],
    ['periods out of order', [{ start: '13:30', end: '17:00' }, { start: '07:00', end: '11:30' }], /in order/],
  ])('refuses %s', (_name, periods, message) => {
    const error = refusal(() => parseWorkingPeriods(periods));
    expect(error.field).toBe('workingPeriods');
    expect(error.en).toMatch(message);
  });

  it('reads weekend days and refuses impossible ones', () => {
    expect(validWeekendDays([7, 6, 6])).toEqual([6, 7]);
    expect(validWeekendDays([])).toEqual([]);
    for (const bad of [[0], [8], [1, 2, 3, 4, 5, 6, 7], [1.5]]) expect(refusal(() => validWeekendDays(bad)).field).toBe('weekendDays');
  });
});
