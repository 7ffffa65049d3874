/**
 * The source of "now" for everything that reasons about time. Inject it; never call
 * `new Date()` in domain code, so tests and the pre-publish simulator can run on a
 * virtual clock.
 *
 * @example
 * const clock = new FixedClock(new Date('2025-04-25T08:00:00+07:00'));
 * clock.advance(60_000);
 */
export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
