/**
 * Procedure mutations: drafts (create, replace content, delete), publish with the
 * completeness check, retire, and the end of validity of a published version. Published
 * versions are immutable otherwise: editing one is INVALID_TRANSITION.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { AppError, appendAudit, ensureCan, isUuid, requirePrincipal, type RequestContext } from '@motcua/kernel/contract';
import { missingParts } from './completeness.js';
import { validProcedureCode } from './code.js';
import { ImplementationLevel, type ProcedureContent } from './content.js';
import { Procedure, ProcedureVersion, VersionStatus } from './procedure.entity.js';
import { newProcedure, newVersion, type Owner, publishVersion, refreshListing } from './procedure.store.js';
import type {
  CreateProcedureDraftInput, PublishProcedureVersionInput, RetireProcedureVersionInput, SetProcedureVersionEndInput, UpdateProcedureDraftInput,
} from './procedure.types.js';
import { isIsoDate, normalizeContent } from './validate.js';
import { localToday } from './dates.js';

export const PROCEDURE_ENTITY = { vi: 'thủ tục hành chính', en: 'Procedure' };
export const VERSION_ENTITY = { vi: 'phiên bản thủ tục', en: 'Procedure version' };


function validDate(field: string, value: string): string {
  if (!isIsoDate(value)) throw AppError.badInput(field, { vi: 'ngày phải có dạng YYYY-MM-DD', en: 'the date must be YYYY-MM-DD' });
  return value;
}

async function versionOrFail(ctx: RequestContext, versionId: string): Promise<ProcedureVersion> {
  const version = isUuid(versionId) ? await ctx.em.findOne(ProcedureVersion, { id: versionId }) : null;
  if (!version) throw AppError.notFound(VERSION_ENTITY, versionId);
  return version;
}

/** Refuses unless the caller may edit drafts of this owner. */
function assertManagesDraft(ctx: RequestContext, owner: Owner): void {
  ensureCan(ctx, 'manage', 'ProcedureDraft', { ownerAgencyId: owner.agencyId, ownerAgencyPath: owner.agencyPath });
}

/** The owner of a new draft: the given agency, else the caller's own, else none (catalog administrators). */
async function draftOwner(ctx: RequestContext, ownerAgencyId: string | undefined): Promise<Owner> {
  const principal = requirePrincipal(ctx);
  const agencyId = ownerAgencyId ?? (ctx.ability.can('publish', 'Procedure') ? null : principal.agencyId);
  if (!agencyId) return { agencyId: null, agencyPath: null };
  const unit = await agencyUnitOrFail(ctx.em, agencyId);
  return { agencyId: unit.id, agencyPath: unit.path };
}

function assertDraft(version: ProcedureVersion): void {
  if (version.status !== VersionStatus.DRAFT) {
    throw new AppError('INVALID_TRANSITION', {
      reason: { vi: `phiên bản ${version.number} đã ${version.status === VersionStatus.PUBLISHED ? 'công bố' : 'bãi bỏ'}, không thể sửa; hãy tạo bản nháp mới`, en: `version ${version.number} is ${version.status}, so it cannot be edited; create a new draft` },
    }, { status: version.status, versionId: version.id });
  }
}

async function audit(ctx: RequestContext, action: string, versionId: string, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType: 'ProcedureVersion', entityId: versionId, data }, ctx.clock.now());
}

/** A copy of older content for a new draft, without the abolished district level (old data keeps it). */
function withoutDistrictLevel(content: ProcedureContent): ProcedureContent {
  const copy = structuredClone(content);
  copy.levels = copy.levels.filter((level) => level !== ImplementationLevel.HUYEN);
  return copy;
}

async function draftOfExisting(ctx: RequestContext, input: CreateProcedureDraftInput, owner: Owner): Promise<ProcedureVersion> {
  const procedure = isUuid(input.procedureId!) ? await ctx.em.findOne(Procedure, { id: input.procedureId }) : null;
  if (!procedure) throw AppError.notFound(PROCEDURE_ENTITY, input.procedureId);
  const versions = await ctx.em.find(ProcedureVersion, { procedure }, { orderBy: { number: 'desc' } });
  const open = versions.find((v) => v.status === VersionStatus.DRAFT);
  if (open) throw AppError.conflict({ vi: `thủ tục ${procedure.code} đã có bản nháp (phiên bản ${open.number})`, en: `procedure ${procedure.code} already has a draft (version ${open.number})` }, { versionId: open.id });
  const content = input.content ? normalizeContent(input.content) : withoutDistrictLevel(versions[0].content);
  return newVersion(ctx.em, procedure, { status: VersionStatus.DRAFT, content, owner, actorId: ctx.principal!.userId, now: ctx.clock.now() });
}

async function draftOfNew(ctx: RequestContext, input: CreateProcedureDraftInput, owner: Owner): Promise<ProcedureVersion> {
  const code = validProcedureCode(input.code!);
  if (await ctx.em.count(Procedure, { code })) throw AppError.conflict({ vi: `mã thủ tục ${code} đã có`, en: `procedure code ${code} already exists` }, { field: 'code' });
  if (!input.content) throw AppError.badInput('content', { vi: 'thủ tục mới cần nội dung (ít nhất tên và lĩnh vực)', en: 'a new procedure needs content (at least a name and a sector)' });
  const content = normalizeContent(input.content);
  return newProcedure(ctx.em, code, { status: VersionStatus.DRAFT, content, owner, actorId: ctx.principal!.userId, now: ctx.clock.now() }).version;
}

/** Flushes; a concurrent request that took the same code or version number first is a CONFLICT, not an internal error. */
async function flushOrConflict(ctx: RequestContext): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw AppError.conflict({ vi: 'thủ tục vừa được người khác tạo hoặc sửa; hãy tải lại', en: 'someone else just created or changed this procedure; reload it' });
    }
    throw error;
  }
}

/** Creates a draft: of a new procedure (code + content) or the next version of an existing one. */
export async function createDraft(ctx: RequestContext, input: CreateProcedureDraftInput): Promise<ProcedureVersion> {
  requirePrincipal(ctx);
  if (!input.code === !input.procedureId) throw AppError.badInput('code', { vi: 'cần đúng một trong mã thủ tục mới hoặc thủ tục có sẵn', en: 'give either the code of a new procedure or an existing procedure, not both' });
  const owner = await draftOwner(ctx, input.ownerAgencyId);
  assertManagesDraft(ctx, owner);
  const version = input.procedureId ? await draftOfExisting(ctx, input, owner) : await draftOfNew(ctx, input, owner);
  await flushOrConflict(ctx);
  await audit(ctx, 'catalog.draft.create', version.id, input);
  return version;
}

/** Replaces a draft's content (every problem reported at once). A published version refuses. */
export async function updateDraft(ctx: RequestContext, input: UpdateProcedureDraftInput): Promise<ProcedureVersion> {
  requirePrincipal(ctx);
  const version = await versionOrFail(ctx, input.versionId);
  assertManagesDraft(ctx, { agencyId: version.ownerAgencyId, agencyPath: version.ownerAgencyPath });
  assertDraft(version);
  const procedure = await version.procedure.loadOrFail();
  version.content = normalizeContent(input.content);
  version.updatedAt = ctx.clock.now();
  await refreshListing(ctx.em, procedure, version.updatedAt);
  await audit(ctx, 'catalog.draft.update', version.id, input);
  return version;
}

/** Deletes a draft; a procedure left without versions goes too. */
export async function deleteDraft(ctx: RequestContext, versionId: string): Promise<{ versionId: string; procedureDeleted: boolean }> {
  requirePrincipal(ctx);
  const version = await versionOrFail(ctx, versionId);
  assertManagesDraft(ctx, { agencyId: version.ownerAgencyId, agencyPath: version.ownerAgencyPath });
  assertDraft(version);
  const procedure = await version.procedure.loadOrFail();
  ctx.em.remove(version);
  await ctx.em.flush();
  const remaining = await ctx.em.count(ProcedureVersion, { procedure });
  if (remaining) await refreshListing(ctx.em, procedure, ctx.clock.now());
  else ctx.em.remove(procedure);
  await audit(ctx, 'catalog.draft.delete', versionId, { code: procedure.code });
  return { versionId, procedureDeleted: !remaining };
}

/**
 * Publishes a draft from `effectiveFrom` after the completeness check, which reports every
 * missing part at once (`details.missing`). The previous published version ends that day.
 */
export async function publish(ctx: RequestContext, input: PublishProcedureVersionInput): Promise<ProcedureVersion> {
  ensureCan(ctx, 'publish', 'Procedure');
  const version = await versionOrFail(ctx, input.versionId);
  const effectiveFrom = validDate('effectiveFrom', input.effectiveFrom);
  if (version.status !== VersionStatus.DRAFT) {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: `phiên bản ${version.number} không phải bản nháp`, en: `version ${version.number} is not a draft` } }, { status: version.status });
  }
  const missing = missingParts(version.content);
  if (missing.length) {
    throw new AppError('INVALID_TRANSITION', {
      reason: { vi: `chưa đủ thành phần bắt buộc: ${missing.map((m) => m.vi).join('; ')}`, en: `mandatory parts are missing: ${missing.map((m) => m.en).join('; ')}` },
    }, { missing });
  }
  const current = await ctx.em.findOne(ProcedureVersion, { procedure: version.procedure, status: VersionStatus.PUBLISHED }, { orderBy: { number: 'desc' } });
  if (current?.effectiveFrom && current.effectiveFrom > effectiveFrom) {
    throw AppError.badInput('effectiveFrom', { vi: `không được trước ngày hiệu lực ${current.effectiveFrom} của phiên bản đang công bố`, en: `must not precede ${current.effectiveFrom}, when the published version took effect` });
  }
  await publishVersion(ctx.em, version, { effectiveFrom, actorId: ctx.principal!.userId, now: ctx.clock.now() });
  await audit(ctx, 'catalog.version.publish', version.id, input);
  return version;
}

function assertPublished(version: ProcedureVersion): void {
  if (version.status !== VersionStatus.PUBLISHED) {
    throw new AppError('INVALID_TRANSITION', { reason: { vi: `phiên bản ${version.number} chưa công bố hoặc đã bãi bỏ`, en: `version ${version.number} is not published` } }, { status: version.status });
  }
}

function assertEndAfterStart(version: ProcedureVersion, effectiveTo: string): void {
  if (version.effectiveFrom && effectiveTo <= version.effectiveFrom) {
    throw AppError.badInput('effectiveTo', { vi: `ngày hết hiệu lực phải sau ngày có hiệu lực ${version.effectiveFrom}`, en: `the end must come after the start ${version.effectiveFrom}` });
  }
}

/** Retires a published version from `effectiveTo` (default today). */
export async function retire(ctx: RequestContext, input: RetireProcedureVersionInput): Promise<ProcedureVersion> {
  ensureCan(ctx, 'publish', 'Procedure');
  const version = await versionOrFail(ctx, input.versionId);
  assertPublished(version);
  const effectiveTo = input.effectiveTo ? validDate('effectiveTo', input.effectiveTo) : localToday(ctx.clock.now());
  assertEndAfterStart(version, effectiveTo);
  Object.assign(version, { status: VersionStatus.RETIRED, effectiveTo: version.effectiveTo && version.effectiveTo < effectiveTo ? version.effectiveTo : effectiveTo, updatedAt: ctx.clock.now() });
  await refreshListing(ctx.em, await version.procedure.loadOrFail(), ctx.clock.now());
  await audit(ctx, 'catalog.version.retire', version.id, input);
  return version;
}

/** Sets (or clears) a published version's end of validity: the one change it accepts. */
export async function setEnd(ctx: RequestContext, input: SetProcedureVersionEndInput): Promise<ProcedureVersion> {
  ensureCan(ctx, 'publish', 'Procedure');
  const version = await versionOrFail(ctx, input.versionId);
  assertPublished(version);
  const effectiveTo = input.effectiveTo === null ? null : validDate('effectiveTo', input.effectiveTo);
  if (effectiveTo) assertEndAfterStart(version, effectiveTo);
  const later = await ctx.em.count(ProcedureVersion, { procedure: version.procedure, status: VersionStatus.PUBLISHED, number: { $gt: version.number } });
  if (later && effectiveTo === null) throw AppError.badInput('effectiveTo', { vi: 'đã có phiên bản mới hơn, không thể bỏ ngày hết hiệu lực', en: 'a newer version is published, so the end cannot be cleared' });
  version.effectiveTo = effectiveTo;
  version.updatedAt = ctx.clock.now();
  await audit(ctx, 'catalog.version.setEnd', version.id, input);
  return version;
}
