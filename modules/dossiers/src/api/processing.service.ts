import { AppError, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import { RATING_LINK_DAYS, signRatingToken } from '@motcua/evaluation/contract';
import { actOnTask, cancelInstance, InstanceStatus, readInstance, resumeInstance, StepAction } from '@motcua/workflow/contract';
import type { Dossier } from '../dossier/dossier.entity.js';
import { DossierAction, FormKind, TransitionFlag } from '../lifecycle/actions.js';
import { applyTransition } from '../lifecycle/machine.js';
import { DossierState } from '../lifecycle/states.js';
import { vnDate } from '../forms/vietnamese-time.js';
import { PdfWriter } from '../forms/pdf-writer.js';
import { dossierBlobs } from '../store/blobs.js';
import { assertOwnerOrDesk, assertProcessing, assertReception, assertSupervision, isOwner } from './access.js';
import type { ApologyInput, ApproveResultInput, DossierStepInput, MissingItemsInput, ReasonsInput, ReturnResultInput } from './dossier.types.js';
import { documentFromBase64 } from './documents.js';
import { formCommon, issueForm } from './forms.js';
import { act, dossierOrFail, lifecycleContext, processingSupplements, recordFact } from './lifecycle.service.js';
import { signResultPdf } from './result-signing.js';

const STEP_ACTIONS = new Set<string>(Object.values(StepAction));

/** The open task to act on: the one named, else the only one, else the one assigned to the caller. */
async function openTaskOf(ctx: RequestContext, dossier: Dossier, taskId?: string | null) {
  const instance = dossier.processInstanceId ? await readInstance(ctx.em, dossier.processInstanceId) : null;
  const tasks = instance?.openTasks ?? [];
  const userId = requirePrincipal(ctx).userId;
  const task = taskId ? tasks.find((t) => t.id === taskId) : tasks.length === 1 ? tasks[0] : tasks.find((t) => t.assigneeId === userId) ?? tasks[0];
  if (!task) throw new AppError('INVALID_TRANSITION', { reason: { vi: 'hồ sơ không có bước xử lý đang mở', en: 'the dossier has no open step' } }, { state: dossier.state, allowed: [] });
  return task;
}

/**
 * An officer acts on the dossier's open workflow task (the engine checks they may: the
 * assignee, or a holder of the task's role reaching its unit). The dossier reacts in the same
 * transaction (no event round trip): the first step moves it from received (2) to processing
 * (4) (T7), later ones are hand-overs (T8); each completed step records STEP_COMPLETED with the
 * step clock's timeliness.
 */
export async function actOnStep(ctx: RequestContext, input: DossierStepInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  const principal = requirePrincipal(ctx);
  if (!STEP_ACTIONS.has(input.action) || input.action === StepAction.REQUEST_SUPPLEMENT) {
    throw AppError.badInput('action', { vi: 'Thao tác bước không hợp lệ (yêu cầu bổ sung dùng requestSupplement)', en: 'Unknown step action (use requestSupplement for supplements)' });
  }
  const action = dossier.state === DossierState.RECEIVED ? DossierAction.FORWARD : DossierAction.HAND_OVER;
  applyTransition(dossier.state as DossierState, { type: action }, await lifecycleContext(ctx, dossier)); // refuse before touching the task
  const task = await openTaskOf(ctx, dossier, input.taskId);
  const now = ctx.clock.now();
  const result = await actOnTask(ctx.em, {
    taskId: task.id, version: task.version, action: input.action as StepAction, to: input.to ?? null, comment: input.comment ?? null, actorId: principal.userId, now,
  });
  dossier.officerId = principal.userId;
  dossier.handlerId ??= principal.userId;
  await act(ctx, dossier, { type: action }, {
    content: `${task.stepName}: ${input.comment?.trim() || input.action}`, stepStartedAt: task.enteredAt, stepDueAt: task.dueAt,
    details: { stepCode: task.stepCode, stepAction: input.action, timeliness: result.task.timeliness ?? null },
  });
  if (result.task.timeliness) await recordFact(ctx, dossier, { kind: 'STEP_COMPLETED', stepCode: task.stepCode, timeliness: result.task.timeliness }, task.unitId);
  return dossier;
}

/**
 * T9: everything to supplement, at once (Mẫu 02): the clock pauses; the open step waits for the
 * supplement when its process offers that (else the task stays open). A second request is
 * allowed but flagged: it makes the dossier late in national statistics.
 */
export async function requestSupplement(ctx: RequestContext, input: MissingItemsInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertProcessing(ctx, dossier);
  const now = ctx.clock.now();
  const outcome = await act(ctx, dossier, { type: DossierAction.REQUEST_SUPPLEMENT, missing: input.missing }, {
    content: `Yêu cầu bổ sung: ${input.missing.join('; ')}`, details: { missing: input.missing },
  });
  const task = await openTaskOf(ctx, dossier).catch(() => null);
  if (task?.allowedActions.some((t) => t.action === StepAction.REQUEST_SUPPLEMENT)) {
    await actOnTask(ctx.em, { taskId: task.id, version: task.version, action: StepAction.REQUEST_SUPPLEMENT, actorId: requirePrincipal(ctx).userId, now, comment: input.missing.join('; ') });
  }
  const ordinal = processingSupplements(dossier).length + 1;
  dossier.supplements = [...(dossier.supplements ?? []), {
    ordinal, missing: input.missing, requestedAt: now.toISOString(), receivedAt: null, beforeReceipt: false, countsLate: outcome.flags.includes(TransitionFlag.SUPPLEMENT_COUNTS_LATE),
  }];
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), dossierCode: dossier.code!, kind: FormKind.SUPPLEMENT_REQUEST, receivedAt: dossier.receivedAt!, issuedAt: now,
    items: input.missing.map((name) => ({ name, reason: 'Cần bổ sung' })), officerName: requirePrincipal(ctx).fullName,
  });
  return dossier;
}

/** T10: the supplement arrived (at the desk or from the owner): the clock and the process resume. */
export async function receiveSupplement(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertOwnerOrDesk(ctx, dossier, true);
  const now = ctx.clock.now();
  await act(ctx, dossier, { type: DossierAction.RECEIVE_SUPPLEMENT }, { content: 'Nhận hồ sơ bổ sung' });
  const instance = dossier.processInstanceId ? await readInstance(ctx.em, dossier.processInstanceId) : null;
  if (instance?.status === InstanceStatus.WAITING) await resumeInstance(ctx.em, { instanceId: instance.id, now });
  dossier.supplements = (dossier.supplements ?? []).map((s) => (s.receivedAt ? s : { ...s, receivedAt: now.toISOString() }));
  return dossier;
}

/** T12: waiting for a fee or tax (pauses the clock when the rules say so). */
export async function requirePayment(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertProcessing(ctx, dossier);
  await act(ctx, dossier, { type: DossierAction.REQUIRE_PAYMENT }, { content: 'Yêu cầu thực hiện nghĩa vụ tài chính' });
  return dossier;
}

/** T13: paid or confirmed: back to processing (or done when the result was already signed). */
export async function confirmPayment(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  if (!isOwner(ctx, dossier)) assertReception(ctx, dossier);
  await act(ctx, dossier, { type: DossierAction.CONFIRM_PAYMENT }, { content: 'Đã thực hiện nghĩa vụ tài chính' });
  return dossier;
}

async function endInstance(ctx: RequestContext, dossier: Dossier): Promise<void> {
  const instance = dossier.processInstanceId ? await readInstance(ctx.em, dossier.processInstanceId) : null;
  if (instance && (instance.status === InstanceStatus.RUNNING || instance.status === InstanceStatus.WAITING)) await cancelInstance(ctx.em, { instanceId: instance.id, now: ctx.clock.now() });
}

/** T14: processing stops with reasons (Mẫu 05): the clock stops, the process is cancelled. */
export async function stop(ctx: RequestContext, input: ReasonsInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertProcessing(ctx, dossier);
  const now = ctx.clock.now();
  await act(ctx, dossier, { type: DossierAction.STOP_PROCESSING, reasons: input.reasons }, { content: `Dừng giải quyết: ${input.reasons.join('; ')}`, details: { reasons: input.reasons } });
  await endInstance(ctx, dossier);
  const principal = requirePrincipal(ctx);
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), dossierCode: dossier.code!, kind: FormKind.STOP_NOTICE, receivedAt: dossier.receivedAt!, issuedAt: now,
    reasons: input.reasons, signerName: principal.fullName, signerTitle: 'Thủ trưởng cơ quan',
  });
  return dossier;
}

/** T15: withdrawal at the applicant's request (the owner, or the desk on their written request). */
export async function withdraw(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  assertOwnerOrDesk(ctx, dossier, true);
  await act(ctx, dossier, { type: DossierAction.WITHDRAW }, { content: 'Công dân rút hồ sơ' });
  await endInstance(ctx, dossier);
  return dossier;
}

/** T16: apology and new appointment (Mẫu 04); the rules limit when and how often; the slip's due date is kept. */
export async function issueApology(ctx: RequestContext, input: ApologyInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertProcessing(ctx, dossier);
  const now = ctx.clock.now();
  const previousDueAt = dossier.dueAt!;
  await act(ctx, dossier, { type: DossierAction.ISSUE_APOLOGY, reason: input.reason, newDueAt: input.newDueAt }, {
    content: `Xin lỗi và hẹn lại ngày trả kết quả: ${vnDate(input.newDueAt)}`, details: { reason: input.reason, newDueAt: input.newDueAt.toISOString() },
  });
  dossier.apologies = [...(dossier.apologies ?? []), { reason: input.reason, issuedAt: now.toISOString(), previousDueAt: previousDueAt.toISOString(), newDueAt: dossier.dueAt!.toISOString() }];
  const principal = requirePrincipal(ctx);
  await issueForm(ctx, dossier, {
    ...formCommon(ctx, dossier), dossierCode: dossier.code!, kind: FormKind.APOLOGY, receivedAt: dossier.receivedAt!, issuedAt: now, dueAt: dossier.originalDueAt!,
    newDueAt: dossier.dueAt!, reason: input.reason, signerName: principal.fullName, signerTitle: 'Thủ trưởng cơ quan',
  });
  return dossier;
}

/** The result notice generated when no PDF is uploaded: number, date, dossier and applicant, in Vietnamese. */
async function resultNotice(dossier: Dossier, number: string, signedOn: Date): Promise<Uint8Array> {
  const writer = await PdfWriter.create('Kết quả giải quyết thủ tục hành chính', signedOn);
  writer.text(dossier.agencyName.toUpperCase(), { bold: true, align: 'center' }).gap()
    .text('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', { bold: true, align: 'center', size: 14 }).gap()
    .text(`Số: ${number}    Ngày: ${vnDate(signedOn)}`, { align: 'center' }).gap()
    .text(`Thủ tục: ${dossier.procedureName}`).text(`Mã hồ sơ: ${dossier.code}`).text(`Người nộp: ${dossier.applicantName}`);
  return writer.save();
}

/**
 * T17a–b: the process has ended; the result is approved and given its number and date, and
 * its PDF (uploaded, or a generated notice) is stored for the two signatures.
 */
export async function approveResult(ctx: RequestContext, input: ApproveResultInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertProcessing(ctx, dossier);
  await act(ctx, dossier, { type: DossierAction.APPROVE_RESULT }, { content: 'Phê duyệt kết quả' });
  await act(ctx, dossier, { type: DossierAction.ASSIGN_RESULT_NUMBER, number: input.number, signedOn: input.signedOn }, { content: `Cấp số văn bản kết quả ${input.number}` });
  const pdf = input.pdfBase64 ? documentFromBase64(input.pdfBase64, 'application/pdf', 'pdfBase64') : await resultNotice(dossier, input.number, input.signedOn);
  Object.assign(dossier, { resultNumber: input.number, resultSignedOn: input.signedOn, resultSha256: (await dossierBlobs().put(pdf)).sha256 });
  return dossier;
}

/** The applicant's signed rating link token, sent with the result-ready message (evaluation module). */
const ratingTokenOf = (ctx: RequestContext, dossier: Dossier, now: Date) =>
  signRatingToken(ctx.platform.authSecret, dossier.id, new Date(now.getTime() + RATING_LINK_DAYS * 86_400_000));

/**
 * T17c–d: signs the stored result PDF, first with the officer's key (`dossier.process`), then
 * with the agency's seal (`dossier.supervise`): done (9), the clock stops and judges the dossier.
 */
export async function signResult(ctx: RequestContext, id: string): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, id);
  const role = dossier.state === DossierState.AWAITING_AGENCY_SIGNATURE ? 'AGENCY' : 'OFFICER';
  if (role === 'AGENCY') assertSupervision(ctx, dossier);
  else assertProcessing(ctx, dossier);
  const principal = requirePrincipal(ctx);
  const action = role === 'AGENCY' ? DossierAction.SIGN_AS_AGENCY : DossierAction.SIGN_AS_OFFICER;
  applyTransition(dossier.state as DossierState, { type: action }, await lifecycleContext(ctx, dossier)); // refuse before signing
  const now = ctx.clock.now();
  const signed = await signResultPdf(await dossierBlobs().get(dossier.resultSha256!), role, { userId: principal.userId, name: principal.fullName }, now);
  const { sha256 } = await dossierBlobs().put(signed);
  dossier.resultSha256 = sha256;
  dossier.signatures = [...(dossier.signatures ?? []), { role, signerName: principal.fullName, signedAt: now.toISOString(), documentSha256: sha256 }];
  await act(ctx, dossier, { type: action }, { content: role === 'AGENCY' ? 'Ký số, đóng dấu kết quả' : 'Cán bộ ký số kết quả', details: { documentSha256: sha256, ...(role === 'AGENCY' ? { ratingToken: ratingTokenOf(ctx, dossier, now) } : {}) } });
  return dossier;
}

/** T18: the result returned, at the desk, by post or online, with the recipient. */
export async function returnResult(ctx: RequestContext, input: ReturnResultInput): Promise<Dossier> {
  const dossier = await dossierOrFail(ctx, input.id);
  assertReception(ctx, dossier);
  Object.assign(dossier, { returnMethod: input.method, returnRecipient: input.recipient });
  await act(ctx, dossier, { type: DossierAction.RETURN_RESULT, method: input.method, recipient: input.recipient }, {
    content: `Trả kết quả cho ${input.recipient}`, details: { method: input.method, recipient: input.recipient },
  });
  return dossier;
}
