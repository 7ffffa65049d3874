import {
  AppError, appendAudit, ensureCan, foldVietnamese, publish, requirePrincipal, type RequestContext, uuid7,
} from '@motcua/kernel/contract';
import { AgencyChanged } from '../contract.js';
import { Agency, AgencyKind } from './agency.entity.js';
import { AGENCY_ENTITY, toAgencyNode } from './agency.read.js';
import type { AgencyNode, CreateAgencyInput, UpdateAgencyInput } from './agency.types.js';

const PROVINCE_MUST_BE_ROOT = { vi: 'cấp tỉnh phải là gốc của cây', en: 'a province must be a root' };

/** Electronic identifier codes: letters, digits, dots and dashes (QCVN 102 and legacy forms). */
const AGENCY_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{1,48}$/;

function requireText(field: string, value: string | undefined, max: number): string {
  const text = value?.trim() ?? '';
  if (!text || text.length > max) {
    throw AppError.badInput(field, { vi: `${field} không được để trống và tối đa ${max} ký tự`, en: `${field} must be 1–${max} characters` });
  }
  return text;
}

function validCode(code: string): string {
  const trimmed = code.trim();
  if (!AGENCY_CODE.test(trimmed)) {
    throw AppError.badInput('code', {
      vi: 'mã định danh chỉ gồm chữ, số, dấu chấm, gạch ngang (2–49 ký tự)',
      en: 'the identifier code may hold letters, digits, dots and dashes (2–49 characters)',
    });
  }
  return trimmed;
}

async function assertCodeFree(ctx: RequestContext, code: string, exceptId?: string): Promise<void> {
  const clash = await ctx.em.findOne(Agency, { code }, { fields: ['id'] });
  if (clash && clash.id !== exceptId) {
    throw AppError.conflict({ vi: `mã định danh ${code} đã được dùng`, en: `identifier code ${code} is already in use` }, { field: 'code' });
  }
}

export function searchTextOf(agency: Pick<Agency, 'name' | 'code' | 'shortName'>): string {
  return foldVietnamese([agency.name, agency.shortName, agency.code].filter(Boolean).join(' '));
}

/** Loads an agency entity (for mutations) or fails with NOT_FOUND. */
export async function agencyEntityOrFail(ctx: RequestContext, id: string): Promise<Agency> {
  const agency = await ctx.em.findOne(Agency, id);
  if (!agency) throw AppError.notFound(AGENCY_ENTITY, id);
  return agency;
}

/** Creates an agency under a parent the caller administers (a root needs a global grant). */
export async function createAgency(ctx: RequestContext, input: CreateAgencyInput): Promise<AgencyNode> {
  const principal = requirePrincipal(ctx);
  const parent = input.parentId ? await agencyEntityOrFail(ctx, input.parentId) : null;
  ensureCan(ctx, 'create', 'Agency', { parent: { id: parent?.id ?? null, path: parent?.path ?? '' } });
  if (input.kind === AgencyKind.PROVINCE && parent) throw AppError.badInput('kind', PROVINCE_MUST_BE_ROOT);
  const code = validCode(input.code);
  await assertCodeFree(ctx, code);
  const now = ctx.clock.now();
  const id = uuid7(now.getTime());
  const agency = ctx.em.create(Agency, {
    id,
    parent: parent ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    code,
    name: requireText('name', input.name, 300),
    shortName: input.shortName?.trim() || null,
    kind: input.kind,
    address: input.address ?? null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    active: true,
    searchText: '',
    createdAt: now,
    updatedAt: now,
  });
  agency.searchText = searchTextOf(agency);
  await ctx.em.flush();
  await appendAudit(ctx.em, { actorId: principal.userId, action: 'identity.agency.create', entityType: 'Agency', entityId: id, data: input }, now);
  publish(ctx.em, AgencyChanged, { agencyId: id, change: 'CREATED' }, now);
  return toAgencyNode(agency);
}

/** Edits an agency the caller administers, with optimistic locking on `version`. */
export async function updateAgency(ctx: RequestContext, input: UpdateAgencyInput): Promise<AgencyNode> {
  const principal = requirePrincipal(ctx);
  const agency = await agencyEntityOrFail(ctx, input.id);
  ensureCan(ctx, 'update', 'Agency', { id: agency.id, path: agency.path });
  if (agency.version !== input.version) throw new AppError('STALE_VERSION', {}, { current: agency.version });
  if (input.code !== undefined && input.code !== null) {
    // Check before assigning: the check's query would auto-flush the new code into the unique index.
    const code = validCode(input.code);
    await assertCodeFree(ctx, code, agency.id);
    agency.code = code;
  }
  if (input.name !== undefined && input.name !== null) agency.name = requireText('name', input.name, 300);
  if (input.shortName !== undefined) agency.shortName = input.shortName?.trim() || null;
  if (input.kind === AgencyKind.PROVINCE && agency.parent) throw AppError.badInput('kind', PROVINCE_MUST_BE_ROOT);
  if (input.kind) agency.kind = input.kind;
  if (input.address !== undefined) agency.address = input.address ?? null;
  if (input.phone !== undefined) agency.phone = input.phone ?? null;
  if (input.email !== undefined) agency.email = input.email ?? null;
  if (input.active !== undefined && input.active !== null) agency.active = input.active;
  agency.searchText = searchTextOf(agency);
  agency.updatedAt = ctx.clock.now();
  await ctx.em.flush();
  await appendAudit(ctx.em, { actorId: principal.userId, action: 'identity.agency.update', entityType: 'Agency', entityId: agency.id, data: input }, agency.updatedAt);
  publish(ctx.em, AgencyChanged, { agencyId: agency.id, change: 'UPDATED' }, agency.updatedAt);
  return toAgencyNode(agency);
}
