import type { EntityManager } from '@mikro-orm/knex';
import { AppError, isUuid, type RequestContext, requirePrincipal, uuid7 } from '@motcua/kernel/contract';
import { recordDossierFact } from '../facts/dossier-fact.js';
import { vietnamDay } from '../facts/counters.js';
import { EvaluationFact, NO_OFFICER } from '../facts/fact.entity.js';
import type { QuestionnaireConfig } from '../questionnaire/questionnaire.js';
import { configVersion } from '../shared/config.service.js';
import { auditEvaluation } from '../shared/audit.js';
import { EvaluatedDossier } from './dossier.entity.js';
import { Rating, type RatingChannel } from './rating.entity.js';
import { verifyRatingToken } from './rating-token.js';

const DOSSIER = { vi: 'hồ sơ', en: 'Dossier' };

/** What a citizen submits: one level 1–5 per satisfaction question, and an optional comment. */
export interface RatingInput {
  answers: Array<{ code: string; level: number }>;
  comment?: string | null;
}

/** The questionnaire in force today, whose satisfaction questions a rating answers. */
export async function ratingQuestions(em: EntityManager, now: Date): Promise<QuestionnaireConfig['satisfactionQuestions']> {
  return (await configVersion(em, 'QUESTIONNAIRE', { day: vietnamDay(now) })).config.satisfactionQuestions;
}

/**
 * Checks the answers against the questions (each answered once, 1–5, nothing else) and returns
 * them as a map with the level the RATED fact carries: the OVERALL answer, else the rounded mean.
 *
 * @example
 * scoreAnswers(questions, [{ code: 'CONVENIENCE', level: 4 }, { code: 'OVERALL', level: 5 }]) // { answers: {...}, satisfaction: 5 }
 */
export function scoreAnswers(questions: readonly { code: string }[], input: RatingInput['answers']): { answers: Record<string, number>; satisfaction: 1 | 2 | 3 | 4 | 5 } {
  const answers: Record<string, number> = {};
  for (const { code, level } of input ?? []) {
    if (!questions.some((q) => q.code === code) || code in answers) throw AppError.badInput('answers', { vi: `câu hỏi "${code}" không có hoặc bị trùng`, en: `unknown or repeated question "${code}"` });
    if (!Number.isInteger(level) || level < 1 || level > 5) throw AppError.badInput('answers', { vi: 'mỗi câu trả lời từ 1 đến 5', en: 'every answer is a level from 1 to 5' });
    answers[code] = level;
  }
  const missing = questions.find((q) => !(q.code in answers));
  if (missing) throw AppError.badInput('answers', { vi: `chưa trả lời câu "${missing.code}"`, en: `question "${missing.code}" is not answered` });
  const levels = Object.values(answers);
  const satisfaction = answers.OVERALL ?? Math.round(levels.reduce((a, b) => a + b, 0) / levels.length);
  return { answers, satisfaction: satisfaction as 1 | 2 | 3 | 4 | 5 };
}

async function dossierOrFail(em: EntityManager, where: { dossierId: string } | { code: string }): Promise<EvaluatedDossier> {
  const dossier = await em.findOne(EvaluatedDossier, where);
  if (!dossier) throw AppError.notFound(DOSSIER, 'dossierId' in where ? where.dossierId : where.code);
  return dossier;
}

/**
 * Who the rating counts against: the officer and unit of the dossier's last completed step
 * (the one who finished it), else the receiving unit. One RATED fact per rating, so unit,
 * agency and 766 totals count each rating once; every handler is kept on the rating itself.
 */
async function handlers(em: EntityManager, dossier: EvaluatedDossier) {
  const steps = await em.find(EvaluationFact, { dossierId: dossier.dossierId, kind: 'STEP_COMPLETED', excludedBy: null }, { orderBy: { occurredAt: 'desc', id: 'desc' } });
  const last = steps[0];
  return {
    unitId: last?.unitId ?? dossier.unitId, officerId: last && last.officerId !== NO_OFFICER ? last.officerId : null,
    officerIds: [...new Set(steps.map((s) => s.officerId).filter((id) => id !== NO_OFFICER))],
  };
}

/**
 * Records the citizen's rating of a dossier (once per dossier, whichever channel) and feeds a
 * RATED fact through the fact contract in the same transaction.
 */
async function rate(ctx: RequestContext, dossier: EvaluatedDossier, channel: RatingChannel, input: RatingInput, recordedBy: string | null): Promise<Rating> {
  const now = ctx.clock.now();
  const { answers, satisfaction } = scoreAnswers(await ratingQuestions(ctx.em, now), input.answers);
  if (await ctx.em.count(Rating, { dossierId: dossier.dossierId, raterType: 'CITIZEN' })) {
    throw AppError.conflict({ vi: 'hồ sơ này đã được đánh giá', en: 'this dossier has already been rated' });
  }
  const who = await handlers(ctx.em, dossier);
  const rating = ctx.em.create(Rating, {
    id: uuid7(now.getTime()), dossierId: dossier.dossierId, raterType: 'CITIZEN', channel, answers, satisfaction,
    comment: input.comment?.trim().slice(0, 2000) || null, officerIds: who.officerIds, recordedBy, createdAt: now,
  });
  await ctx.em.persist(rating).flush();
  await recordDossierFact(ctx.em, {
    kind: 'RATED', satisfaction, dossierId: dossier.dossierId, agencyId: dossier.agencyId, unitId: who.unitId, officerId: who.officerId,
    procedureId: dossier.procedureId, occurredAt: now.toISOString(),
  }, now);
  return rating;
}

/** A rating through the signed link of the result email: no sign-in, the token names the dossier. */
export async function rateByLink(ctx: RequestContext, token: string, input: RatingInput): Promise<Rating> {
  const dossier = await dossierOrFail(ctx.em, { dossierId: verifyRatingToken(ctx.platform.authSecret, token, ctx.clock.now()) });
  return rate(ctx, dossier, 'LINK', input, null);
}

/**
 * A rating at the desk's kiosk: the tablet is signed in as desk staff (`evaluation.kiosk`), the
 * citizen types their dossier code. The staff member is kept as who recorded it.
 */
export async function rateAtKiosk(ctx: RequestContext, code: string, input: RatingInput): Promise<Rating> {
  const principal = requirePrincipal(ctx);
  if (!ctx.ability.can('kiosk', 'DossierRating')) throw AppError.forbidden('kiosk', 'DossierRating');
  const rating = await rate(ctx, await dossierOrFail(ctx.em, { code: String(code ?? '').trim() }), 'KIOSK', input, principal.userId);
  await auditEvaluation(ctx, 'rating.kiosk', 'Rating', rating.id, { dossierId: rating.dossierId });
  return rating;
}

/** The signed-in applicant rates their own dossier. */
export async function rateAsApplicant(ctx: RequestContext, dossierId: string, input: RatingInput): Promise<Rating> {
  const principal = requirePrincipal(ctx);
  const dossier = isUuid(dossierId) ? await ctx.em.findOne(EvaluatedDossier, { dossierId }) : null;
  if (!dossier || principal.kind !== 'CITIZEN' || dossier.applicantId !== principal.userId) throw AppError.forbidden('rate', 'Dossier');
  return rate(ctx, dossier, 'APPLICANT', input, principal.userId);
}

/** What the rating page shows for a link: the dossier's code, the questions, and whether it was rated already. */
export async function ratingForm(ctx: RequestContext, token: string) {
  const dossier = await dossierOrFail(ctx.em, { dossierId: verifyRatingToken(ctx.platform.authSecret, token, ctx.clock.now()) });
  const rated = (await ctx.em.count(Rating, { dossierId: dossier.dossierId, raterType: 'CITIZEN' })) > 0;
  return { dossierCode: dossier.code ?? null, rated, questions: await ratingQuestions(ctx.em, ctx.clock.now()) };
}

/** The codes of some dossiers (one statement), for lists that show them. */
export async function dossierCodes(em: EntityManager, dossierIds: string[]): Promise<Map<string, string | null>> {
  if (!dossierIds.length) return new Map();
  const rows = await em.find(EvaluatedDossier, { dossierId: { $in: [...new Set(dossierIds)] } }, { fields: ['dossierId', 'code'] });
  return new Map(rows.map((row) => [row.dossierId, row.code ?? null]));
}

/** Keeps the dossier's code, agency and applicant from its RECEIVED fact (the first one wins the receiving unit). */
export async function rememberDossier(em: EntityManager, fact: { dossierId: string; agencyId: string; unitId: string; procedureId: string; code?: string | null; applicantId?: string | null }): Promise<void> {
  await em.execute(
    `insert into evaluation_dossier (dossier_id, code, agency_id, unit_id, procedure_id, applicant_id) values (?, ?, ?, ?, ?, ?)
     on conflict (dossier_id) do update set code = coalesce(excluded.code, evaluation_dossier.code), applicant_id = coalesce(excluded.applicant_id, evaluation_dossier.applicant_id)`,
    [fact.dossierId, fact.code ?? null, fact.agencyId, fact.unitId, fact.procedureId, fact.applicantId ?? null], 'run',
  );
}
