import {
  ALL_PERMISSIONS, AppError, appendAudit, ensureCan, type Grant, publish, requirePrincipal, type RequestContext, uuid7,
} from '@motcua/kernel/contract';
import { agencyEntityOrFail } from '../agencies/agency.service.js';
import { RoleAssignmentChanged } from '../contract.js';
import { User, UserKind } from '../staff/user.entity.js';
import { BuiltInRole } from './built-in-roles.js';
import { STAFF_ENTITY } from '../staff/staff.read.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { Role } from './role.entity.js';
import { ASSIGNMENT_ENTITY, ROLE_ENTITY, toAssignmentNode, toRoleNode } from './role.read.js';
import type { AssignRoleInput, CreateRoleInput, RoleAssignmentNode, RoleNode, UpdateRoleInput } from './role.types.js';

const ROLE_KEY = /^[a-z0-9][a-z0-9._-]{1,99}$/;

/** Whether a grant's scope covers a unit (and, if asked, the unit's whole subtree). */
export function grantCovers(grant: Grant, unit: { id: string; path: string } | null, subtree: boolean): boolean {
  const { scope } = grant;
  if (scope.global) return true;
  if (!unit) return false;
  if (scope.unitId === unit.id) return scope.includeSubtree || !subtree;
  return scope.includeSubtree && !!scope.unitPath && unit.path.startsWith(scope.unitPath);
}

/**
 * Refuses to hand out permissions the caller does not hold over the same units, so no one
 * can create or assign a role that escalates their own rights.
 */
export function assertHoldsAll(ctx: RequestContext, permissions: string[], unit: { id: string; path: string } | null, subtree: boolean): void {
  const grants = requirePrincipal(ctx).grants;
  const holds = (permission: string) =>
    grants.some((g) => (g.permission === permission || g.permission === ALL_PERMISSIONS) && grantCovers(g, unit, subtree));
  const missing = permissions.filter((p) => !holds(p));
  if (missing.length) throw new AppError('FORBIDDEN', {}, { missingPermissions: missing });
}

/** Checks that every key is a declared permission (so never `*`); returns them sorted, without duplicates. */
export function validPermissions(ctx: RequestContext, permissions: string[]): string[] {
  const known = new Set(ctx.platform.permissions.map((p) => p.key));
  const unknown = permissions.filter((p) => !known.has(p));
  if (unknown.length) {
    throw AppError.badInput('permissions', { vi: `quyền không tồn tại: ${unknown.join(', ')}`, en: `unknown permissions: ${unknown.join(', ')}` });
  }
  return [...new Set(permissions)].sort();
}

function validName(value: string): string {
  const name = value.trim();
  if (!name || name.length > 200) throw AppError.badInput('name', { vi: 'tên vai trò phải có 1–200 ký tự', en: 'the role name must be 1–200 characters' });
  return name;
}

async function audit(ctx: RequestContext, action: string, entityType: string, entityId: string, data: unknown): Promise<void> {
  await appendAudit(ctx.em, { actorId: requirePrincipal(ctx).userId, action, entityType, entityId, data }, ctx.clock.now());
}

/** Creates an agency's custom role from permissions the caller holds there. */
export async function createRole(ctx: RequestContext, input: CreateRoleInput): Promise<RoleNode> {
  const agency = await agencyEntityOrFail(ctx, input.agencyId);
  ensureCan(ctx, 'create', 'Role', { agency: { id: agency.id, path: agency.path } });
  const key = input.key.trim().toLowerCase();
  if (!ROLE_KEY.test(key)) {
    throw AppError.badInput('key', { vi: 'mã vai trò gồm 2–100 ký tự a–z, 0–9, ., -, _', en: 'the role key must be 2–100 of a–z, 0–9, ., -, _' });
  }
  const permissions = validPermissions(ctx, input.permissions);
  assertHoldsAll(ctx, permissions, agency, true);
  if (await ctx.em.count(Role, { agency, key })) {
    throw AppError.conflict({ vi: `vai trò ${key} đã tồn tại`, en: `role ${key} already exists` }, { field: 'key' });
  }
  const now = ctx.clock.now();
  const role = ctx.em.create(Role, {
    id: uuid7(now.getTime()), key, name: validName(input.name), nameEn: input.nameEn?.trim() || null,
    description: input.description?.trim() || null, builtIn: false, agency, permissions, createdAt: now, updatedAt: now,
  });
  await ctx.em.flush();
  await audit(ctx, 'identity.role.create', 'Role', role.id, { key, permissions, agencyId: agency.id });
  return toRoleNode(role);
}

async function customRoleForChange(ctx: RequestContext, id: string, action: 'update' | 'delete'): Promise<Role> {
  const role = await ctx.em.findOne(Role, id, { populate: ['agency'] });
  if (!role) throw AppError.notFound(ROLE_ENTITY, id);
  if (role.builtIn || !role.agency) {
    throw AppError.badInput('id', { vi: 'không thể sửa, xoá vai trò dựng sẵn', en: 'built-in roles cannot be changed or deleted' });
  }
  const agency = role.agency.getEntity();
  ensureCan(ctx, action, 'Role', { agency: { id: agency.id, path: agency.path } });
  return role;
}

/** Edits a custom role; its new permissions must all be held by the caller. */
export async function updateRole(ctx: RequestContext, input: UpdateRoleInput): Promise<RoleNode> {
  const role = await customRoleForChange(ctx, input.id, 'update');
  if (role.version !== input.version) throw new AppError('STALE_VERSION', {}, { current: role.version });
  if (input.name !== undefined && input.name !== null) role.name = validName(input.name);
  if (input.nameEn !== undefined) role.nameEn = input.nameEn?.trim() || null;
  if (input.description !== undefined) role.description = input.description?.trim() || null;
  if (input.permissions) {
    role.permissions = validPermissions(ctx, input.permissions);
    assertHoldsAll(ctx, role.permissions, role.agency!.getEntity(), true);
  }
  role.updatedAt = ctx.clock.now();
  await ctx.em.flush();
  await audit(ctx, 'identity.role.update', 'Role', role.id, input);
  return toRoleNode(role);
}

/** Deletes a custom role and, with it, its assignments. */
export async function deleteRole(ctx: RequestContext, id: string): Promise<void> {
  const role = await customRoleForChange(ctx, id, 'delete');
  await ctx.em.nativeDelete(RoleAssignment, { role });
  ctx.em.remove(role);
  await ctx.em.flush();
  await audit(ctx, 'identity.role.delete', 'Role', id, { key: role.key });
}

/**
 * Staff roles go only to staff whom the caller administers (their home unit is within the
 * caller's assignment scope); the citizen role only to citizens.
 */
async function assertMayReceive(ctx: RequestContext, user: User, role: Role): Promise<void> {
  const citizenRole = role.builtIn && role.key === BuiltInRole.CITIZEN;
  if (citizenRole !== (user.kind === UserKind.CITIZEN)) {
    throw AppError.badInput('userId', {
      vi: citizenRole ? 'vai trò công dân chỉ giao cho tài khoản công dân' : 'chỉ giao vai trò cán bộ cho tài khoản cán bộ',
      en: citizenRole ? 'the citizen role is for citizen accounts only' : 'staff roles are for staff accounts only',
    });
  }
  const home = user.unit?.getEntity();
  if (home) ensureCan(ctx, 'create', 'RoleAssignment', { unit: { id: home.id, path: home.path } });
}

/**
 * Gives a role to a user in a unit. The caller must manage assignments there and hold every
 * permission of the role over the same units; the all-permissions role is only ever given
 * everywhere, by someone who has it.
 */
export async function assignRole(ctx: RequestContext, input: AssignRoleInput): Promise<RoleAssignmentNode> {
  const role = await ctx.em.findOne(Role, input.roleId, { populate: ['agency'] });
  if (!role) throw AppError.notFound(ROLE_ENTITY, input.roleId);
  const user = await ctx.em.findOne(User, input.userId, { populate: ['unit'] });
  if (!user) throw AppError.notFound(STAFF_ENTITY, input.userId);
  await assertMayReceive(ctx, user, role);
  const global = role.permissions.includes(ALL_PERMISSIONS);
  if (global !== !input.unitId) {
    throw AppError.badInput('unitId', {
      vi: global ? 'vai trò toàn quyền chỉ được giao trên toàn hệ thống' : 'cần chọn đơn vị được giao',
      en: global ? 'the all-permissions role can only be assigned everywhere' : 'a unit is required',
    });
  }
  const unit = input.unitId ? await agencyEntityOrFail(ctx, input.unitId) : null;
  const subtree = Boolean(input.includeSubtree);
  if (unit) ensureCan(ctx, 'create', 'RoleAssignment', { unit: { id: unit.id, path: unit.path } });
  if (role.agency && unit && !unit.path.startsWith(role.agency.getEntity().path)) {
    throw AppError.badInput('roleId', { vi: 'vai trò này thuộc cơ quan khác', en: 'this role belongs to another agency' });
  }
  assertHoldsAll(ctx, role.permissions, unit, subtree);
  if (await ctx.em.count(RoleAssignment, { user, role, unit })) {
    throw AppError.conflict({ vi: 'người dùng đã có vai trò này tại đơn vị', en: 'the user already has this role in this unit' });
  }
  const now = ctx.clock.now();
  const assignment = ctx.em.create(RoleAssignment, {
    id: uuid7(now.getTime()), user, role, unit, includeSubtree: subtree, grantedBy: requirePrincipal(ctx).userId, createdAt: now,
  });
  await ctx.em.flush();
  await audit(ctx, 'identity.role.assign', 'RoleAssignment', assignment.id, { userId: user.id, roleKey: role.key, unitId: unit?.id ?? null, subtree });
  publish(ctx.em, RoleAssignmentChanged, { assignmentId: assignment.id, userId: user.id, change: 'ASSIGNED' }, now);
  return toAssignmentNode(assignment);
}

/** Takes an assignment back. */
export async function revokeAssignment(ctx: RequestContext, id: string): Promise<void> {
  const assignment = await ctx.em.findOne(RoleAssignment, id, { populate: ['unit'] });
  if (!assignment) throw AppError.notFound(ASSIGNMENT_ENTITY, id);
  const unit = assignment.unit?.getEntity();
  if (unit) ensureCan(ctx, 'delete', 'RoleAssignment', { unit: { id: unit.id, path: unit.path } });
  else ensureCan(ctx, 'manage', 'all');
  const userId = assignment.user.id;
  ctx.em.remove(assignment);
  await ctx.em.flush();
  await audit(ctx, 'identity.role.revoke', 'RoleAssignment', id, { userId });
  publish(ctx.em, RoleAssignmentChanged, { assignmentId: id, userId, change: 'REVOKED' }, ctx.clock.now());
}
