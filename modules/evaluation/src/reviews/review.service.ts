import type { FilterQuery } from '@mikro-orm/core';
import { AppError, ensureCan, type RequestContext, requirePrincipal, uuid7 } from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { sumDaily } from '../facts/aggregate.read.js';
import { NO_OFFICER } from '../facts/fact.entity.js';
import { auditEvaluation } from '../shared/audit.js';
import { parsePeriod } from '../shared/period.js';
import { readableWhere, ScorecardKind, SUBJECT_COLUMN } from '../scorecards/scorecard.service.js';
import { scorecard } from '../scorecards/scorecard.js';
import { newVersionAllowed, type ReviewAction, reviewTransition } from './lifecycle.js';
import { combineReview, DEFAULT_REVIEW_WEIGHTS, type ReviewWeights } from './combine.js';
import { Review } from './review.entity.js';

const REVIEW = { vi: 'đánh giá định kỳ', en: 'Review' };

/** What a reviewer submits; the automatic and citizen dimensions are computed, never entered. */
export interface SubmitReview {
  kind: ScorecardKind;
  subjectId: string;
  /** The officer's unit (officer reviews); units and agencies are their own scope. */
  unitId?: string | null;
  period: string;
  selfScore?: number | null;
  superiorScore?: number | null;
  weights?: ReviewWeights | null;
  reason?: string | null;
}

/** The scorecard-derived dimensions of a subject for a period: composite, and satisfaction on 0–100. */
async function automaticDimensions(ctx: RequestContext, kind: ScorecardKind, subjectId: string, periodCode: string) {
  const figures = scorecard(await sumDaily(ctx.em, parsePeriod(periodCode), { [SUBJECT_COLUMN[kind]]: subjectId }));
  const citizen = figures.averageSatisfaction === null ? null : Math.round(((figures.averageSatisfaction - 1) / 4) * 10_000) / 100;
  return { automatic: figures.composite, citizen };
}

/**
 * Submits a review as a new version (`evaluation.review` over the subject's unit; nobody
 * reviews themselves): the first of the period, or one replacing a locked version with a reason.
 */
export async function submitReview(ctx: RequestContext, input: SubmitReview): Promise<Review> {
  const principal = requirePrincipal(ctx);
  const period = parsePeriod(input.period).code;
  if (input.kind === ScorecardKind.OFFICER && !input.unitId) {
    throw AppError.badInput('unitId', { vi: 'đánh giá cán bộ cần đơn vị của cán bộ', en: "an officer review needs the officer's unit" });
  }
  const unit = await agencyUnitOrFail(ctx.em, input.kind === ScorecardKind.OFFICER ? input.unitId! : input.subjectId);
  ensureCan(ctx, 'review', 'Review', { unitId: unit.id, unitPath: unit.path });
  if (input.subjectId === principal.userId) throw AppError.forbidden('review', 'Review');
  const latest = await ctx.em.findOne(Review, { subjectKind: input.kind, subjectId: input.subjectId, period }, { orderBy: { version: 'desc' } });
  newVersionAllowed(latest?.status ?? null, input.reason);
  const weights = input.weights ?? DEFAULT_REVIEW_WEIGHTS;
  const scores = { ...(await automaticDimensions(ctx, input.kind, input.subjectId, period)), self: input.selfScore ?? null, superior: input.superiorScore ?? null };
  const result = combineReview(scores, weights);
  const now = ctx.clock.now();
  const review = ctx.em.create(Review, {
    id: uuid7(now.getTime()), subjectKind: input.kind, subjectId: input.subjectId, unitId: unit.id, unitPath: unit.path,
    officerId: input.kind === ScorecardKind.OFFICER ? input.subjectId : NO_OFFICER, period, version: (latest?.version ?? 0) + 1, status: 'SUBMITTED',
    ...scores, combined: result.combined, advisedGrade: result.advisedGrade, weights: { ...weights }, reason: latest ? input.reason!.trim() : null,
    submittedBy: principal.userId, createdAt: now, updatedAt: now,
  });
  await ctx.em.persist(review).flush();
  await auditEvaluation(ctx, 'review.submit', 'Review', review.id, { ...input, version: review.version, combined: result.combined });
  return review;
}

/**
 * Approves or locks a review (`evaluation.review` over its unit). Approval needs a second
 * person: the submitter cannot approve their own review.
 */
export async function advanceReview(ctx: RequestContext, id: string, action: ReviewAction): Promise<Review> {
  const principal = requirePrincipal(ctx);
  const review = await ctx.em.findOne(Review, { id });
  if (!review) throw AppError.notFound(REVIEW, id);
  ensureCan(ctx, 'review', 'Review', { unitId: review.unitId, unitPath: review.unitPath });
  if (action === 'APPROVE' && review.submittedBy === principal.userId) {
    throw AppError.conflict({ vi: 'người lập đánh giá không tự phê duyệt', en: 'the submitter cannot approve their own review' });
  }
  review.status = reviewTransition(review.status, action);
  if (action === 'APPROVE') review.approvedBy = principal.userId;
  review.updatedAt = ctx.clock.now();
  await ctx.em.flush();
  await auditEvaluation(ctx, `review.${action.toLowerCase()}`, 'Review', review.id, { status: review.status });
  return review;
}

/** Every version of a subject's reviews in a period the caller may read (the scorecard scopes), newest first. */
export async function listReviews(ctx: RequestContext, kind: ScorecardKind, subjectId: string, periodCode: string): Promise<Review[]> {
  requirePrincipal(ctx);
  const where = readableWhere(ctx) as FilterQuery<Review> | null;
  if (!where) return [];
  return ctx.em.find(Review, { $and: [where, { subjectKind: kind, subjectId, period: parsePeriod(periodCode).code }] }, { orderBy: { version: 'desc' } });
}
