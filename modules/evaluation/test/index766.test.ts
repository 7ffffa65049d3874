/**
 * Acceptance 2: each Decision 766 indicator of the default shadow table on hand-built data,
 * with its numerator, denominator, ratio, threshold, maximum and score, including the
 * zero-denominator rules; the 100-point total, its bands, and refused formula tables.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_766_TABLE } from '../src/index766/default-table.js';
import { evaluate, type IndexFormulaTable, type Measures, scoreIndex, scoreIndicator, validateFormulaTable } from '../src/index766/formulas.js';
import { measuresFromCounters } from '../src/index766/measures.js';
import { sumCounters } from '../src/facts/counters.js';

const formula = (code: string) => {
  const found = DEFAULT_766_TABLE.indicators.find((f) => f.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};

type Expected = { numerator: number | null; denominator: number | null; ratio: number | null; score: number | null; status?: string };

// [indicator, measures, expected]: every indicator at least once with activity and once with a zero denominator.
const CASES: Array<[string, string, Measures, Expected]> = [
  ['1.1', '45 of 50 published on time', { tthcPublishedOnTime: 45, tthcPublished: 50 }, { numerator: 45, denominator: 50, ratio: 0.9, score: 5.4 }],
  ['1.1', 'nothing published: not applicable', { tthcPublishedOnTime: 0, tthcPublished: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['1.2', '3 of 4 made public on time', { tthcMadePublicOnTime: 3, tthcToMakePublic: 4 }, { numerator: 3, denominator: 4, ratio: 0.75, score: 3 }],
  ['1.2', 'none to make public', { tthcMadePublicOnTime: 0, tthcToMakePublic: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['1.3', 'all complete', { tthcPublicComplete: 120, tthcPublic: 120 }, { numerator: 120, denominator: 120, ratio: 1, score: 2 }],
  ['1.3', 'none public', { tthcPublicComplete: 0, tthcPublic: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['1.4', 'the larger of the two received counts divides',
    { dossiersSynced: 90, receivedPerReportingSystem: 80, receivedPerDvcqg: 100, receivedLastYearPerPeriod: 50 }, { numerator: 90, denominator: 100, ratio: 0.9, score: 5.4 }],
  ['1.4', 'both received counts 0: last year\'s average per period',
    { dossiersSynced: 30, receivedPerReportingSystem: 0, receivedPerDvcqg: 0, receivedLastYearPerPeriod: 40 }, { numerator: 30, denominator: 40, ratio: 0.75, score: 4.5 }],
  ['1.4', 'no last year either: not applicable',
    { dossiersSynced: 0, receivedPerReportingSystem: 0, receivedPerDvcqg: 0, receivedLastYearPerPeriod: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['2.1', '19 of 20 in time', { dossiersDoneInTime: 19, dossiersDone: 20 }, { numerator: 19, denominator: 20, ratio: 0.95, score: 19 }],
  ['2.1', 'nothing done', { dossiersDoneInTime: 0, dossiersDone: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['2.2', 'monitoring only: scores 0', { resolutionDaysTotal: 60, dossiersDone: 20 }, { numerator: 60, denominator: 20, ratio: 3, score: 0 }],
  ['3.1', '60% offered, threshold 80%', { tthcOnline: 60, tthcUnderAuthority: 100 }, { numerator: 60, denominator: 100, ratio: 0.6, score: 1.5 }],
  ['3.1', 'above the threshold is capped', { tthcOnline: 90, tthcUnderAuthority: 100 }, { numerator: 90, denominator: 100, ratio: 0.9, score: 2 }],
  ['3.1', 'no TTHC under authority', { tthcOnline: 0, tthcUnderAuthority: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['3.2', 'half the services used', { onlineServicesUsed: 5, onlineServices: 10 }, { numerator: 5, denominator: 10, ratio: 0.5, score: 2 }],
  ['3.2', 'no online service', { onlineServicesUsed: 0, onlineServices: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['3.3', '25% online, threshold 50%', { dossiersReceivedOnline: 25, dossiersReceived: 100 }, { numerator: 25, denominator: 100, ratio: 0.25, score: 3 }],
  ['3.3', 'nothing received', { dossiersReceivedOnline: 0, dossiersReceived: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['3.5a', '40% integrated, threshold 80%', { tthcFeeDataSynced: 4, tthcWithFees: 10 }, { numerator: 4, denominator: 10, ratio: 0.4, score: 1 }],
  ['3.5a', 'no TTHC with fees', { tthcFeeDataSynced: 0, tthcWithFees: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['3.5b', '8 of 10 paid online reaches the threshold', { tthcPaidOnline: 8, tthcWithFees: 10 }, { numerator: 8, denominator: 10, ratio: 0.8, score: 2 }],
  ['3.5b', 'no TTHC with fees', { tthcPaidOnline: 0, tthcWithFees: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['3.6', '30 of 120 paid online', { dossiersPaidOnline: 30, dossiersWithFees: 120 }, { numerator: 30, denominator: 120, ratio: 0.25, score: 1.5 }],
  ['3.6', 'no dossier with fees', { dossiersPaidOnline: 0, dossiersWithFees: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.1', 'half with an e-result', { dossiersWithEResult: 50, dossiersWithPaperResult: 100 }, { numerator: 50, denominator: 100, ratio: 0.5, score: 3 }],
  ['4.1', 'no paper results', { dossiersWithEResult: 0, dossiersWithPaperResult: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.2', '40% digitised, threshold 80%', { dossiersDigitised: 40, dossiersReceived: 100 }, { numerator: 40, denominator: 100, ratio: 0.4, score: 2 }],
  ['4.2', 'nothing received', { dossiersDigitised: 0, dossiersReceived: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.x', 'certified e-copies offered', { certifiedCopyOffered: 1 }, { numerator: 1, denominator: 1, ratio: 1, score: 2 }],
  ['4.x', 'not offered', { certifiedCopyOffered: 0 }, { numerator: 0, denominator: 1, ratio: 0, score: 0 }],
  ['4.3', '20% re-used, threshold 80%', { dossiersReusingData: 20, dossiersReceived: 100 }, { numerator: 20, denominator: 100, ratio: 0.2, score: 0.5 }],
  ['4.3', 'nothing received', { dossiersReusingData: 0, dossiersReceived: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.4', 'a quarter from the personal store', { dossiersWithPersonalStore: 25, dossiersReceived: 100 }, { numerator: 25, denominator: 100, ratio: 0.25, score: 1 }],
  ['4.4', 'nothing received', { dossiersWithPersonalStore: 0, dossiersReceived: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.5a', '3 of 4 TTHC connected', { tthcWithPopulationData: 3, tthcForPeople: 4 }, { numerator: 3, denominator: 4, ratio: 0.75, score: 1.5 }],
  ['4.5a', 'no TTHC for people', { tthcWithPopulationData: 0, tthcForPeople: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['4.5b', '10% use population data', { dossiersWithPopulationData: 10, dossiersReceived: 100 }, { numerator: 10, denominator: 100, ratio: 0.1, score: 0.2 }],
  ['4.5b', 'nothing received', { dossiersWithPopulationData: 0, dossiersReceived: 0 }, { numerator: 0, denominator: 0, ratio: null, score: null, status: 'NOT_APPLICABLE' }],
  ['5.1', 'monitoring only', { petitionsAboutRegulations: 2, petitions: 8 }, { numerator: 2, denominator: 8, ratio: 0.25, score: 0 }],
  ['5.2', '7 of 8 petitions on time', { petitionsOnTime: 7, petitions: 8 }, { numerator: 7, denominator: 8, ratio: 0.875, score: 5.25 }],
  ['5.2', 'no petition: full marks', { petitionsOnTime: 0, petitions: 0 }, { numerator: 0, denominator: 0, ratio: 1, score: 6 }],
  ['5.3', '10 petitions − 1 dissatisfied − 1 late − 1 re-raised',
    { petitions: 10, petitionsDissatisfied: 1, petitionsLate: 1, petitionsReRaised: 1 }, { numerator: 7, denominator: 10, ratio: 0.7, score: 4.2 }],
  ['5.3', 'no petition: full marks', { petitions: 0, petitionsDissatisfied: 0, petitionsLate: 0, petitionsReRaised: 0 }, { numerator: 0, denominator: 0, ratio: 1, score: 6 }],
  ['5.4', '100 − 5 late − 4 negative = 91%, above the 90% threshold',
    { dossiersReceived: 100, dossiersLate: 5, dossiersNegative: 4 }, { numerator: 91, denominator: 100, ratio: 0.91, score: 6 }],
  ['5.4', '100 − 20 late − 8 negative = 72% of the 90% threshold',
    { dossiersReceived: 100, dossiersLate: 20, dossiersNegative: 8 }, { numerator: 72, denominator: 100, ratio: 0.72, score: 4.8 }],
  ['5.4', 'more negatives than dossiers clamps the ratio at 0', { dossiersReceived: 2, dossiersLate: 2, dossiersNegative: 3 }, { numerator: -3, denominator: 2, ratio: 0, score: 0 }],
  ['5.4', 'nothing received: full marks', { dossiersReceived: 0, dossiersLate: 0, dossiersNegative: 0 }, { numerator: 0, denominator: 0, ratio: 1, score: 6 }],
];

describe('each 766 indicator of the default table', () => {
  it.each(CASES)('%s: %s', (code, _label, measures, expected) => {
    const f = formula(code);
    expect(scoreIndicator(f, measures)).toEqual({
      code, threshold: f.threshold, maxScore: f.maxScore, status: 'SCORED', missing: [], ...expected,
    });
  });

  it('covers every indicator of the table', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(DEFAULT_766_TABLE.indicators.map((f) => f.code)));
  });

  it('the maxima add up to 100 in groups of 18, 20, 22, 22 and 18', () => {
    const byGroup = new Map<number, number>();
    for (const f of DEFAULT_766_TABLE.indicators) byGroup.set(f.group, (byGroup.get(f.group) ?? 0) + f.maxScore);
    expect(Object.fromEntries(byGroup)).toEqual({ 1: 18, 2: 20, 3: 22, 4: 22, 5: 18 });
  });

  it('a measure not supplied gives MISSING_DATA, never a guessed score', () => {
    expect(scoreIndicator(formula('5.3'), { petitions: 4 })).toMatchObject({
      status: 'MISSING_DATA', score: null, ratio: null, missing: ['petitionsDissatisfied', 'petitionsLate', 'petitionsReRaised'],
    });
  });

  it('a score never exceeds its maximum nor goes below 0', () => {
    fc.assert(fc.property(
      fc.constantFrom(...DEFAULT_766_TABLE.indicators),
      fc.array(fc.nat({ max: 1000 }), { minLength: 8, maxLength: 8 }),
      (f, values) => {
        const names = [...new Set([...JSON.stringify([f.numerator, f.denominator, f.fallbackDenominator ?? 0]).matchAll(/"([A-Za-z]\w*)"/g)].map((m) => m[1]))];
        const measures = Object.fromEntries(names.filter((n) => !['sum', 'sub', 'max', 'div'].includes(n)).map((n, i) => [n, values[i % values.length]]));
        const result = scoreIndicator(f, measures);
        if (result.score !== null) {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(f.maxScore);
        }
      },
    ));
  });
});

describe('the whole index', () => {
  it('totals scored indicators, rescales to 100 over their maxima and applies the 90/80/70/50 bands', () => {
    const table: IndexFormulaTable = { ...DEFAULT_766_TABLE, indicators: [formula('2.1'), formula('5.4')] };
    const result = scoreIndex(table, { dossiersDoneInTime: 17, dossiersDone: 20, dossiersReceived: 100, dossiersLate: 3, dossiersNegative: 2 });
    expect(result).toMatchObject({ total: 23, maxScored: 26, score100: 88.46, band: { label: 'Tốt' } });
  });

  it.each([[90, 'Xuất sắc'], [89.99, 'Tốt'], [80, 'Tốt'], [79.99, 'Khá'], [70, 'Khá'], [69.99, 'Trung bình'], [50, 'Trung bình'], [49.99, 'Yếu']])(
    'a score of %s is %s', (score, label) => {
      const table: IndexFormulaTable = { ...DEFAULT_766_TABLE, indicators: [{ ...formula('4.x'), maxScore: 100 }] };
      expect(scoreIndex(table, { certifiedCopyOffered: score / 100 }).band.label).toBe(label);
    },
  );

  it('derives its own measures from the aggregates', () => {
    const counters = sumCounters([{ received: 10, receivedOnline: 4, doneEarly: 3, doneOnTime: 4, doneLate: 1, ratingsDissatisfied: 2, complaints: 1 }]);
    expect(measuresFromCounters(counters)).toEqual({
      dossiersReceived: 10, dossiersReceivedOnline: 4, dossiersDone: 8, dossiersDoneInTime: 7, dossiersLate: 1, dossiersNegative: 3,
    });
  });

  it('evaluates nested expressions', () => {
    expect(evaluate({ div: [{ sum: ['a', 2] }, { max: ['b', { sub: ['c', 1] }] }] }, { a: 4, b: 2, c: 4 })).toBe(2);
    expect(evaluate({ div: ['a', 0] }, { a: 4 })).toBe(0);
  });

  it.each([
    ['a duplicate code', { indicators: [formula('2.1'), formula('2.1')] }, 'indicators.2.1'],
    ['an invalid expression', { indicators: [{ ...formula('2.1'), numerator: { pow: ['a', 2] } }] }, 'indicators.2.1'],
    ['a threshold above 1', { indicators: [{ ...formula('3.3'), threshold: 50 }] }, 'indicators.3.3'],
    ['a fallback rule without a fallback', { indicators: [{ ...formula('1.4'), fallbackDenominator: undefined }] }, 'indicators.1.4'],
    ['bands above 100', { bands: [{ from: 0, label: 'A', labelEn: 'A' }, { from: 101, label: 'B', labelEn: 'B' }] }, 'bands'],
  ])('refuses a table with %s', (_label, patch, field) => {
    expect(() => validateFormulaTable({ ...DEFAULT_766_TABLE, ...patch } as IndexFormulaTable)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) }),
    );
  });

  it('the default table is valid', () => {
    expect(() => validateFormulaTable(DEFAULT_766_TABLE)).not.toThrow();
  });
});
