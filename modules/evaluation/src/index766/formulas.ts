import { AppError } from '@motcua/kernel/contract';
import { type Band, bandOf, validateBands } from '../questionnaire/questionnaire.js';

/**
 * An arithmetic expression over named measures of an agency and period (e.g. `dossiersDone`),
 * kept as data so the formula table is configuration: a measure name, a constant, or a
 * sum / difference / maximum / quotient of expressions.
 */
export type Expr = string | number | { sum: Expr[] } | { sub: [Expr, Expr] } | { max: Expr[] } | { div: [Expr, Expr] };

/**
 * How an indicator turns its ratio into points (one-stop-domain §9.6): `THRESHOLD` gives
 * max × min(1, ratio / threshold); `LINEAR` gives max × ratio; `MONITORING` is shown but scores 0.
 */
export type ScoringRule = 'THRESHOLD' | 'LINEAR' | 'MONITORING';

/**
 * What a zero denominator means: `FULL` (nothing could go wrong: full marks), `ZERO` (no
 * activity earns nothing), `EXCLUDED` (not applicable: no score, its maximum leaves the total),
 * or `FALLBACK` (divide by `fallbackDenominator` instead, e.g. indicator 1.4's last-year average).
 */
export type ZeroDenominatorRule = 'FULL' | 'ZERO' | 'EXCLUDED' | 'FALLBACK';

/** One row of the formula table. */
export interface IndicatorFormula {
  code: string;
  group: number;
  name: string;
  numerator: Expr;
  denominator: Expr;
  maxScore: number;
  /** Target ratio (0–1) for the THRESHOLD rule; null otherwise. */
  threshold: number | null;
  scoring: ScoringRule;
  zeroDenominator: ZeroDenominatorRule;
  fallbackDenominator?: Expr;
}

/** A formula table version: its indicators and the bands of the 100-point total. */
export interface IndexFormulaTable {
  title: string;
  indicators: IndicatorFormula[];
  bands: Band[];
}

/** The stored outcome of one indicator: every number needed to reconcile it with DVCQG. */
export interface IndicatorResult {
  code: string;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  threshold: number | null;
  maxScore: number;
  score: number | null;
  /** `SCORED`, `NOT_APPLICABLE` (excluded zero denominator) or `MISSING_DATA` (a measure was not supplied). */
  status: 'SCORED' | 'NOT_APPLICABLE' | 'MISSING_DATA';
  /** Measures the formula needed but did not get. */
  missing: string[];
}

export type Measures = Readonly<Record<string, number>>;

class MissingMeasure extends Error {
  constructor(readonly names: string[]) {
    super(names.join(', '));
  }
}

/** The measure names an expression reads. */
export function measuresOf(expr: Expr): string[] {
  if (typeof expr === 'string') return [expr];
  if (typeof expr === 'number') return [];
  return Object.values(expr)[0].flatMap(measuresOf);
}

/**
 * Evaluates an expression; a quotient by zero is 0.
 *
 * @example
 * evaluate({ sub: ['received', 'late'] }, { received: 10, late: 2 }) // 8
 */
export function evaluate(expr: Expr, measures: Measures): number {
  if (typeof expr === 'number') return expr;
  if (typeof expr === 'string') {
    const value = measures[expr];
    if (value === undefined) throw new MissingMeasure([expr]);
    return value;
  }
  if ('sum' in expr) return expr.sum.reduce<number>((total, e) => total + evaluate(e, measures), 0);
  if ('sub' in expr) return evaluate(expr.sub[0], measures) - evaluate(expr.sub[1], measures);
  if ('max' in expr) return Math.max(...expr.max.map((e) => evaluate(e, measures)));
  const divisor = evaluate(expr.div[1], measures);
  return divisor === 0 ? 0 : evaluate(expr.div[0], measures) / divisor;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function pointsFor(formula: IndicatorFormula, ratio: number): number {
  if (formula.scoring === 'MONITORING') return 0;
  const achieved = formula.scoring === 'THRESHOLD' && formula.threshold ? Math.min(1, ratio / formula.threshold) : ratio;
  return round(formula.maxScore * achieved, 4);
}

/**
 * Scores one indicator on an agency's measures for a period. A scored ratio is clamped to [0, 1];
 * a zero denominator follows the formula's rule; a measure not supplied gives MISSING_DATA
 * rather than a guessed number.
 *
 * @example
 * scoreIndicator(onTime, { dossiersDoneInTime: 9, dossiersDone: 10 }) // { ratio: 0.9, score: 18, ... }
 */
export function scoreIndicator(formula: IndicatorFormula, measures: Measures): IndicatorResult {
  const base = { code: formula.code, threshold: formula.threshold, maxScore: formula.maxScore };
  const needed = [...measuresOf(formula.numerator), ...measuresOf(formula.denominator)];
  const missing = [...new Set(needed.filter((name) => measures[name] === undefined))];
  if (missing.length) return { ...base, numerator: null, denominator: null, ratio: null, score: null, status: 'MISSING_DATA', missing };
  const numerator = evaluate(formula.numerator, measures);
  let denominator = evaluate(formula.denominator, measures);
  if (denominator === 0) {
    switch (formula.zeroDenominator) {
      case 'FULL': return { ...base, numerator, denominator, ratio: 1, score: pointsFor(formula, 1), status: 'SCORED', missing: [] };
      case 'ZERO': return { ...base, numerator, denominator, ratio: 0, score: 0, status: 'SCORED', missing: [] };
      case 'EXCLUDED': return { ...base, numerator, denominator, ratio: null, score: null, status: 'NOT_APPLICABLE', missing: [] };
      case 'FALLBACK': {
        const fallback = formula.fallbackDenominator!;
        const absent = measuresOf(fallback).filter((name) => measures[name] === undefined);
        if (absent.length) return { ...base, numerator, denominator, ratio: null, score: null, status: 'MISSING_DATA', missing: absent };
        denominator = evaluate(fallback, measures);
        if (denominator === 0) return { ...base, numerator, denominator, ratio: null, score: null, status: 'NOT_APPLICABLE', missing: [] };
      }
    }
  }
  // A monitoring figure (2.2: average days) is shown as it is; a scored ratio is a share.
  const ratio = round(formula.scoring === 'MONITORING' ? numerator / denominator : clamp01(numerator / denominator), 6);
  return { ...base, numerator, denominator, ratio, score: pointsFor(formula, ratio), status: 'SCORED', missing: [] };
}

/** The whole index: each indicator, the total over scored ones, the maximum they could reach, and the band. */
export interface IndexResult {
  indicators: IndicatorResult[];
  total: number;
  /** Sum of the maxima of indicators that were scored (excluded and missing ones leave it). */
  maxScored: number;
  /** Total rescaled to 100 over the scored maxima, which the bands classify. */
  score100: number;
  band: Band;
}

/**
 * Scores every indicator of a table and classifies the total rescaled to 100.
 *
 * @example
 * scoreIndex(DEFAULT_766_TABLE, measures).band.label // 'Tốt'
 */
export function scoreIndex(table: IndexFormulaTable, measures: Measures): IndexResult {
  const indicators = table.indicators.map((formula) => scoreIndicator(formula, measures));
  const scored = indicators.filter((result) => result.score !== null);
  const total = round(scored.reduce((sum, r) => sum + r.score!, 0), 4);
  const maxScored = scored.reduce((sum, r) => sum + r.maxScore, 0);
  const score100 = maxScored ? round((100 * total) / maxScored, 2) : 0;
  return { indicators, total, maxScored, score100, band: bandOf(table.bands, score100) };
}

function bad(field: string, vi: string, en: string): never {
  throw AppError.badInput(field, { vi, en });
}

function validExpr(expr: unknown): expr is Expr {
  if (typeof expr === 'string') return /^[A-Za-z][A-Za-z0-9_]*$/.test(expr);
  if (typeof expr === 'number') return Number.isFinite(expr);
  if (!expr || typeof expr !== 'object' || Object.keys(expr).length !== 1) return false;
  const [op, args] = Object.entries(expr)[0] as [string, unknown];
  if (!Array.isArray(args) || !args.every(validExpr)) return false;
  return op === 'sum' || op === 'max' ? args.length > 0 : (op === 'sub' || op === 'div') && args.length === 2;
}

/** Refuses a formula table that could not be evaluated, naming the indicator. */
export function validateFormulaTable(table: IndexFormulaTable): void {
  if (!table.title?.trim()) bad('title', 'thiếu tên bảng công thức', 'the title is missing');
  if (!table.indicators?.length) bad('indicators', 'bảng cần ít nhất một chỉ số', 'at least one indicator is needed');
  const codes = new Set<string>();
  for (const f of table.indicators) {
    const at = `indicators.${f.code}`;
    if (!f.code?.trim() || codes.has(f.code)) bad(at, `mã chỉ số trống hoặc trùng: ${f.code}`, `empty or duplicate indicator code: ${f.code}`);
    codes.add(f.code);
    if (!validExpr(f.numerator) || !validExpr(f.denominator)) bad(at, `công thức của chỉ số ${f.code} không hợp lệ`, `indicator ${f.code} has an invalid formula`);
    if (!(f.maxScore >= 0)) bad(at, `điểm tối đa của ${f.code} phải không âm`, `the maximum of ${f.code} must be non-negative`);
    if (!['THRESHOLD', 'LINEAR', 'MONITORING'].includes(f.scoring)) bad(at, `cách tính điểm không hợp lệ: ${f.scoring}`, `unknown scoring rule ${f.scoring}`);
    if (f.scoring === 'THRESHOLD' && !(f.threshold! > 0 && f.threshold! <= 1)) bad(at, `ngưỡng của ${f.code} phải trong (0, 1]`, `the threshold of ${f.code} must be in (0, 1]`);
    if (!['FULL', 'ZERO', 'EXCLUDED', 'FALLBACK'].includes(f.zeroDenominator)) bad(at, `quy tắc mẫu số 0 không hợp lệ`, `unknown zero-denominator rule ${f.zeroDenominator}`);
    if (f.zeroDenominator === 'FALLBACK' && !validExpr(f.fallbackDenominator)) bad(at, `chỉ số ${f.code} cần mẫu số thay thế`, `indicator ${f.code} needs a fallback denominator`);
  }
  validateBands(table.bands, 'bands', 100);
}
