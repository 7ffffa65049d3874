import type { FilterQuery } from '@mikro-orm/core';
import {
  AppError, type ConnectionResult, ensureCan, isUuid, type PageArgs, pageWindow, type RequestContext, requirePrincipal, toConnection, uuid7,
} from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { addToDailyRow, type AttributionKey, dropEmptyDailyRow } from '../facts/consume.js';
import { counterDelta, type Counters } from '../facts/counters.js';
import { EvaluationFact, NO_OFFICER } from '../facts/fact.entity.js';
import { auditEvaluation } from '../shared/audit.js';
import { readableWhere } from '../scorecards/scorecard.service.js';
import { Dispute, type DisputeProposal, type DisputeStatus } from './dispute.entity.js';

const DISPUTE = { vi: 'khiếu nại cách tính điểm', en: 'Dispute' };
const FACT = { vi: 'sự kiện hồ sơ', en: 'Dossier fact' };

/**
 * Facts an officer may dispute: the ones that count against their work. Complaints are not
 * here: they leave the scores through their own COMPLAINT_DISMISSED path, with its reason.
 */
export const DISPUTABLE_KINDS = ['STEP_COMPLETED', 'SUPPLEMENT_REQUESTED', 'APOLOGY_ISSUED', 'DONE', 'RATED'] as const;

/** What an officer files. */
export interface FileDispute {
  factId: string;
  reason: string;
  proposal: DisputeProposal;
  /** REATTRIBUTE: the unit (of the same agency) the fact should count against. */
  targetUnitId?: string | null;
  /** REATTRIBUTE: the officer it should count against, or none (the unit only). */
  targetOfficerId?: string | null;
}

function requireText(field: string, text: string | null | undefined): string {
  if (!text?.trim()) throw AppError.badInput(field, { vi: 'cần nêu lý do', en: 'a reason is required' });
  return text.trim().slice(0, 2000);
}

async function factOrFail(ctx: RequestContext, id: string): Promise<EvaluationFact> {
  const fact = isUuid(id) ? await ctx.em.findOne(EvaluationFact, { id }) : null;
  if (!fact) throw AppError.notFound(FACT, id);
  return fact;
}

/** Checks a re-attribution target: a unit of the fact's agency and, if given, an officer id. */
async function checkTarget(ctx: RequestContext, fact: EvaluationFact, input: FileDispute): Promise<void> {
  if (input.proposal !== 'REATTRIBUTE') return;
  if (!input.targetUnitId) throw AppError.badInput('targetUnitId', { vi: 'cần đơn vị chịu trách nhiệm', en: 'the responsible unit is required' });
  const unit = await agencyUnitOrFail(ctx.em, input.targetUnitId);
  if (!unit.path.includes(`/${fact.agencyId}/`)) {
    throw AppError.badInput('targetUnitId', { vi: 'đơn vị không thuộc cơ quan giải quyết', en: 'the unit is not part of the agency' });
  }
  if (input.targetOfficerId && !isUuid(input.targetOfficerId)) throw AppError.badInput('targetOfficerId', { vi: 'mã cán bộ không hợp lệ', en: 'invalid officer id' });
  if (input.targetUnitId === fact.unitId && (input.targetOfficerId ?? NO_OFFICER) === fact.officerId) {
    throw AppError.badInput('targetUnitId', { vi: 'đơn vị, cán bộ đề nghị trùng với hiện tại', en: 'the proposed unit and officer are the current ones' });
  }
}

/**
 * Files a dispute over one fact that counts against the caller (their own officer id), while
 * it still counts and no other dispute of it is open.
 *
 * @example
 * await fileDispute(ctx, { factId, reason: 'Chậm do Phòng Bổ trợ tư pháp', proposal: 'REATTRIBUTE', targetUnitId })
 */
export async function fileDispute(ctx: RequestContext, input: FileDispute): Promise<Dispute> {
  const principal = requirePrincipal(ctx);
  const fact = await factOrFail(ctx, input.factId);
  if (principal.kind !== 'STAFF' || fact.officerId !== principal.userId) throw AppError.forbidden('dispute', 'EvaluationFact');
  if (!(DISPUTABLE_KINDS as readonly string[]).includes(fact.kind) || fact.excludedBy) {
    throw AppError.conflict({ vi: 'sự kiện này không thể khiếu nại', en: 'this fact cannot be disputed' });
  }
  if (!['EXCLUDE', 'REATTRIBUTE'].includes(input.proposal)) throw AppError.badInput('proposal', { vi: 'đề nghị không hợp lệ', en: 'invalid proposal' });
  const reason = requireText('reason', input.reason);
  await checkTarget(ctx, fact, input);
  if (await ctx.em.count(Dispute, { factId: fact.id, status: 'OPEN' })) {
    throw AppError.conflict({ vi: 'sự kiện này đang có khiếu nại chờ xử lý', en: 'this fact already has an open dispute' });
  }
  const now = ctx.clock.now();
  const dispute = ctx.em.create(Dispute, {
    id: uuid7(now.getTime()), factId: fact.id, dossierId: fact.dossierId, factKind: fact.kind, agencyId: fact.agencyId, unitId: fact.unitId,
    unitPath: fact.unitPath, officerId: principal.userId, reason, proposal: input.proposal,
    targetUnitId: input.proposal === 'REATTRIBUTE' ? input.targetUnitId : null, targetOfficerId: input.proposal === 'REATTRIBUTE' ? (input.targetOfficerId ?? null) : null,
    status: 'OPEN', createdAt: now,
  });
  await ctx.em.persist(dispute).flush();
  await auditEvaluation(ctx, 'dispute.file', 'Dispute', dispute.id, { factId: fact.id, proposal: input.proposal, reason });
  return dispute;
}

const negate = (delta: Partial<Counters>): Partial<Counters> => Object.fromEntries(Object.entries(delta).map(([name, value]) => [name, -value!]));

/**
 * Moves an accepted dispute's fact: out of the daily row it counts in, then (re-attribution)
 * into the target's row, so every scorecard over that day changes at once; the full recompute
 * reaches the same rows from the fact's new attribution columns.
 */
async function applyAccepted(ctx: RequestContext, dispute: Dispute, fact: EvaluationFact): Promise<void> {
  const delta = counterDelta(fact.fact);
  const current: AttributionKey = { agencyId: fact.agencyId, unitId: fact.unitId, officerId: fact.officerId, procedureId: fact.procedureId, day: fact.day };
  const now = ctx.clock.now();
  await addToDailyRow(ctx.em, current, fact.unitPath, negate(delta), now);
  await dropEmptyDailyRow(ctx.em, current);
  if (dispute.proposal === 'EXCLUDE') {
    fact.excludedBy = dispute.id;
  } else {
    const unit = await agencyUnitOrFail(ctx.em, dispute.targetUnitId!);
    Object.assign(fact, { unitId: unit.id, unitPath: unit.path, officerId: dispute.targetOfficerId ?? NO_OFFICER });
    await addToDailyRow(ctx.em, { ...current, unitId: unit.id, officerId: fact.officerId }, unit.path, delta, now);
  }
}

/**
 * Accepts or rejects an open dispute with a reason (`evaluation.review` over the unit the fact
 * counts against; never by the officer who filed it). Accepting moves or excludes the fact in
 * the same transaction.
 */
export async function decideDispute(ctx: RequestContext, id: string, accept: boolean, reason: string): Promise<Dispute> {
  const principal = requirePrincipal(ctx);
  const dispute = isUuid(id) ? await ctx.em.findOne(Dispute, { id }) : null;
  if (!dispute) throw AppError.notFound(DISPUTE, id);
  ensureCan(ctx, 'review', 'Review', { unitId: dispute.unitId, unitPath: dispute.unitPath });
  if (dispute.officerId === principal.userId) throw AppError.forbidden('decide', 'Dispute');
  if (dispute.status !== 'OPEN') {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: 'khiếu nại đã được xử lý', en: 'the dispute has already been decided' } });
  }
  const decisionReason = requireText('reason', reason);
  if (accept) await applyAccepted(ctx, dispute, await factOrFail(ctx, dispute.factId));
  Object.assign(dispute, { status: accept ? 'ACCEPTED' : 'REJECTED', decidedBy: principal.userId, decisionReason, decidedAt: ctx.clock.now() });
  await ctx.em.flush();
  await auditEvaluation(ctx, `dispute.${accept ? 'accept' : 'reject'}`, 'Dispute', dispute.id, { factId: dispute.factId, reason: decisionReason });
  return dispute;
}

/** Disputes the caller may read (their own, or in their scorecard scope), optionally of one status, newest first. */
export async function listDisputes(ctx: RequestContext, status: DisputeStatus | undefined, args: PageArgs): Promise<ConnectionResult<Dispute>> {
  requirePrincipal(ctx);
  const window = pageWindow(args);
  const where = readableWhere(ctx) as FilterQuery<Dispute> | null;
  if (!where) return toConnection([], 0, window);
  const [rows, total] = await ctx.em.findAndCount(Dispute, { $and: [where, ...(status ? [{ status }] : [])] }, {
    orderBy: { createdAt: 'desc', id: 'desc' }, limit: window.limit, offset: window.offset,
  });
  return toConnection(rows, total, window);
}
