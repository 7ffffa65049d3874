import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { AppError, isUuid, type RequestContext, requirePrincipal } from '@motcua/kernel/contract';
import { EvaluatedDossier } from './dossier.entity.js';
import type { Rating } from './rating.entity.js';
import { RATING_LINK_DAYS, signRatingToken } from './rating-token.js';
import { rateAsApplicant, rateAtKiosk, rateByLink, ratingForm } from './rating.service.js';

@InputType('RatingAnswerInput', { description: 'One answer: a satisfaction question code and a level 1 (rất không hài lòng) … 5 (rất hài lòng).' })
export class RatingAnswerInput {
  @Field({ description: 'Question code, e.g. `OVERALL`.' }) code!: string;
  @Field(() => Int) level!: number;
}

@ObjectType('RatingAnswer', { description: 'One answer of a rating.' })
export class RatingAnswerNode {
  @Field() code!: string;
  @Field(() => Int) level!: number;
}

@ObjectType('DossierRating', { description: "A citizen's rating of a dossier." })
export class RatingNode {
  @Field(() => ID) id!: string;
  @Field(() => ID) dossierId!: string;
  @Field({ description: 'CITIZEN (link, kiosk and account are one rater) or SURVEY.' }) raterType!: string;
  @Field({ description: 'LINK, KIOSK or APPLICANT.' }) channel!: string;
  @Field(() => Int, { description: 'The level counted in the scores (the OVERALL answer).' }) satisfaction!: number;
  @Field(() => [RatingAnswerNode]) answers!: RatingAnswerNode[];
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType({ description: 'The rating after the mutation.' })
export class RatingPayload {
  @Field(() => RatingNode) rating!: RatingNode;
}

@ObjectType('RatingQuestion', { description: 'A satisfaction question and its five levels, worst first.' })
export class RatingQuestionNode {
  @Field() code!: string;
  @Field() text!: string;
  @Field(() => [String]) levels!: string[];
}

@ObjectType('RatingForm', { description: 'What the rating page of a link shows.' })
export class RatingFormNode {
  @Field(() => String, { nullable: true, description: 'Mã hồ sơ.' }) dossierCode!: string | null;
  @Field({ description: 'True once the dossier has been rated (by any channel).' }) rated!: boolean;
  @Field(() => [RatingQuestionNode]) questions!: RatingQuestionNode[];
}

@ObjectType('RatingLink', { description: 'A signed rating link for a dossier.' })
export class RatingLinkNode {
  @Field() token!: string;
  @Field({ description: 'Path of the public rating page, e.g. `/admin/danh-gia/<token>`.' }) path!: string;
  @Field() expiresAt!: Date;
}

function toRatingNode(rating: Rating): RatingNode {
  return {
    id: rating.id, dossierId: rating.dossierId, raterType: rating.raterType, channel: rating.channel, satisfaction: rating.satisfaction,
    answers: Object.entries(rating.answers).map(([code, level]) => ({ code, level })), comment: rating.comment ?? null, createdAt: rating.createdAt,
  };
}

/** Citizen ratings: by signed link (public), at the desk's kiosk, or by the signed-in applicant. */
@Resolver()
export class RatingResolver {
  @Query(() => RatingFormNode, { description: 'Public: the questions of the rating page of a signed link, and whether the dossier was already rated. Example: `ratingForm(token: $t) { dossierCode rated questions { code text levels } }`.' })
  ratingForm(@Arg('token') token: string, @Ctx() ctx: RequestContext) {
    return ratingForm(ctx, token);
  }

  @Mutation(() => RatingPayload, { description: 'Public, no sign-in: rates a dossier through the signed link of its result email; one citizen rating per dossier. Example: `rateDossier(token: $t, answers: [{ code: "CONVENIENCE", level: 4 }, { code: "OVERALL", level: 5 }], comment: "Nhanh")`.' })
  async rateDossier(
    @Arg('token') token: string,
    @Arg('answers', () => [RatingAnswerInput]) answers: RatingAnswerInput[],
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RatingPayload> {
    return { rating: toRatingNode(await rateByLink(ctx, token, { answers, comment })) };
  }

  @Mutation(() => RatingPayload, { description: "Rates a dossier at the desk's kiosk tablet (signed in as desk staff, `evaluation.kiosk`) by the dossier code the citizen types." })
  async rateDossierAtKiosk(
    @Arg('dossierCode') dossierCode: string,
    @Arg('answers', () => [RatingAnswerInput]) answers: RatingAnswerInput[],
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RatingPayload> {
    return { rating: toRatingNode(await rateAtKiosk(ctx, dossierCode, { answers, comment })) };
  }

  @Mutation(() => RatingPayload, { description: 'The signed-in applicant rates their own dossier.' })
  async rateMyDossier(
    @Arg('dossierId', () => ID) dossierId: string,
    @Arg('answers', () => [RatingAnswerInput]) answers: RatingAnswerInput[],
    @Arg('comment', () => String, { nullable: true }) comment: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<RatingPayload> {
    return { rating: toRatingNode(await rateAsApplicant(ctx, dossierId, { answers, comment })) };
  }

  @Mutation(() => RatingLinkNode, { description: `Issues a signed rating link for a dossier (desk staff, \`evaluation.kiosk\`), e.g. to print as a QR code; valid ${RATING_LINK_DAYS} days.` })
  async issueRatingLink(@Arg('dossierId', () => ID) dossierId: string, @Ctx() ctx: RequestContext): Promise<RatingLinkNode> {
    requirePrincipal(ctx);
    if (!ctx.ability.can('kiosk', 'DossierRating')) throw AppError.forbidden('kiosk', 'DossierRating');
    if (!isUuid(dossierId) || !(await ctx.em.count(EvaluatedDossier, { dossierId }))) throw AppError.notFound({ vi: 'hồ sơ', en: 'Dossier' }, dossierId);
    const expiresAt = new Date(ctx.clock.now().getTime() + RATING_LINK_DAYS * 86_400_000);
    const token = signRatingToken(ctx.platform.authSecret, dossierId, expiresAt);
    return { token, path: `/admin/danh-gia/${token}`, expiresAt };
  }
}
