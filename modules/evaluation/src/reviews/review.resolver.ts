import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@motcua/kernel/contract';
import { ScorecardKind } from '../scorecards/scorecard.service.js';
import { ReviewIdInput, type ReviewNode, ReviewNode as ReviewType, ReviewPayload, SubmitReviewInput } from '../shared/evaluation.types.js';
import { type CivilServantGrade, GRADE_LABELS } from './combine.js';
import { advanceReview, listReviews, submitReview } from './review.service.js';
import type { Review } from './review.entity.js';

function toReviewNode(review: Review): ReviewNode {
  const grade = (review.advisedGrade ?? null) as CivilServantGrade | null;
  return {
    id: review.id, subjectKind: review.subjectKind as ScorecardKind, subjectId: review.subjectId, unitId: review.unitId, period: review.period,
    version: review.version, status: review.status, automatic: review.automatic ?? null, citizen: review.citizen ?? null, self: review.self ?? null,
    superior: review.superior ?? null, combined: review.combined ?? null, advisedGrade: grade, advisedGradeLabel: grade && GRADE_LABELS[grade],
    weights: review.weights as unknown as ReviewNode['weights'], reason: review.reason ?? null, submittedBy: review.submittedBy,
    approvedBy: review.approvedBy ?? null, createdAt: review.createdAt, updatedAt: review.updatedAt,
  };
}

/** Periodic reviews: submitted by a superior, approved by a second person, locked; later changes are new versions. */
@Resolver()
export class ReviewResolver {
  @Query(() => [ReviewType], { description: "Every version of a subject's reviews for a period, newest first, within the caller's scorecard scope." })
  async reviews(
    @Arg('kind', () => ScorecardKind) kind: ScorecardKind,
    @Arg('subjectId', () => ID) subjectId: string,
    @Arg('period') period: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReviewNode[]> {
    return (await listReviews(ctx, kind, subjectId, period)).map(toReviewNode);
  }

  @Mutation(() => ReviewPayload, { description: 'Submits a periodic review (`evaluation.review` over the subject\'s unit): automatic and citizen scores come from the scorecard, self and superior scores are entered, the combination maps to an advisory grade. Replacing a locked review needs a reason and writes a new version.' })
  async submitReview(@Arg('input') input: SubmitReviewInput, @Ctx() ctx: RequestContext): Promise<ReviewPayload> {
    return { review: toReviewNode(await submitReview(ctx, { ...input, weights: input.weights && { ...input.weights } })) };
  }

  @Mutation(() => ReviewPayload, { description: 'Approves a submitted review (`evaluation.review`; not by its submitter).' })
  async approveReview(@Arg('input') input: ReviewIdInput, @Ctx() ctx: RequestContext): Promise<ReviewPayload> {
    return { review: toReviewNode(await advanceReview(ctx, input.id, 'APPROVE')) };
  }

  @Mutation(() => ReviewPayload, { description: 'Locks an approved review (`evaluation.review`); a later change is a new version with a reason.' })
  async lockReview(@Arg('input') input: ReviewIdInput, @Ctx() ctx: RequestContext): Promise<ReviewPayload> {
    return { review: toReviewNode(await advanceReview(ctx, input.id, 'LOCK')) };
  }
}
