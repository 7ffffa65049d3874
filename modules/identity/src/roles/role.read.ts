import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import {
  accessibleWhere, AppError, asBoolean, byKeys, readByIds, relationId, asDate, asJson, type ConnectionResult, type PageArgs, pageWindow, readOne, readPage, type RequestContext,
  toConnection,
} from '@motcua/kernel/contract';
import { RoleAssignment } from './role-assignment.entity.js';
import { Role } from './role.entity.js';
import type { RoleAssignmentFilter, RoleAssignmentNode, RoleFilter, RoleNode } from './role.types.js';

export const ROLE_ENTITY = { vi: 'vai trò', en: 'Role' };
export const ASSIGNMENT_ENTITY = { vi: 'phân công vai trò', en: 'Role assignment' };

export function toRoleNode(row: Record<string, any>): RoleNode {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    nameEn: row.nameEn ?? null,
    description: row.description ?? null,
    builtIn: asBoolean(row.builtIn),
    agencyId: relationId(row.agency),
    permissions: asJson<string[]>(row.permissions),
    version: Number(row.version),
  };
}

export function toAssignmentNode(row: Record<string, any>): RoleAssignmentNode {
  return {
    id: row.id,
    userId: relationId(row.user)!,
    roleId: relationId(row.role)!,
    unitId: relationId(row.unit),
    includeSubtree: asBoolean(row.includeSubtree),
    createdAt: asDate(row.createdAt),
  };
}

/** Roles are readable by all staff: built-in templates, plus custom roles (optionally of one agency). */
export async function listRoles(ctx: RequestContext, args: PageArgs, filter: RoleFilter = {}): Promise<ConnectionResult<RoleNode>> {
  const window = pageWindow(args);
  const readable = accessibleWhere<Role>(ctx.ability, 'read', 'Role');
  if (!readable) return toConnection([], 0, window);
  const where: FilterQuery<Role>[] = [readable];
  if (filter.agencyId) where.push({ $or: [{ agency: null }, { agency: filter.agencyId }] });
  if (filter.builtIn !== undefined && filter.builtIn !== null) where.push({ builtIn: filter.builtIn });
  const { rows, total } = await readPage(ctx.em, Role, { $and: where }, window, { builtIn: 'desc', name: 'asc', id: 'asc' });
  return toConnection(rows.map(toRoleNode), total, window);
}

/** Assignments the caller may see: those in units they assign roles in, and their own. */
export async function listAssignments(
  ctx: RequestContext,
  args: PageArgs,
  filter: RoleAssignmentFilter = {},
): Promise<ConnectionResult<RoleAssignmentNode>> {
  const window = pageWindow(args);
  const readable = accessibleWhere<RoleAssignment>(ctx.ability, 'read', 'RoleAssignment');
  if (!readable) return toConnection([], 0, window);
  const where: FilterQuery<RoleAssignment>[] = [readable];
  if (filter.userId) where.push({ user: filter.userId });
  if (filter.unitId) where.push({ unit: filter.unitId });
  const { rows, total } = await readPage(ctx.em, RoleAssignment, { $and: where }, window, { createdAt: 'asc', id: 'asc' });
  return toConnection(rows.map(toAssignmentNode), total, window);
}

/** One role the caller may read, or NOT_FOUND. */
export async function readRole(ctx: RequestContext, id: string): Promise<RoleNode> {
  const readable = accessibleWhere<Role>(ctx.ability, 'read', 'Role');
  const row = readable && (await readOne(ctx.em, Role, { $and: [readable, { id }] }));
  if (!row) throw AppError.notFound(ROLE_ENTITY, id);
  return toRoleNode(row);
}

/** The per-request loader of roles by id (for assignments' `role`). */
export function roleLoader(ctx: RequestContext): DataLoader<string, RoleNode | null> {
  return ctx.loaders.get('identity.roleById', () =>
    new DataLoader(async (ids: readonly string[]) => byKeys(ids, (await readByIds(ctx.em, Role, ids)).map(toRoleNode))),
  );
}
