import { AppError } from '@motcua/kernel/contract';

/** The four dimensions of a periodic review, each 0–100 (null when not given). */
export interface ReviewScores {
  /** From the scorecard's composite. */
  automatic: number | null;
  /** Citizens' satisfaction, rescaled to 0–100. */
  citizen: number | null;
  /** The officer's (or unit's, agency's) self-assessment. */
  self: number | null;
  /** The superior's assessment (unit leader → officer, agency leader → unit, province office → agency). */
  superior: number | null;
}

export type ReviewWeights = Record<keyof ReviewScores, number>;

export const DEFAULT_REVIEW_WEIGHTS: ReviewWeights = { automatic: 0.4, citizen: 0.2, self: 0.1, superior: 0.3 };

/** The four civil-servant grades of Decree 90/2020 (amended 48/2023). */
export type CivilServantGrade = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

/** Lower bounds (inclusive) of the advisory grades on the combined 0–100 score. */
export interface GradeThresholds {
  excellent: number;
  good: number;
  completed: number;
}

export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 70, completed: 50 };

export const GRADE_LABELS: Record<CivilServantGrade, string> = {
  EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'Hoàn thành tốt nhiệm vụ',
  COMPLETED: 'Hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
};

/** The combined result: score, the advisory grade, and the weights actually used. */
export interface ReviewResult {
  combined: number | null;
  /** Advice only: grading is the competent authority's decision. */
  advisedGrade: CivilServantGrade | null;
  usedWeights: Partial<ReviewWeights>;
}

/** Maps a combined score to its advisory grade. */
export function advisedGrade(score: number, t: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): CivilServantGrade {
  if (score >= t.excellent) return 'EXCELLENT';
  if (score >= t.good) return 'GOOD';
  if (score >= t.completed) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

/**
 * Combines a review's dimensions with weights; a dimension not given leaves, and the others
 * are renormalised, so a missing self-assessment neither rewards nor punishes.
 *
 * @example
 * combineReview({ automatic: 80, citizen: 90, self: 100, superior: 85 }) // { combined: 85.5, advisedGrade: 'GOOD', ... }
 */
export function combineReview(
  scores: ReviewScores, weights: ReviewWeights = DEFAULT_REVIEW_WEIGHTS, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS,
): ReviewResult {
  validateReview(scores, weights, thresholds);
  const keys = (Object.keys(weights) as (keyof ReviewScores)[]).filter((key) => scores[key] !== null && weights[key] > 0);
  const weightSum = keys.reduce((sum, key) => sum + weights[key], 0);
  if (!weightSum) return { combined: null, advisedGrade: null, usedWeights: {} };
  const combined = Math.round((100 * keys.reduce((sum, key) => sum + weights[key] * scores[key]!, 0)) / weightSum) / 100;
  const usedWeights = Object.fromEntries(keys.map((key) => [key, Math.round((1e6 * weights[key]) / weightSum) / 1e6]));
  return { combined, advisedGrade: advisedGrade(combined, thresholds), usedWeights };
}

function validateReview(scores: ReviewScores, weights: ReviewWeights, t: GradeThresholds): void {
  for (const [key, value] of Object.entries(scores)) {
    if (value !== null && !(value >= 0 && value <= 100)) throw AppError.badInput(key, { vi: 'điểm phải từ 0 đến 100', en: 'scores must be between 0 and 100' });
  }
  if (Object.values(weights).some((w) => !(w >= 0))) throw AppError.badInput('weights', { vi: 'trọng số phải không âm', en: 'weights must be non-negative' });
  if (!(t.completed <= t.good && t.good <= t.excellent)) {
    throw AppError.badInput('thresholds', { vi: 'ngưỡng xếp loại phải tăng dần', en: 'grade thresholds must increase' });
  }
}
