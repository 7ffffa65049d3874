import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../src/clock/clock.js';
import { backoffMs } from '../src/db/polling-worker.js';

const HOUR = 3_600_000;

describe('backoffMs', () => {
  it.each([
    [0, 1_000, 1_000],
    [1, 1_000, 1_000],
    [2, 1_000, 2_000],
    [3, 1_000, 4_000],
    [10, 1_000, 512_000],
    [12, 1_000, 2_048_000],
    [13, 1_000, HOUR], // 4 096 000 capped
    [1, 5_000, 5_000],
    [4, 5_000, 40_000],
    [5_000, 5_000, HOUR], // no overflow to Infinity or NaN
  ])('attempt %i with base %i ms → %i ms', (attempt, base, expected) => {
    expect(backoffMs(attempt, base)).toBe(expected);
  });

  it('doubles each attempt until the cap, never decreases and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 1, max: 10 * HOUR }), (attempt, base, cap) => {
        const now = backoffMs(attempt, base, cap);
        const next = backoffMs(attempt + 1, base, cap);
        expect(Number.isFinite(now)).toBe(true);
        expect(next).toBeGreaterThanOrEqual(now);
        expect(next).toBeLessThanOrEqual(cap);
        expect(next).toBe(Math.min(cap, 2 * now));
      }),
    );
  });
});

describe('FixedClock', () => {
  it('moves only when told to, and hands out copies', () => {
    const clock = new FixedClock(new Date('2026-01-05T01:00:00Z'));
    const seen = clock.now();
    seen.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-01-05T01:01:30.000Z');
    const instant = new Date('2027-02-03T04:05:06Z');
    clock.set(instant);
    instant.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2027-02-03T04:05:06.000Z');
  });
});
