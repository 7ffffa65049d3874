import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import {
  accessibleWhere, AppError, asDate, relationId, asOptionalDate, asSubject, byKeys, type ConnectionResult, containsFolded,
  type PageArgs, pageWindow, readByIds, readOne, readPage, type RequestContext, startsWith, toConnection,
} from '@motcua/kernel/contract';
import { agencyLoader, agencyOrFail } from '../agencies/agency.read.js';
import { User, UserKind } from './user.entity.js';
import { type StaffFilter, type StaffNode, type StaffSort, StaffSortField } from './staff.types.js';
import { mask } from './validation.js';

export const STAFF_ENTITY = { vi: 'cán bộ', en: 'Staff member' };

/** Maps a raw user row (or an entity) to the Staff node, sensitive fields unmasked. */
export function toStaffNode(row: Record<string, any>): StaffNode {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email ?? null,
    phone: row.phone ?? null,
    personalId: row.personalId ?? null,
    position: row.position ?? null,
    unitId: relationId(row.unit),
    status: row.status,
    lockedUntil: asOptionalDate(row.lockedUntil),
    createdAt: asDate(row.createdAt),
    updatedAt: asDate(row.updatedAt),
    version: Number(row.version),
  };
}

/**
 * Masks `phone` and `personalId` unless the caller may read this staff member's personal
 * data (a field-level rule: `readPersonalData` on Staff, scoped by unit).
 */
export async function applyFieldRules(ctx: RequestContext, staff: StaffNode): Promise<StaffNode> {
  const unit = staff.unitId ? await agencyLoader(ctx).load(staff.unitId) : null;
  // An API key carries its owner's user id but only its own permissions: it is not "that person".
  const own = ctx.principal?.kind !== 'API_KEY' && ctx.principal?.userId === staff.id;
  const subject = asSubject('Staff', { id: staff.id, unit: { id: staff.unitId, path: unit?.path ?? '' } });
  if (own || ctx.ability.can('readPersonalData', subject)) return staff;
  return { ...staff, phone: mask(staff.phone), personalId: mask(staff.personalId) };
}

/** The SQL condition for the staff rows the caller may read, or null for none. */
export function readableStaffWhere(ctx: RequestContext): FilterQuery<User> | null {
  const where = accessibleWhere<User>(ctx.ability, 'read', 'Staff');
  return where === null ? null : { $and: [where, { kind: UserKind.STAFF }] };
}

async function filterWhere(ctx: RequestContext, filter: StaffFilter = {}): Promise<FilterQuery<User>[]> {
  const where: FilterQuery<User>[] = [];
  if (filter.search) where.push({ searchText: containsFolded(filter.search) });
  if (filter.unitId) where.push({ unit: filter.unitId });
  if (filter.status) where.push({ status: filter.status });
  if (filter.withinId) {
    const root = await agencyOrFail(ctx, filter.withinId);
    where.push({ unit: { path: startsWith(root.path) } });
  }
  return where;
}

/** The staff list, filtered in SQL to what the caller may read. */
export async function listStaff(ctx: RequestContext, args: PageArgs, filter?: StaffFilter, sort?: StaffSort[]): Promise<ConnectionResult<StaffNode>> {
  const window = pageWindow(args);
  const readable = readableStaffWhere(ctx);
  if (!readable) return toConnection([], 0, window);
  const orderBy: Record<string, 'asc' | 'desc'> = {};
  for (const s of sort?.length ? sort : [{ field: StaffSortField.FULL_NAME, direction: 'asc' as const }]) orderBy[s.field] = s.direction;
  orderBy.id = 'asc';
  const { rows, total } = await readPage(ctx.em, User, { $and: [readable, ...(await filterWhere(ctx, filter))] }, window, orderBy);
  const nodes = await Promise.all(rows.map((row) => applyFieldRules(ctx, toStaffNode(row))));
  return toConnection(nodes, total, window);
}

/** The per-request loader of users by id (no permission check: callers check). */
export function userLoader(ctx: RequestContext): DataLoader<string, StaffNode | null> {
  return ctx.loaders.get('identity.userById', () =>
    new DataLoader(async (ids: readonly string[]) => byKeys(ids, (await readByIds(ctx.em, User, ids)).map(toStaffNode))),
  );
}

/** One staff member: NOT_FOUND if there is none, FORBIDDEN if the caller may not read it. */
export async function readStaff(ctx: RequestContext, id: string): Promise<StaffNode> {
  const readable = readableStaffWhere(ctx);
  const row = readable && (await readOne(ctx.em, User, { $and: [readable, { id }] }));
  if (row) return applyFieldRules(ctx, toStaffNode(row));
  if (await readOne(ctx.em, User, { id, kind: UserKind.STAFF })) throw AppError.forbidden('read', 'Staff');
  throw AppError.notFound(STAFF_ENTITY, id);
}
