import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDay } from './queries';
import { monthGrid, statusOf, weekdayOf, workingDaysIn } from './year';

const WEEKEND = ['SATURDAY', 'SUNDAY'] as const;
const exception = (date: string, kind: CalendarDay['kind']): [string, CalendarDay] => [date, { date, kind, note: null, source: null, inherited: false, weekday: 'MONDAY' }];

describe('year view', () => {
  it.each([
    ['2025-04-26', 2025, 4, 26, 'SATURDAY'],
    ['2025-05-02', 2025, 5, 2, 'FRIDAY'],
    ['2026-02-17', 2026, 2, 17, 'TUESDAY'],
    ['2024-02-29', 2024, 2, 29, 'THURSDAY'],
  ] as const)('%s is a %s', (_date, year, month, day, weekday) => {
    expect(weekdayOf(year, month, day)).toBe(weekday);
  });

  it('lays a month out in weeks from Monday', () => {
    const april = monthGrid(2025, 4);
    expect(april[0].slice(0, 2)).toEqual([null, { date: '2025-04-01', day: 1, weekday: 'TUESDAY' }]);
    expect(april.every((week) => week.length === 7)).toBe(true);
    expect(april.flat().filter(Boolean)).toHaveLength(30);
  });

  it('for any year, the twelve grids hold every date once, each in its weekday column', () => {
    fc.assert(fc.property(fc.integer({ min: 1950, max: 2150 }), (year) => {
      const dates = Array.from({ length: 12 }, (_, m) => monthGrid(year, m + 1)).flatMap((grid) =>
        grid.flatMap((week) => week.map((cell, column) => {
          if (cell) expect(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'][column]).toBe(cell.weekday);
          return cell?.date;
        }).filter(Boolean)));
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      expect(new Set(dates).size).toBe(leap ? 366 : 365);
      expect(dates).toHaveLength(leap ? 366 : 365);
    }), { numRuns: 50 });
  });

  it('an exception overrides the weekly pattern', () => {
    const exceptions = new Map([exception('2025-04-26', 'WORKING_DAY'), exception('2025-05-02', 'DAY_OFF'), exception('2025-04-30', 'HOLIDAY')]);
    const cell = (date: string) => ({ date, day: Number(date.slice(8)), weekday: weekdayOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))) });
    expect(statusOf(cell('2025-04-26'), WEEKEND, exceptions)).toBe('WORKING_DAY');
    expect(statusOf(cell('2025-04-27'), WEEKEND, exceptions)).toBe('WEEKEND');
    expect(statusOf(cell('2025-04-30'), WEEKEND, exceptions)).toBe('HOLIDAY');
    expect(statusOf(cell('2025-05-02'), WEEKEND, exceptions)).toBe('DAY_OFF');
    expect(statusOf(cell('2025-05-05'), WEEKEND, exceptions)).toBe('WORKING');
  });

  it('counts working days: 261 weekdays in 2025, one more per swapped working day, one less per weekday off', () => {
    expect(workingDaysIn(2025, WEEKEND, new Map())).toBe(261);
    const exceptions = new Map([exception('2025-04-26', 'WORKING_DAY'), exception('2025-05-02', 'DAY_OFF'), exception('2025-04-30', 'HOLIDAY')]);
    expect(workingDaysIn(2025, WEEKEND, exceptions)).toBe(261 + 1 - 2);
  });
});
