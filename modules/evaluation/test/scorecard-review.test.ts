/**
 * Scorecard figures and the composite 0–100 (formula shown as text), and the periodic review's
 * weighted combination mapped, as advice, to the four civil-servant grades.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumCounters } from '../src/facts/counters.js';
import { advisedGrade, combineReview, DEFAULT_REVIEW_WEIGHTS, type ReviewScores } from '../src/reviews/combine.js';
import { compositeFormula, DEFAULT_COMPOSITE_WEIGHTS, scorecard } from '../src/scorecards/scorecard.js';

describe('scorecard', () => {
  it('counts, rates and the composite of an officer with steps and ratings', () => {
    const card = scorecard(sumCounters([
      { stepsEarly: 6, stepsOnTime: 2, stepsLate: 2, supplementRequests: 1, ratings: 4, satisfactionSum: 18, complaints: 1 },
    ]));
    expect(card).toMatchObject({
      stepsHandled: 10, stepsEarly: 6, stepsOnTime: 2, stepsLate: 2, onTimeRate: 0.8, supplementRate: 0.1,
      ratings: 4, averageSatisfaction: 4.5, complaints: 1,
      // 100 × (0.5×0.8 + 0.15×0.9 + 0.25×0.875 + 0.1×0.9) / 1
      composite: 84.38,
    });
    expect(card.compositeFormula).toBe(compositeFormula(DEFAULT_COMPOSITE_WEIGHTS));
    expect(card.compositeFormula).toMatch(/^100 × \(0\.5 × onTimeRate \+ 0\.15 × \(1 − supplementRate\)/);
  });

  it('leaves out components that do not apply and renormalises the weights', () => {
    const card = scorecard(sumCounters([{ stepsEarly: 3, stepsLate: 1 }]));
    // no ratings: (0.5×0.75 + 0.15×1 + 0.1×1) / 0.75
    expect(card).toMatchObject({ averageSatisfaction: null, composite: 83.33 });
    expect(scorecard(sumCounters([])).composite).toBeNull();
  });

  it('the composite stays within 0–100 for any counters', () => {
    fc.assert(fc.property(
      fc.record({ stepsEarly: fc.nat(50), stepsOnTime: fc.nat(50), stepsLate: fc.nat(50), supplementRequests: fc.nat(200), ratings: fc.nat(20), complaints: fc.nat(200) }),
      fc.double({ min: 1, max: 5, noNaN: true }),
      (c, mean) => {
        const composite = scorecard(sumCounters([{ ...c, satisfactionSum: c.ratings * mean }])).composite;
        if (composite !== null) expect(composite).toBeGreaterThanOrEqual(0);
        if (composite !== null) expect(composite).toBeLessThanOrEqual(100);
      },
    ));
  });
});

describe('periodic review', () => {
  it('combines the four dimensions with the default weights', () => {
    expect(combineReview({ automatic: 80, citizen: 90, self: 100, superior: 85 })).toEqual({
      combined: 85.5, advisedGrade: 'GOOD', usedWeights: DEFAULT_REVIEW_WEIGHTS,
    });
  });

  it('renormalises when a dimension is missing', () => {
    expect(combineReview({ automatic: 90, citizen: null, self: null, superior: 100 })).toMatchObject({
      combined: 94.29, advisedGrade: 'EXCELLENT', usedWeights: { automatic: 0.571429, superior: 0.428571 },
    });
    expect(combineReview({ automatic: null, citizen: null, self: null, superior: null })).toEqual({ combined: null, advisedGrade: null, usedWeights: {} });
  });

  it('uses configurable weights', () => {
    expect(combineReview({ automatic: 40, citizen: 60, self: 100, superior: 100 }, { automatic: 1, citizen: 1, self: 0, superior: 0 }).combined).toBe(50);
  });

  it.each([[100, 'EXCELLENT'], [90, 'EXCELLENT'], [89.99, 'GOOD'], [70, 'GOOD'], [69.99, 'COMPLETED'], [50, 'COMPLETED'], [49.99, 'NOT_COMPLETED'], [0, 'NOT_COMPLETED']])(
    'a combined %s advises %s', (score, grade) => {
      expect(advisedGrade(score)).toBe(grade);
    },
  );

  it('the combined score lies between the lowest and highest dimension given', () => {
    const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(fc.property(fc.record({ automatic: score, citizen: score, self: score, superior: score }), (scores: ReviewScores) => {
      const given = Object.values(scores).filter((v): v is number => v !== null);
      const { combined } = combineReview(scores);
      if (!given.length) {
        expect(combined).toBeNull();
        return;
      }
      expect(combined!).toBeGreaterThanOrEqual(Math.min(...given) - 0.005);
      expect(combined!).toBeLessThanOrEqual(Math.max(...given) + 0.005);
    }));
  });

  it.each([
    ['a score above 100', () => combineReview({ automatic: 101, citizen: null, self: null, superior: null }), 'automatic'],
    ['a negative weight', () => combineReview({ automatic: 50, citizen: null, self: null, superior: null }, { ...DEFAULT_REVIEW_WEIGHTS, self: -1 }), 'weights'],
    ['thresholds out of order', () => combineReview({ automatic: 50, citizen: null, self: null, superior: null }, DEFAULT_REVIEW_WEIGHTS, { excellent: 60, good: 70, completed: 50 }), 'thresholds'],
  ])('refuses %s', (_label, run, field) => {
    expect(run).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});
