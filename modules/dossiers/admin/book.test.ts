import { describe, expect, it } from 'vitest';
import { currentMonthInVietnam, instantsOf } from './book';

describe('the tracking book period', () => {
  it.each([
    ['mid-month', '2026-11-26T12:00:00Z', { first: '2026-11-01', last: '2026-11-30' }],
    ['already the 1st in Hà Nội while still the 30th in UTC', '2026-11-30T17:00:00Z', { first: '2026-12-01', last: '2026-12-31' }],
    ['the last minute of the month in Hà Nội', '2026-11-30T16:59:00Z', { first: '2026-11-01', last: '2026-11-30' }],
    ['February of a leap year', '2028-02-10T00:00:00Z', { first: '2028-02-01', last: '2028-02-29' }],
  ])('the current month, %s', (_name, now, expected) => expect(currentMonthInVietnam(new Date(now))).toEqual(expected));

  it.each([
    ['a month', { first: '2026-03-01', last: '2026-03-31' }, { from: '2026-03-01T00:00:00+07:00', to: '2026-04-01T00:00:00+07:00' }],
    ['one day', { first: '2026-03-02', last: '2026-03-02' }, { from: '2026-03-02T00:00:00+07:00', to: '2026-03-03T00:00:00+07:00' }],
    ['across the new year', { first: '2026-12-15', last: '2026-12-31' }, { from: '2026-12-15T00:00:00+07:00', to: '2027-01-01T00:00:00+07:00' }],
  ])('the API range of %s: the midnight after the last day, exclusive', (_name, range, expected) => expect(instantsOf(range)).toEqual(expected));
});
