import type { Counters } from '../facts/counters.js';
import type { Measures } from './formulas.js';

/**
 * The 766 measures this module derives from its own aggregates of an agency and period.
 * `dossiersNegative` counts the negative signals of indicator 5.4: "dislike" ratings (1–2)
 * and counted complaints.
 */
export function measuresFromCounters(c: Counters): Measures {
  return {
    dossiersReceived: c.received,
    dossiersReceivedOnline: c.receivedOnline,
    dossiersDone: c.doneEarly + c.doneOnTime + c.doneLate,
    dossiersDoneInTime: c.doneEarly + c.doneOnTime,
    dossiersLate: c.doneLate,
    dossiersNegative: c.ratingsDissatisfied + c.complaints,
  };
}
