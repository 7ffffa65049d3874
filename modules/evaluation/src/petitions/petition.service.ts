import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import {
  accessibleWhere, AppError, appendAudit, type Bilingual, type ConnectionResult, ensureCan, isUuid, type PageArgs, pageWindow, type RequestContext,
  requirePrincipal, toConnection, uuid7,
} from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { explainSubjectClock, startSubjectClock, stopSubjectClock, TimeLimitUnit } from '@motcua/workflow/contract';
import { vietnamDay } from '../facts/counters.js';
import { recordDossierFact } from '../facts/dossier-fact.js';
import { EvaluatedDossier } from '../ratings/dossier.entity.js';
import { configVersion } from '../shared/config.service.js';
import type { Period } from '../shared/period.js';
import { Petition, type PetitionStatus, type PetitionSubject } from './petition.entity.js';

const PETITION = { vi: 'phản ánh, kiến nghị', en: 'Petition' };
const DOSSIER = { vi: 'hồ sơ', en: 'Dossier' };
/** The persisted clocks run on the national calendar. */
const CALENDAR = 'VN-GOV';
/** The step clock of the acceptance or refusal decision. */
const DECIDE_STEP = 'DECIDE';
const SUBJECT = 'Petition';

/** What a citizen files: a subject, the agency (or the dossier code that names it), the content and a way to answer them. */
export interface FilePetition {
  subject: PetitionSubject;
  /** Required unless a dossier code names the agency. */
  agencyId?: string | null;
  dossierCode?: string | null;
  regulation?: string | null;
  content: string;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
}

const clockKey = (petition: Petition, stepCode?: string) => ({ subjectType: SUBJECT, subjectId: petition.id, stepCode: stepCode ?? null });
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function text(field: string, value: string | null | undefined, max: number, required: Bilingual): string {
  if (!value?.trim()) throw AppError.badInput(field, required);
  if (value.trim().length > max) throw AppError.badInput(field, { vi: `tối đa ${max} ký tự`, en: `at most ${max} characters` });
  return value.trim();
}

const optional = (value: string | null | undefined, max: number) => value?.trim().slice(0, max) || null;

/** The agency (and dossier) a petition is addressed to, checked against what the filer named. */
async function addressee(em: EntityManager, input: FilePetition): Promise<{ agencyId: string; dossier: EvaluatedDossier | null }> {
  if (!['DOSSIER', 'OFFICER', 'REGULATION'].includes(input.subject)) throw AppError.badInput('subject', { vi: 'loại phản ánh không hợp lệ', en: 'invalid subject' });
  if (input.dossierCode?.trim()) {
    const dossier = await em.findOne(EvaluatedDossier, { code: input.dossierCode.trim() });
    if (!dossier) throw AppError.notFound(DOSSIER, input.dossierCode.trim());
    return { agencyId: dossier.agencyId, dossier };
  }
  if (input.subject === 'DOSSIER') throw AppError.badInput('dossierCode', { vi: 'cần mã hồ sơ', en: 'the dossier code is required' });
  if (!input.agencyId) throw AppError.badInput('agencyId', { vi: 'cần cơ quan nhận phản ánh', en: 'the agency is required' });
  return { agencyId: input.agencyId, dossier: null };
}

/** A fresh tracking code, e.g. `PAKN-2026-3F9A1C2B`. */
const trackingCode = (now: Date) => `PAKN-${vietnamDay(now).slice(0, 4)}-${randomBytes(4).toString('hex').toUpperCase()}`;

/**
 * Files a petition (public: a signed-in citizen, or anyone with contact details) and starts
 * its two clocks on VN-GOV with the limits in force today. Returns the petition and the
 * secret that, with the code, lets the filer follow it (shown once, stored hashed).
 *
 * @example
 * const { petition, secret } = await filePetition(ctx, { subject: 'DOSSIER', dossierCode: '000.00.10.H56-261102-0001', content: 'Quá hạn chưa trả', contactEmail: 'a@b.vn' })
 */
export async function filePetition(ctx: RequestContext, input: FilePetition): Promise<{ petition: Petition; secret: string }> {
  const content = text('content', input.content, 4000, { vi: 'cần nội dung phản ánh', en: 'the content is required' });
  const citizen = ctx.principal?.kind === 'CITIZEN' ? ctx.principal.userId : null;
  if (!citizen && !input.contactEmail?.trim() && !input.contactPhone?.trim()) {
    throw AppError.badInput('contactEmail', { vi: 'cần thư điện tử hoặc số điện thoại để trả lời', en: 'an email or phone number is required for the answer' });
  }
  if (input.subject === 'REGULATION' && !input.regulation?.trim()) throw AppError.badInput('regulation', { vi: 'cần nêu quy định, thủ tục', en: 'name the regulation or procedure' });
  const { agencyId, dossier } = await addressee(ctx.em, input);
  const agency = await agencyUnitOrFail(ctx.em, agencyId);
  const now = ctx.clock.now();
  const limits = await configVersion(ctx.em, 'PETITION_LIMITS', { day: vietnamDay(now) });
  const secret = randomBytes(18).toString('base64url');
  const petition = ctx.em.create(Petition, {
    id: uuid7(now.getTime()), code: trackingCode(now), secretHash: hashSecret(secret), subject: input.subject, unitId: agency.id, unitPath: agency.path,
    dossierId: dossier?.dossierId ?? null, dossierCode: dossier?.code ?? null, regulation: optional(input.regulation, 500), content, filerId: citizen,
    contactName: optional(input.contactName, 200), contactEmail: optional(input.contactEmail, 200), contactPhone: optional(input.contactPhone, 30),
    status: 'FILED', limitsVersion: limits.number, protracted: false, filedAt: now, dueAt: now,
  });
  const days = (value: number) => ({ value, unit: TimeLimitUnit.WORKING_DAYS });
  const answerClock = await startSubjectClock(ctx.em, clockKey(petition), { calendarId: CALENDAR, receivedAt: now, limit: days(limits.config.answerWorkingDays) });
  petition.dueAt = answerClock.ledger.statutoryDueAt!;
  await ctx.em.persist(petition).flush();
  await startSubjectClock(ctx.em, clockKey(petition, DECIDE_STEP), { calendarId: CALENDAR, receivedAt: now, limit: days(limits.config.decideWorkingDays) });
  await appendAudit(ctx.em, { actorId: citizen, action: 'evaluation.petition.file', entityType: SUBJECT, entityId: petition.id, data: { code: petition.code, agencyId } }, now);
  return { petition, secret };
}

/**
 * The status of a petition for whoever holds its code and secret (public); NOT_FOUND for a
 * wrong pair, so codes cannot be probed.
 */
export async function petitionByCode(ctx: RequestContext, code: string, secret: string): Promise<Petition> {
  const petition = await ctx.em.findOne(Petition, { code: code?.trim() ?? '' });
  const given = Buffer.from(hashSecret(secret ?? ''), 'hex');
  if (!petition || !timingSafeEqual(given, Buffer.from(petition.secretHash, 'hex'))) throw AppError.notFound(PETITION, code);
  return petition;
}

/** Loads a petition the caller may handle (`petition.handle` over its agency). */
export async function handledPetition(ctx: RequestContext, id: string): Promise<Petition> {
  requirePrincipal(ctx);
  const petition = isUuid(id) ? await ctx.em.findOne(Petition, { id }) : null;
  if (!petition) throw AppError.notFound(PETITION, id);
  ensureCan(ctx, 'handle', SUBJECT, { unitId: petition.unitId, unitPath: petition.unitPath });
  return petition;
}

function expectStatus(petition: Petition, ...allowed: PetitionStatus[]): void {
  if (!allowed.includes(petition.status)) {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: `phản ánh đang ở trạng thái ${petition.status}`, en: `the petition is ${petition.status}` } });
  }
}

async function audit(ctx: RequestContext, action: string, petition: Petition, data: Record<string, unknown>): Promise<void> {
  await appendAudit(ctx.em, { actorId: ctx.principal!.userId, action: `evaluation.petition.${action}`, entityType: SUBJECT, entityId: petition.id, data }, ctx.clock.now());
}

/** Records a COMPLAINT or COMPLAINT_DISMISSED fact of the petition's dossier, counting against its unit and the named officer. */
async function complaintFact(ctx: RequestContext, petition: Petition, kind: 'COMPLAINT' | 'COMPLAINT_DISMISSED'): Promise<void> {
  const dossier = await ctx.em.findOneOrFail(EvaluatedDossier, { dossierId: petition.dossierId! });
  await recordDossierFact(ctx.em, {
    kind, dossierId: dossier.dossierId, agencyId: dossier.agencyId, unitId: dossier.unitId, officerId: petition.officerId ?? null,
    procedureId: dossier.procedureId, occurredAt: ctx.clock.now().toISOString(),
  }, ctx.clock.now());
}

/** A complaint about an officer's conduct in a dossier counts for criterion 7 once accepted. */
const isDossierComplaint = (petition: Petition) => petition.subject === 'OFFICER' && petition.dossierId != null;

/**
 * Accepts a filed petition (`petition.handle`), naming the officer it concerns when it is
 * about an officer's conduct; a complaint about an officer in a dossier becomes that dossier's
 * COMPLAINT fact (criterion 7).
 */
export async function acceptPetition(ctx: RequestContext, id: string, officerId: string | null | undefined): Promise<Petition> {
  const petition = await handledPetition(ctx, id);
  expectStatus(petition, 'FILED');
  if (officerId && !isUuid(officerId)) throw AppError.badInput('officerId', { vi: 'mã cán bộ không hợp lệ', en: 'invalid officer id' });
  const now = ctx.clock.now();
  await stopSubjectClock(ctx.em, clockKey(petition, DECIDE_STEP), { end: now });
  Object.assign(petition, { status: 'ACCEPTED', officerId: officerId ?? null, decidedAt: now, handledBy: ctx.principal!.userId });
  await ctx.em.flush();
  if (isDossierComplaint(petition)) await complaintFact(ctx, petition, 'COMPLAINT');
  await audit(ctx, 'accept', petition, { officerId: petition.officerId });
  return petition;
}

/** Refuses a filed petition as out of scope with a reason; judged against the acceptance limit. */
export async function rejectPetition(ctx: RequestContext, id: string, reason: string): Promise<Petition> {
  const petition = await handledPetition(ctx, id);
  expectStatus(petition, 'FILED');
  const rejectReason = text('reason', reason, 4000, { vi: 'cần nêu lý do từ chối', en: 'a reason is required' });
  const now = ctx.clock.now();
  const judgement = await stopSubjectClock(ctx.em, clockKey(petition, DECIDE_STEP), { end: now });
  await stopSubjectClock(ctx.em, clockKey(petition), { end: now });
  Object.assign(petition, {
    status: 'REJECTED', rejectReason, timeliness: judgement.timeliness, handledDay: vietnamDay(now), decidedAt: now, handledBy: ctx.principal!.userId,
  });
  await ctx.em.flush();
  await audit(ctx, 'reject', petition, { reason: rejectReason, timeliness: judgement.timeliness });
  return petition;
}

/** Answers an accepted petition; the answer clock is judged and a late answer marks it protracted (kéo dài). */
export async function answerPetition(ctx: RequestContext, id: string, answer: string): Promise<Petition> {
  const petition = await handledPetition(ctx, id);
  expectStatus(petition, 'ACCEPTED');
  const answerText = text('answer', answer, 8000, { vi: 'cần nội dung trả lời', en: 'the answer is required' });
  const now = ctx.clock.now();
  const judgement = await stopSubjectClock(ctx.em, clockKey(petition), { end: now });
  Object.assign(petition, {
    status: 'ANSWERED', answer: answerText, timeliness: judgement.timeliness, protracted: judgement.timeliness === 'LATE', handledDay: vietnamDay(now), answeredAt: now,
    handledBy: ctx.principal!.userId,
  });
  await ctx.em.flush();
  await audit(ctx, 'answer', petition, { timeliness: judgement.timeliness });
  return petition;
}

/** Closes an answered petition. */
export async function closePetition(ctx: RequestContext, id: string): Promise<Petition> {
  const petition = await handledPetition(ctx, id);
  expectStatus(petition, 'ANSWERED');
  Object.assign(petition, { status: 'CLOSED', closedAt: ctx.clock.now() });
  await ctx.em.flush();
  await audit(ctx, 'close', petition, {});
  return petition;
}

/**
 * Records that an accepted or answered complaint was found untrue: it leaves every score
 * (criterion 8 and, for a dossier complaint, criterion 7 through COMPLAINT_DISMISSED), with the reason kept.
 */
export async function dismissComplaint(ctx: RequestContext, id: string, reason: string): Promise<Petition> {
  const petition = await handledPetition(ctx, id);
  expectStatus(petition, 'ACCEPTED', 'ANSWERED', 'CLOSED');
  if (petition.dismissedReason) throw AppError.conflict({ vi: 'phản ánh đã được kết luận là không đúng', en: 'the complaint was already found untrue' });
  petition.dismissedReason = text('reason', reason, 2000, { vi: 'cần nêu lý do', en: 'a reason is required' });
  await ctx.em.flush();
  if (isDossierComplaint(petition)) await complaintFact(ctx, petition, 'COMPLAINT_DISMISSED');
  await audit(ctx, 'dismiss', petition, { reason: petition.dismissedReason });
  return petition;
}

/** Petitions the caller may handle, optionally of one status, newest first. */
export async function listPetitions(ctx: RequestContext, status: PetitionStatus | undefined, args: PageArgs): Promise<ConnectionResult<Petition>> {
  requirePrincipal(ctx);
  const window = pageWindow(args);
  const where = accessibleWhere<Petition>(ctx.ability, 'handle', SUBJECT);
  if (!where) return toConnection([], 0, window);
  const [rows, total] = await ctx.em.findAndCount(Petition, { $and: [where, ...(status ? [{ status }] : [])] }, {
    orderBy: { filedAt: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset,
  });
  return toConnection(rows, total, window);
}

/** The clock explanation of a petition's answer (both languages), up to its answer or now. */
export function explainPetitionClock(ctx: RequestContext, petition: Petition): Promise<Bilingual[]> {
  return explainSubjectClock(ctx.em, clockKey(petition), petition.answeredAt ?? petition.decidedAt ?? ctx.clock.now());
}

/** What an agency's handled petitions of a period give criterion 8 and the 766 indicators 5.1–5.3. */
export interface PetitionCounts {
  petitions: number;
  petitionsOnTime: number;
  petitionsLate: number;
  petitionsProtracted: number;
  petitionsAboutRegulations: number;
}

/**
 * Counts the petitions answered or refused in a period (those found untrue excluded): all,
 * on time (not LATE), late, protracted and about a regulation. Null when there are none, so
 * the entered agency-period facts (or supplied 766 measures) still apply.
 *
 * @example
 * await petitionCounts(em, agencyId, parsePeriod('2026-Q4')) // { petitions: 10, petitionsOnTime: 9, petitionsLate: 1, petitionsProtracted: 1, petitionsAboutRegulations: 2 }
 */
export async function petitionCounts(em: EntityManager, agencyId: string, period: Period): Promise<PetitionCounts | null> {
  const rows = await em.createQueryBuilder(Petition, 'p')
    .select(['p.timeliness', 'p.protracted', 'p.subject'])
    .where({ unitId: agencyId, dismissedReason: null, handledDay: { $gte: period.fromDay, $lte: period.toDay } })
    .execute<Array<{ timeliness: string; protracted: boolean | number; subject: PetitionSubject }>>('all', true);
  if (!rows.length) return null;
  const late = rows.filter((row) => row.timeliness === 'LATE').length;
  return {
    petitions: rows.length,
    petitionsOnTime: rows.length - late,
    petitionsLate: late,
    petitionsProtracted: rows.filter((row) => Boolean(row.protracted)).length,
    petitionsAboutRegulations: rows.filter((row) => row.subject === 'REGULATION').length,
  };
}
