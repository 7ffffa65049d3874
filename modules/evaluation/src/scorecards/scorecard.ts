import type { Counters } from '../facts/counters.js';

/** Weights of the composite score's components (any non-negative numbers; they are normalised). */
export interface CompositeWeights {
  timeliness: number;
  supplements: number;
  satisfaction: number;
  complaints: number;
}

export const DEFAULT_COMPOSITE_WEIGHTS: CompositeWeights = { timeliness: 0.5, supplements: 0.15, satisfaction: 0.25, complaints: 0.1 };

/** The figures of a scorecard for one officer, unit or agency over a period. */
export interface ScorecardFigures {
  /** Steps handled (early + on time + late). */
  stepsHandled: number;
  stepsEarly: number;
  stepsOnTime: number;
  stepsLate: number;
  received: number;
  done: number;
  doneEarly: number;
  doneOnTime: number;
  doneLate: number;
  /** Early + on-time share of handled steps (0–1), null with no step. */
  onTimeRate: number | null;
  supplementRequests: number;
  /** Supplement requests per handled step, null with no step. */
  supplementRate: number | null;
  ratings: number;
  /** Mean rating 1–5, null without ratings. */
  averageSatisfaction: number | null;
  complaints: number;
  apologies: number;
  /** Composite 0–100 (null when no component applies) and how it was computed. */
  composite: number | null;
  compositeFormula: string;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The composite's components as 0–1 values, null when they do not apply (no steps, no ratings). */
function components(c: Counters): Record<keyof CompositeWeights, number | null> {
  const steps = c.stepsEarly + c.stepsOnTime + c.stepsLate;
  return {
    // Early counts fully, on time counts fully too: the law rewards both (criterion 2 gives 1 or 2).
    timeliness: ratio(c.stepsEarly + c.stepsOnTime, steps),
    supplements: steps ? Math.max(0, 1 - c.supplementRequests / steps) : null,
    satisfaction: c.ratings ? (c.satisfactionSum / c.ratings - 1) / 4 : null,
    complaints: steps ? Math.max(0, 1 - c.complaints / steps) : null,
  };
}

/**
 * The composite formula as text, e.g. for the scorecard page.
 *
 * @example
 * compositeFormula(DEFAULT_COMPOSITE_WEIGHTS)
 * // '100 × (0.5 × onTimeRate + 0.15 × (1 − supplementRate) + 0.25 × (avgSatisfaction − 1) / 4 + 0.1 × (1 − complaints / steps)) / (sum of weights of applicable terms)'
 */
export function compositeFormula(w: CompositeWeights): string {
  return `100 × (${w.timeliness} × onTimeRate + ${w.supplements} × (1 − supplementRate) + ${w.satisfaction} × (avgSatisfaction − 1) / 4`
    + ` + ${w.complaints} × (1 − complaints / steps)) / (sum of weights of applicable terms)`;
}

/**
 * A scorecard from summed counters: counts, rates and the composite 0–100. A component that
 * does not apply (no ratings yet) leaves the composite and its weight leaves the divisor.
 *
 * @example
 * scorecard(sumCounters(rows)).composite // 87.5
 */
export function scorecard(c: Counters, weights: CompositeWeights = DEFAULT_COMPOSITE_WEIGHTS): ScorecardFigures {
  const steps = c.stepsEarly + c.stepsOnTime + c.stepsLate;
  const parts = components(c);
  let weighted = 0;
  let weightSum = 0;
  for (const key of Object.keys(weights) as (keyof CompositeWeights)[]) {
    if (parts[key] === null || weights[key] <= 0) continue;
    weighted += weights[key] * parts[key]!;
    weightSum += weights[key];
  }
  const supplementRate = ratio(c.supplementRequests, steps);
  const onTimeRate = ratio(c.stepsEarly + c.stepsOnTime, steps);
  const average = ratio(c.satisfactionSum, c.ratings);
  return {
    stepsHandled: steps, stepsEarly: c.stepsEarly, stepsOnTime: c.stepsOnTime, stepsLate: c.stepsLate,
    received: c.received, done: c.doneEarly + c.doneOnTime + c.doneLate, doneEarly: c.doneEarly, doneOnTime: c.doneOnTime, doneLate: c.doneLate,
    onTimeRate: onTimeRate === null ? null : round(onTimeRate), supplementRequests: c.supplementRequests,
    supplementRate: supplementRate === null ? null : round(supplementRate), ratings: c.ratings,
    averageSatisfaction: average === null ? null : round(average, 2), complaints: c.complaints, apologies: c.apologies,
    composite: weightSum ? round((100 * weighted) / weightSum, 2) : null, compositeFormula: compositeFormula(weights),
  };
}
