import {
  AppError, appendAudit, ensureCan, publish, requirePrincipal, type RequestContext,
} from '@motcua/kernel/contract';
import { Agency } from '../agencies/agency.entity.js';
import { agencyEntityOrFail } from '../agencies/agency.service.js';
import { Session } from '../auth/session.entity.js';
import { StaffChanged } from '../contract.js';
import { STAFF_ENTITY, applyFieldRules, toStaffNode } from './staff.read.js';
import type { CreateStaffInput, SetStaffStatusInput, StaffNode, UpdateStaffInput } from './staff.types.js';
import { User, UserKind, UserStatus } from './user.entity.js';
import { newAccount, userSearchText } from './new-account.js';
import { validEmail, validFullName, validPersonalId, validPhone } from './validation.js';

/** The subject CASL checks staff rules against: the staff member located at a unit. */
function staffAt(unit: Agency, id?: string) {
  return { id, unit: { id: unit.id, path: unit.path } };
}

/** Loads a staff member the caller may update; refuses otherwise. */
async function staffForUpdate(ctx: RequestContext, id: string): Promise<User> {
  const user = await ctx.em.findOne(User, { id, kind: UserKind.STAFF }, { populate: ['unit'] });
  if (!user) throw AppError.notFound(STAFF_ENTITY, id);
  ensureCan(ctx, 'update', 'Staff', staffAt(user.unit!.getEntity(), user.id));
  return user;
}

async function record(ctx: RequestContext, user: User, action: string, change: 'CREATED' | 'UPDATED' | 'DISABLED' | 'ENABLED', data: unknown) {
  const now = ctx.clock.now();
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType: 'Staff', entityId: user.id, data }, now);
  publish(ctx.em, StaffChanged, { userId: user.id, change }, now);
}

/** Creates a staff account in a unit the caller administers. */
export async function createStaff(ctx: RequestContext, input: CreateStaffInput): Promise<StaffNode> {
  requirePrincipal(ctx);
  const unit = await agencyEntityOrFail(ctx, input.unitId);
  ensureCan(ctx, 'create', 'Staff', staffAt(unit));
  const user = await newAccount(ctx.em, UserKind.STAFF, input, unit, ctx.clock.now());
  await ctx.em.flush();
  await record(ctx, user, 'identity.staff.create', 'CREATED', { username: user.username, unitId: unit.id, fullName: user.fullName });
  return applyFieldRules(ctx, toStaffNode(user));
}

/** Edits a staff account (moving it needs the right on both units). */
export async function updateStaff(ctx: RequestContext, input: UpdateStaffInput): Promise<StaffNode> {
  const user = await staffForUpdate(ctx, input.id);
  if (user.version !== input.version) throw new AppError('STALE_VERSION', {}, { current: user.version });
  if (input.unitId && input.unitId !== user.unit?.id) {
    const target = await agencyEntityOrFail(ctx, input.unitId);
    ensureCan(ctx, 'update', 'Staff', staffAt(target, user.id));
    user.unit = ctx.em.getReference(Agency, target.id, { wrapped: true });
  }
  if (input.fullName !== undefined && input.fullName !== null) user.fullName = validFullName(input.fullName);
  if (input.email !== undefined) user.email = validEmail(input.email);
  if (input.phone !== undefined) user.phone = validPhone(input.phone);
  if (input.personalId !== undefined) user.personalId = validPersonalId(input.personalId);
  if (input.position !== undefined) user.position = input.position?.trim() || null;
  user.searchText = userSearchText(user);
  user.updatedAt = ctx.clock.now();
  await ctx.em.flush();
  // Personal data stays out of the audit trail: record which fields changed, not their values.
  await record(ctx, user, 'identity.staff.update', 'UPDATED', { fields: Object.keys(input).filter((k) => k !== 'id' && k !== 'version') });
  return applyFieldRules(ctx, toStaffNode(user));
}

/** Disables or re-enables an account; enabling also lifts a lock-out. */
export async function setStaffStatus(ctx: RequestContext, input: SetStaffStatusInput, status: UserStatus): Promise<StaffNode> {
  const user = await staffForUpdate(ctx, input.id);
  if (user.id === requirePrincipal(ctx).userId && status === UserStatus.DISABLED) {
    throw AppError.badInput('id', { vi: 'không thể tự khoá tài khoản của mình', en: 'you cannot disable your own account' });
  }
  user.status = status;
  user.failedLoginCount = 0;
  user.lockedUntil = null;
  user.updatedAt = ctx.clock.now();
  await ctx.em.flush();
  const disabled = status === UserStatus.DISABLED;
  // End its sessions for good, so that enabling the account later does not revive tokens issued before.
  if (disabled) await ctx.em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: user.updatedAt });
  await record(ctx, user, disabled ? 'identity.staff.disable' : 'identity.staff.enable', disabled ? 'DISABLED' : 'ENABLED', { reason: input.reason ?? null });
  return applyFieldRules(ctx, toStaffNode(user));
}
