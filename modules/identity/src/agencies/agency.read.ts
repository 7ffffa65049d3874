import type { FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import {
  AppError, asBoolean, asDate, byKeys, MAX_PAGE_SIZE, relationId, containsFolded, pageWindow, type PageArgs, readByIds, readPage,
  type RequestContext, startsWith, toConnection, type ConnectionResult,
} from '@motcua/kernel/contract';
import { Agency } from './agency.entity.js';
import { type AgencyFilter, type AgencyNode, type AgencySort, AgencySortField } from './agency.types.js';

/** Maps a raw agency row (or an entity) to its GraphQL node. */
export function toAgencyNode(row: Record<string, any>): AgencyNode {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName ?? null,
    kind: row.kind,
    parentId: relationId(row.parent),
    depth: Number(row.depth),
    address: row.address ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    active: asBoolean(row.active),
    createdAt: asDate(row.createdAt),
    updatedAt: asDate(row.updatedAt),
    version: Number(row.version),
    path: row.path,
  };
}

export const AGENCY_ENTITY = { vi: 'cơ quan, đơn vị', en: 'Agency' };

/** The per-request loader of agencies by id: one query per GraphQL level. */
export function agencyLoader(ctx: RequestContext): DataLoader<string, AgencyNode | null> {
  return ctx.loaders.get('identity.agencyById', () =>
    new DataLoader(async (ids: readonly string[]) => byKeys(ids, (await readByIds(ctx.em, Agency, ids)).map(toAgencyNode))),
  );
}

/** Loads one agency or fails with NOT_FOUND. */
export async function agencyOrFail(ctx: RequestContext, id: string): Promise<AgencyNode> {
  const agency = await agencyLoader(ctx).load(id);
  if (!agency) throw AppError.notFound(AGENCY_ENTITY, id);
  return agency;
}

/** The per-request loader of direct children, batched by parent id. */
export function childrenLoader(ctx: RequestContext): DataLoader<string, AgencyNode[]> {
  return ctx.loaders.get('identity.agencyChildren', () =>
    new DataLoader(async (parentIds: readonly string[]) => {
      const rows = await ctx.em
        .createQueryBuilder(Agency, 'e')
        .select('e.*')
        .where({ parent: { $in: [...parentIds] } })
        .orderBy({ name: 'asc' })
        .execute<Record<string, unknown>[]>('all', true);
      const nodes = rows.map(toAgencyNode);
      return parentIds.map((id) => nodes.filter((node) => node.parentId === id));
    }),
  );
}

async function filterWhere(ctx: RequestContext, filter: AgencyFilter = {}): Promise<FilterQuery<Agency>[]> {
  const where: FilterQuery<Agency>[] = [];
  if (filter.search) where.push({ searchText: containsFolded(filter.search) });
  if (filter.ids) where.push({ id: { $in: filter.ids.slice(0, MAX_PAGE_SIZE) } });
  if (filter.kinds?.length) where.push({ kind: { $in: filter.kinds } });
  if (filter.parentId) where.push({ parent: filter.parentId });
  if (filter.rootsOnly) where.push({ parent: null });
  if (filter.active !== undefined && filter.active !== null) where.push({ active: filter.active });
  if (filter.withinId) {
    const root = await agencyOrFail(ctx, filter.withinId);
    where.push({ path: startsWith(root.path) });
  }
  return where;
}

/**
 * The agencies list. The agency directory is public (citizen portals list agencies), so no
 * permission filter applies to reading it; writes are scoped.
 */
export async function listAgencies(
  ctx: RequestContext,
  args: PageArgs,
  filter?: AgencyFilter,
  sort?: AgencySort[],
): Promise<ConnectionResult<AgencyNode>> {
  const window = pageWindow(args);
  const where = await filterWhere(ctx, filter);
  const orderBy: Record<string, 'asc' | 'desc'> = {};
  for (const s of sort?.length ? sort : [{ field: AgencySortField.NAME, direction: 'asc' as const }]) orderBy[s.field] = s.direction;
  orderBy.id = 'asc'; // total order, so pages never overlap
  const { rows, total } = await readPage(ctx.em, Agency, where.length ? { $and: where } : {}, window, orderBy);
  return toConnection(rows.map(toAgencyNode), total, window);
}
