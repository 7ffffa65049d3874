import { randomBytes } from 'node:crypto';
import {
  Channel as CatalogChannel, type CaseSnapshot, findOffering, type OfferingSnapshot, validateApplicationForm,
} from '@motcua/catalog/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import {
  AppError, foldVietnamese, isUuid, queryPrepared, requirePrincipal, type RequestContext, uuid7,
} from '@motcua/kernel/contract';
import { startInstance, startSubjectClock, type TimeLimit } from '@motcua/workflow/contract';
import { allocateDossierCode } from '../code/allocate.js';
import { localDay } from '../code/dossier-code.js';
import { Channel, Dossier, DossierDocument } from '../dossier/dossier.entity.js';
import { DossierAction, FormKind } from '../lifecycle/actions.js';
import { applyTransition } from '../lifecycle/machine.js';
import { lifecycleRulesFor } from '../lifecycle/rules.js';
import { DossierState } from '../lifecycle/states.js';
import { storeDocument } from './documents.js';
import type { ApplicantInput, AttachDocumentInput, CreateDossierInput, MissingItemsInput, ReasonsInput, ReceiveDossierInput, UpdateDossierDraftInput } from './dossier.types.js';
import { issueForm, formCommon } from './forms.js';
import { act, clockKeyOf, dossierOrFail, lifecycleContext, recordFact, SUBJECT_TYPE } from './lifecycle.service.js';
import { assertCompetentReception, assertOwnerOrDesk, assertReception } from './access.js';
import { publicTrackingBase } from '../public-links.js';

/** Calendar of dossier clocks: `DOSSIER_CALENDAR` (id or code), default the national `VN-GOV`. */
const CALENDAR = process.env.DOSSIER_CALENDAR ?? 'VN-GOV';

const FROM_CATALOG: Record<CatalogChannel, Channel> = { [CatalogChannel.DIRECT]: Channel.DIRECT, [CatalogChannel.ONLINE]: Channel.ONLINE, [CatalogChannel.POSTAL]: Channel.POSTAL };

/** The offering a dossier is judged by at `at` (the version in force that day). */
export function offeringOf(ctx: RequestContext, dossier: Dossier, at: Date): Promise<OfferingSnapshot> {
  const channel = Object.entries(FROM_CATALOG).find(([, value]) => value === dossier.channel)![0] as CatalogChannel;
  return findOffering(ctx.em, { procedureId: dossier.procedureId!, agencyId: dossier.agencyId!, channel, at });
}

/** The case of the offering the dossier is filed under (NOT_FOUND for an unknown case). */
export function caseOf(offering: OfferingSnapshot, caseCode: string): CaseSnapshot {
  const found = offering.cases.find((c) => c.code === caseCode);
  if (!found) throw AppError.notFound({ vi: `trường hợp ${caseCode}`, en: `Case ${caseCode}` }, caseCode);
  return found;
}

/** Whether every mandatory component not taken from a shared database has a document. */
export async function componentsPresent(ctx: RequestContext, dossier: Dossier, item: CaseSnapshot): Promise<boolean> {
  const attached = new Set((await ctx.em.find(DossierDocument, { dossierId: dossier.id })).map((d) => d.componentCode));
  return item.components.every((c) => !c.mandatory || c.fromSharedDatabase || attached.has(c.code));
}

async function agencyFacts(ctx: RequestContext, id: string): Promise<{ id: string; path: string; code: string; name: string }> {
  const unit = await agencyUnitOrFail(ctx.em, id);
  // The identity contract gives ids and paths; the code and name printed on forms come from its table.
  const [row] = await queryPrepared<{ code: string; name: string }>(ctx.em, 'select code, name from identity_agency where id = ?', [id]);
  return { ...unit, code: row.code, name: row.name };
}

/** Refuses e-form data that does not satisfy the case's schema, naming every bad field. */
async function assertFormData(ctx: RequestContext, procedureVersionId: string, caseCode: string, data: Record<string, unknown>): Promise<void> {
  const errors = await validateApplicationForm(ctx.em, procedureVersionId, caseCode, data);
  if (!errors.length) return;
  throw new AppError('BAD_USER_INPUT', { reason: { vi: 'Dữ liệu tờ khai không hợp lệ', en: 'The application form has errors' } }, {
    field: 'formData', errors: errors.map((e) => ({ field: e.field, vi: e.messages.vi, en: e.messages.en })),
  });
}

function applyApplicant(dossier: Dossier, applicant: ApplicantInput): void {
  if (!applicant.name.trim()) throw AppError.badInput('applicant.name', { vi: 'Thiếu họ tên người nộp', en: 'The applicant name is missing' });
  Object.assign(dossier, {
    applicantName: applicant.name.trim(), applicantIdNumber: applicant.idNumber ?? null, applicantEmail: applicant.email ?? null,
    applicantPhone: applicant.phone ?? null, applicantAddress: applicant.address ?? null, applicantKind: applicant.kind ?? 1,
  });
  dossier.searchText = searchTextOf(dossier);
}

/** Code and applicant name, folded: what `dossiers(filter: { search })` matches. */
export const searchTextOf = (dossier: Pick<Dossier, 'code' | 'applicantName'>) => foldVietnamese(`${dossier.code ?? ''} ${dossier.applicantName}`).slice(0, 500);

/** Where a dossier is lodged (`unitId`), where the competent agency receives it, and whether that differs. */
interface Lodging {
  unitId: string;
  competentUnitId: string;
  boundaryFree: boolean;
}

/**
 * Where a new dossier is lodged. A desk among the offering's receiving units lodges it there; a
 * desk outside them lodges it regardless of administrative boundary when the procedure version
 * is listed so (`boundaryFree` in the catalog content, Decree 118 Art. 14), and the competent
 * agency receives it later at the offering's first receiving unit. Otherwise (a draft, or a
 * procedure that is not boundary-free) it belongs to the offering's first receiving unit, where
 * a desk outside is refused as before. The caller checks the desk's reception role on `unitId`.
 *
 * @example lodgingOf({ receivingUnitIds: [desk], boundaryFree: true }, commune) // { unitId: commune, competentUnitId: desk, boundaryFree: true }
 */
function lodgingOf(offering: Pick<OfferingSnapshot, 'receivingUnitIds' | 'boundaryFree'>, deskUnitId: string | null): Lodging {
  const [first] = offering.receivingUnitIds;
  if (deskUnitId && offering.receivingUnitIds.includes(deskUnitId)) return { unitId: deskUnitId, competentUnitId: deskUnitId, boundaryFree: false };
  if (deskUnitId && offering.boundaryFree) return { unitId: deskUnitId, competentUnitId: first, boundaryFree: true };
  return { unitId: first, competentUnitId: first, boundaryFree: false };
}

/** A new dossier in state NEW for the offering, lodged at `deskUnitId` when that may (not flushed: the first transition records it). */
async function newDossier(ctx: RequestContext, input: CreateDossierInput, channel: CatalogChannel, deskUnitId: string | null): Promise<Dossier> {
  const now = ctx.clock.now();
  const offering = await findOffering(ctx.em, { ...(isUuid(input.procedure) ? { procedureId: input.procedure } : { procedureCode: input.procedure }), agencyId: input.agencyId, channel, at: now });
  caseOf(offering, input.caseCode);
  if (input.formData) await assertFormData(ctx, offering.procedureVersionId, input.caseCode, input.formData);
  const lodging = lodgingOf(offering, deskUnitId);
  const [agency, unit] = await Promise.all([agencyFacts(ctx, input.agencyId), agencyFacts(ctx, lodging.unitId)]);
  const competent = lodging.boundaryFree ? await agencyUnitOrFail(ctx.em, lodging.competentUnitId) : unit;
  const dossier = ctx.em.create(Dossier, {
    id: uuid7(now.getTime()), state: DossierState.NEW, channel: FROM_CATALOG[channel], unitCode: unit.code, unitId: unit.id, unitPath: unit.path,
    competentUnitId: competent.id, competentUnitPath: competent.path, boundaryFree: lodging.boundaryFree,
    agencyCode: agency.code, agencyName: agency.name, agencyId: agency.id, agencyPath: agency.path, procedureId: offering.procedureId,
    procedureVersionId: offering.procedureVersionId, procedureCode: offering.code, procedureName: offering.name, caseCode: input.caseCode,
    applicantName: '', summary: input.summary ?? null, formData: input.formData ?? {},
    applicantUserId: ctx.principal?.kind === 'CITIZEN' ? ctx.principal.userId : null,
  });
  applyApplicant(dossier, input.applicant);
  return dossier;
}

/** T1: a citizen's (or an officer's on their behalf) online draft. */
export async function createDraft(ctx: RequestContext, input: CreateDossierInput): Promise<Dossier> {
  const principal = requirePrincipal(ctx);
  const dossier = await newDossier(ctx, input, input.channel ?? CatalogChannel.ONLINE, null);
  dossier.applicantUserId = principal.userId;
  await act(ctx, dossier, { type: DossierAction.CREATE_DRAFT }, { content: 'Tạo hồ sơ nháp' });
  return dossier;
}

/** Changes a draft (its owner only), validating the e-form data against the case's schema. */
export async function updateDraft(ctx: RequestContext, input: UpdateDossierDraftInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertOwnerOrDesk(ctx, dossier, false);
  if (dossier.state !== DossierState.DRAFT) throw new AppError('INVALID_TRANSITION', { reason: { vi: 'chỉ sửa được hồ sơ nháp', en: 'only drafts can be edited' } }, { state: dossier.state, allowed: [] });
  if (input.version != null && input.version !== dossier.version) throw AppError.conflict({ vi: 'hồ sơ vừa được sửa; hãy tải lại', en: 'the dossier just changed; reload it' });
  if (input.formData) {
    await assertFormData(ctx, dossier.procedureVersionId!, dossier.caseCode, input.formData);
    dossier.formData = input.formData;
  }
  if (input.applicant) applyApplicant(dossier, input.applicant);
  if (input.summary !== undefined) dossier.summary = input.summary;
  await ctx.em.flush();
  return dossier;
}

/** Attaches a document to a draft (its owner) or to a dossier at the desk (before processing). */
export async function attachDocument(ctx: RequestContext, input: AttachDocumentInput): Promise<DossierDocument> {
  const dossier = await dossierOrFail(ctx, input.dossierId);
  assertOwnerOrDesk(ctx, dossier, true);
  const open = [DossierState.DRAFT, DossierState.NEEDS_COMPLETION, DossierState.SUBMITTED, DossierState.SUPPLEMENT_REQUESTED];
  if (!open.includes(dossier.state as DossierState)) {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: 'hồ sơ không nhận thêm giấy tờ ở trạng thái này', en: 'the dossier takes no documents in this state' } }, { state: dossier.state, allowed: [] });
  }
  return storeDocument(ctx, dossier, input);
}

/** T2: the owner submits a draft; every mandatory component must be attached. */
export async function submit(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertOwnerOrDesk(ctx, dossier, false);
  const item = caseOf(await offeringOf(ctx, dossier, ctx.clock.now()), dossier.caseCode);
  dossier.submittedAt = ctx.clock.now();
  await act(ctx, dossier, { type: DossierAction.SUBMIT }, { content: 'Nộp hồ sơ trực tuyến' }, { componentsPresent: await componentsPresent(ctx, dossier, item) });
  return dossier;
}

/** The dossier to receive: a submitted one by id, or a new desk dossier with its documents. */
async function dossierToReceive(ctx: RequestContext, input: ReceiveDossierInput): Promise<Dossier> {
  if (input.id) return dossierOrFail(ctx, input.id);
  if (!input.create) throw AppError.badInput('id', { vi: 'Cần mã hồ sơ hoặc thông tin hồ sơ mới', en: 'Give the dossier id or a new dossier' });
  const principal = requirePrincipal(ctx);
  const dossier = await newDossier(ctx, input.create, input.create.channel ?? CatalogChannel.DIRECT, principal.agencyId);
  assertReception(ctx, dossier);
  await ctx.em.flush();
  for (const document of input.documents ?? []) await storeDocument(ctx, dossier, { ...document, dossierId: dossier.id });
  return dossier;
}

/** The offering's process; refuses an offering without one (no hidden default process). */
function processOf(dossier: Dossier, offering: OfferingSnapshot): string {
  if (offering.workflowDefinitionId) return offering.workflowDefinitionId;
  throw new AppError('INVALID_TRANSITION', {
    reason: { vi: `cơ quan chưa gắn quy trình nội bộ cho thủ tục ${offering.code}`, en: `the agency has no internal process for procedure ${offering.code}` },
  }, { state: dossier.state, allowed: [] });
}

/** Starts the statutory clock now and the offering's process; returns the due instant. */
async function startProcessing(ctx: RequestContext, dossier: Dossier, offering: OfferingSnapshot, limit: TimeLimit): Promise<Date> {
  const processId = processOf(dossier, offering);
  const now = ctx.clock.now();
  const clock = await startSubjectClock(ctx.em, clockKeyOf(dossier), { calendarId: CALENDAR, receivedAt: now, limit });
  const { instance } = await startInstance(ctx.em, { processId, subjectType: SUBJECT_TYPE, subjectId: dossier.id, now });
  dossier.processInstanceId = instance.id;
  return clock.ledger.dueAt!;
}

/**
 * T3/T4: receipt of a complete dossier by a reception officer of its receiving unit: the code
 * (from that unit's counter), the clock (the offering's effective limit), the process instance,
 * Mẫu 01 and the RECEIVED fact. A boundary-free dossier lodged at another desk gets its code,
 * national status 2 and Mẫu 01 (without a due date: the appointment is set when the competent
 * agency receives it), but no clock and no process yet: {@link receiveAtCompetentAgency} starts them.
 */
export async function receive(ctx: RequestContext, input: ReceiveDossierInput): Promise<Dossier> {
  const dossier = await dossierToReceive(ctx, input);
  assertReception(ctx, dossier);
  const now = ctx.clock.now();
  const offering = await offeringOf(ctx, dossier, now);
  const item = caseOf(offering, dossier.caseCode);
  const present = await componentsPresent(ctx, dossier, item);
  applyTransition(dossier.state as DossierState, { type: DossierAction.RECEIVE }, await lifecycleContext(ctx, dossier, present)); // refuse before numbering
  processOf(dossier, offering); // a boundary-free dossier too: the competent agency could not start it
  dossier.code = await allocateDossierCode(ctx.em, dossier.unitCode, now);
  Object.assign(dossier, {
    procedureVersionId: offering.procedureVersionId, rulesVersion: lifecycleRulesFor(localDay(now)).version,
    trackingSecret: randomBytes(8).toString('hex'), searchText: searchTextOf(dossier),
  });
  const dueAt = dossier.boundaryFree ? null : await startProcessing(ctx, dossier, offering, offering.effectiveLimit);
  if (!dossier.boundaryFree) dossier.limit = offering.effectiveLimit;
  const content = dossier.boundaryFree ? 'Tiếp nhận hồ sơ không phụ thuộc địa giới hành chính; chuyển cơ quan có thẩm quyền' : 'Tiếp nhận hồ sơ';
  await act(ctx, dossier, { type: DossierAction.RECEIVE }, { content, ...(dueAt ? { dueAt } : {}) }, { componentsPresent: present });
  await recordFact(ctx, dossier, { kind: 'RECEIVED', online: dossier.channel === Channel.ONLINE, code: dossier.code, applicantId: dossier.applicantUserId ?? null }, dossier.unitId);
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), kind: FormKind.RECEIPT, dossierCode: dossier.code, receivedAt: now, dueAt, trackingUrl: trackingLink(dossier),
    components: item.components.filter((c) => !c.fromSharedDatabase).map((c) => ({ name: c.name, originals: c.originals, certifiedCopies: c.copies, photocopies: 0 })),
    sets: 1, timeLimitText: limitText(offering.effectiveLimit) + (dossier.boundaryFree ? ', tính từ khi cơ quan có thẩm quyền nhận được hồ sơ' : ''),
    // A boundary-free dossier's result comes back to the desk where it was lodged.
    returnPlace: dossier.boundaryFree ? (await agencyFacts(ctx, dossier.unitId!)).name : dossier.agencyName, receiverName: requirePrincipal(ctx).fullName,
  });
  return dossier;
}

/**
 * T3b: the competent agency's reception receives a boundary-free dossier lodged at another desk
 * (a reception officer of its competent unit, `receiveAsCompetent`): the statutory clock starts
 * now with the effective limit of the offering in force now (Decree 118 Art. 17(3)), the
 * offering's process starts, the due date is set (the transition's event tells the applicant)
 * and `competentReceivedAt` is recorded; the national status stays 2. INVALID_TRANSITION for
 * any other dossier.
 *
 * @example
 * const dossier = await receiveAtCompetentAgency(ctx, id); // Monday 09:00
 * dossier.competentReceivedAt; // Monday 09:00
 * dossier.dueAt;               // three working days later for a 3-working-day limit: Thursday 09:00
 */
export async function receiveAtCompetentAgency(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertCompetentReception(ctx, dossier);
  const now = ctx.clock.now();
  const action = { type: DossierAction.RECEIVE_AT_COMPETENT_AGENCY } as const;
  applyTransition(dossier.state as DossierState, action, await lifecycleContext(ctx, dossier)); // refuse before starting anything
  const offering = await offeringOf(ctx, dossier, now);
  const dueAt = await startProcessing(ctx, dossier, offering, offering.effectiveLimit);
  await act(ctx, dossier, action, { content: 'Cơ quan có thẩm quyền tiếp nhận hồ sơ', dueAt });
  // After `act`: a limit on the dossier means its clock started, which the T3b guard reads.
  Object.assign(dossier, { procedureVersionId: offering.procedureVersionId, limit: offering.effectiveLimit, competentReceivedAt: now });
  return dossier;
}

/** The public tracking link printed as a QR code on Mẫu 01 (`PUBLIC_TRACKING_URL`). */
function trackingLink(dossier: Dossier): string {
  const base = publicTrackingBase(process.env);
  return `${base}?ma=${encodeURIComponent(dossier.code!)}&k=${dossier.trackingSecret}`;
}

const UNIT_WORDS: Record<string, string> = { WORKING_DAYS: 'ngày làm việc', WORKING_HOURS: 'giờ làm việc', CALENDAR_DAYS: 'ngày', SAME_DAY: 'trong ngày' };

/** The limit as the slip words it. @example limitText({ value: 5, unit: 'WORKING_DAYS' }) // '05 ngày làm việc' */
export function limitText(limit: TimeLimit): string {
  return limit.unit === 'SAME_DAY' ? 'Trong ngày' : `${String(limit.value).padStart(2, '0')} ${UNIT_WORDS[limit.unit]}`;
}

/** T5: before receipt, everything missing at once (Mẫu 02); the clock does not start. */
export async function requestCompletion(ctx: RequestContext, input: MissingItemsInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertReception(ctx, dossier);
  const now = ctx.clock.now();
  await act(ctx, dossier, { type: DossierAction.REQUEST_COMPLETION, missing: input.missing }, { content: `Yêu cầu hoàn thiện hồ sơ: ${input.missing.join('; ')}`, details: { missing: input.missing } });
  const ordinal = (dossier.supplements?.length ?? 0) + 1;
  dossier.supplements = [...(dossier.supplements ?? []), { ordinal, missing: input.missing, requestedAt: now.toISOString(), receivedAt: null, beforeReceipt: true, countsLate: false }];
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), kind: FormKind.SUPPLEMENT_REQUEST, receivedAt: dossier.submittedAt ?? now, issuedAt: now,
    items: input.missing.map((name) => ({ name, reason: 'Còn thiếu' })), officerName: requirePrincipal(ctx).fullName,
  });
  return dossier;
}

/** The owner completes a dossier asked for completion: back in the queue. */
export async function resubmit(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertOwnerOrDesk(ctx, dossier, true);
  await act(ctx, dossier, { type: DossierAction.RESUBMIT }, { content: 'Nộp lại hồ sơ đã hoàn thiện' });
  return dossier;
}

/** T6: refusal at reception with reasons (Mẫu 03). */
export async function refuseAtReception(ctx: RequestContext, input: ReasonsInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertReception(ctx, dossier);
  const now = ctx.clock.now();
  await act(ctx, dossier, { type: DossierAction.REFUSE_AT_RECEPTION, reasons: input.reasons }, { content: `Từ chối tiếp nhận: ${input.reasons.join('; ')}`, details: { reasons: input.reasons } });
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), kind: FormKind.REFUSAL, receivedAt: dossier.submittedAt ?? now, issuedAt: now, reasons: input.reasons, officerName: requirePrincipal(ctx).fullName,
  });
  return dossier;
}

