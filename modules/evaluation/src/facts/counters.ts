import type { DossierFact, Timeliness } from './dossier-fact.js';

/**
 * The counters kept per (agency, unit, officer, procedure, day). Every score and index reads
 * sums of these, so they are the only state the incremental path must get right.
 */
export interface Counters {
  received: number;
  receivedOnline: number;
  stepsEarly: number;
  stepsOnTime: number;
  stepsLate: number;
  supplementRequests: number;
  supplementsReceived: number;
  apologies: number;
  doneEarly: number;
  doneOnTime: number;
  doneLate: number;
  returned: number;
  ratings: number;
  satisfactionSum: number;
  /** Ratings of 4 or 5 (hài lòng, rất hài lòng). */
  ratingsSatisfied: number;
  /** Ratings of 1 or 2 (không hài lòng, rất không hài lòng): the 766 "dislike". */
  ratingsDissatisfied: number;
  /** Complaints still counted (filed minus dismissed as untrue). */
  complaints: number;
}

export const COUNTER_NAMES = [
  'received', 'receivedOnline', 'stepsEarly', 'stepsOnTime', 'stepsLate', 'supplementRequests', 'supplementsReceived', 'apologies',
  'doneEarly', 'doneOnTime', 'doneLate', 'returned', 'ratings', 'satisfactionSum', 'ratingsSatisfied', 'ratingsDissatisfied', 'complaints',
] as const satisfies readonly (keyof Counters)[];

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as unknown as Counters;
}

const BY_TIMELINESS = {
  step: { EARLY: 'stepsEarly', ON_TIME: 'stepsOnTime', LATE: 'stepsLate' },
  done: { EARLY: 'doneEarly', ON_TIME: 'doneOnTime', LATE: 'doneLate' },
} as const satisfies Record<string, Record<Timeliness, keyof Counters>>;

/**
 * What one fact adds to its row's counters (a dismissed complaint subtracts one).
 *
 * @example
 * counterDelta({ kind: 'RATED', satisfaction: 5, ... }) // { ratings: 1, satisfactionSum: 5, ratingsSatisfied: 1 }
 */
export function counterDelta(fact: DossierFact): Partial<Counters> {
  switch (fact.kind) {
    case 'RECEIVED': return fact.online ? { received: 1, receivedOnline: 1 } : { received: 1 };
    case 'STEP_COMPLETED': return { [BY_TIMELINESS.step[fact.timeliness]]: 1 };
    case 'SUPPLEMENT_REQUESTED': return { supplementRequests: 1 };
    case 'SUPPLEMENT_RECEIVED': return { supplementsReceived: 1 };
    case 'APOLOGY_ISSUED': return { apologies: 1 };
    case 'DONE': return { [BY_TIMELINESS.done[fact.timeliness]]: 1 };
    case 'RETURNED': return { returned: 1 };
    case 'RATED': return {
      ratings: 1, satisfactionSum: fact.satisfaction,
      ...(fact.satisfaction >= 4 ? { ratingsSatisfied: 1 } : fact.satisfaction <= 2 ? { ratingsDissatisfied: 1 } : {}),
    };
    case 'COMPLAINT': return { complaints: 1 };
    case 'COMPLAINT_DISMISSED': return { complaints: -1 };
  }
}

/** Adds counters (and partial deltas) into `into`, returning it. */
export function addCounters(into: Counters, delta: Partial<Counters>): Counters {
  for (const name of COUNTER_NAMES) into[name] += delta[name] ?? 0;
  return into;
}

/** Sums counter rows (e.g. the daily rows of a period). */
export function sumCounters(rows: Iterable<Partial<Counters>>): Counters {
  const total = zeroCounters();
  for (const row of rows) addCounters(total, row);
  return total;
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000; // Asia/Ho_Chi_Minh has no daylight saving time

/**
 * The local date (Asia/Ho_Chi_Minh) of an instant, `YYYY-MM-DD`: the day a fact counts on.
 *
 * @example
 * vietnamDay('2025-11-02T18:30:00Z') // '2025-11-03'
 */
export function vietnamDay(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
