/**
 * The read path of procedures: the ranked, diacritics-insensitive search (one table, CASL
 * visibility in SQL, prepared statements: the citizen portal's hot query), single reads by
 * id or code, and batched version loads. Rows are plain objects, never entities.
 *
 * Visibility rule (documented in docs/architecture.md): published and retired versions are
 * public; a draft, and the admin fields (`ownerAgencyId`), are visible only to callers who may
 * edit that draft. Otherwise reads return null (a procedure or version), omit the row (lists
 * and version histories) or give null (admin fields); they never refuse.
 */
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import {
  accessibleWhere, asDate, asJson, asSubject, type ConnectionResult, containsFolded, foldVietnamese, isUuid, type PageArgs, pageWindow,
  queryPrepared, readByIds, relationId, type RequestContext, SortDirection, toConnection,
} from '@motcua/kernel/contract';
import { ZonedDateTime } from '@motcua/workflow/contract';
import { type Channel, type ImplementationLevel, type OnlineMode, type ProcedureContent } from './content.js';
import { Procedure, ProcedureVersion, VersionStatus } from './procedure.entity.js';
import { PROCEDURE_CODE } from './code.js';
import { type ProcedureFilter, ProcedureNode, type ProcedureSort, ProcedureSortField, VersionNode } from './procedure.types.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const PUBLIC_STATUSES = [VersionStatus.PUBLISHED, VersionStatus.RETIRED];

function splitList<T extends string>(text: unknown): T[] {
  return String(text ?? '').split('|').filter(Boolean) as T[];
}

/** Whether the caller may edit drafts owned like this row. */
export function canEditDraft(ctx: RequestContext, owner: { ownerAgencyId: string | null; ownerAgencyPath: string | null }): boolean {
  return ctx.ability.can('manage', asSubject('ProcedureDraft', { ownerAgencyId: owner.ownerAgencyId, ownerAgencyPath: owner.ownerAgencyPath }));
}

/** Maps a procedure row (snake_case from SQL, or camelCase from the QueryBuilder) to its node. */
function toProcedureNode(row: Record<string, any>, ctx: RequestContext): ProcedureNode {
  const pick = (camel: string, snake: string) => row[camel] ?? row[snake] ?? null;
  const owner = { ownerAgencyId: pick('ownerAgencyId', 'owner_agency_id'), ownerAgencyPath: pick('ownerAgencyPath', 'owner_agency_path') };
  return {
    id: row.id, code: row.code, status: row.status, name: row.name, sectorCode: pick('sectorCode', 'sector_code'),
    onlineMode: pick('onlineMode', 'online_mode') as OnlineMode, channels: splitList<Channel>(row.channels), levels: splitList<ImplementationLevel>(row.levels),
    latestNumber: Number(pick('latestNumber', 'latest_number')), listedVersionId: pick('listedVersionId', 'listed_version_id'),
    ownerAgencyId: canEditDraft(ctx, owner) ? owner.ownerAgencyId : null, ownerAgencyPath: owner.ownerAgencyPath,
    updatedAt: new ZonedDateTime(asDate(pick('updatedAt', 'updated_at')), ZONE),
  };
}

/** Maps a version row (or entity) to its node, hiding the owner from callers who cannot edit it. */
export function toVersionNode(row: Record<string, any>, code: string, ctx: RequestContext): VersionNode {
  const owner = { ownerAgencyId: row.ownerAgencyId ?? null, ownerAgencyPath: row.ownerAgencyPath ?? null };
  return {
    id: row.id, procedureId: relationId(row.procedure)!, code, number: Number(row.number), status: row.status,
    effectiveFrom: row.effectiveFrom ?? null, effectiveTo: row.effectiveTo ?? null,
    publishedAt: row.publishedAt ? new ZonedDateTime(asDate(row.publishedAt), ZONE) : null,
    ownerAgencyId: canEditDraft(ctx, owner) ? owner.ownerAgencyId : null,
    createdAt: new ZonedDateTime(asDate(row.createdAt), ZONE), updatedAt: new ZonedDateTime(asDate(row.updatedAt), ZONE),
    content: asJson<ProcedureContent>(row.content),
  };
}

/** Whether a version row is visible to the caller: not a draft, or a draft the caller may edit. */
export function versionVisible(ctx: RequestContext, row: Record<string, any>): boolean {
  return row.status !== VersionStatus.DRAFT || canEditDraft(ctx, { ownerAgencyId: row.ownerAgencyId ?? null, ownerAgencyPath: row.ownerAgencyPath ?? null });
}

/** The rows the caller may see: public statuses, plus drafts the caller may edit. */
function visibleWhere(ctx: RequestContext, statuses: readonly VersionStatus[]): FilterQuery<Procedure> {
  const publicOnes = statuses.filter((s) => PUBLIC_STATUSES.includes(s));
  const visible: FilterQuery<Procedure>[] = publicOnes.length ? [{ status: { $in: publicOnes } }] : [];
  const drafts = statuses.includes(VersionStatus.DRAFT) ? accessibleWhere<Procedure>(ctx.ability, 'manage', 'ProcedureDraft') : null;
  if (drafts) visible.push({ $and: [{ status: VersionStatus.DRAFT }, drafts] });
  return visible.length ? { $or: visible } : { id: null };
}

/** Folded words of a search, each of which must appear. */
function searchWords(search: string): string[] {
  return foldVietnamese(search).split(' ').filter(Boolean).slice(0, 10);
}

/** Procedures with a draft the caller may edit, as an `id in (subquery)` condition. */
function hasDraftWhere(ctx: RequestContext): FilterQuery<Procedure> {
  const editable = accessibleWhere<ProcedureVersion>(ctx.ability, 'manage', 'ProcedureDraft');
  if (!editable) return { id: null };
  const drafts = ctx.em.createQueryBuilder(ProcedureVersion, 'd').select('d.procedure').where({ $and: [{ status: VersionStatus.DRAFT }, editable] });
  return { id: { $in: drafts.getKnexQuery() } } as unknown as FilterQuery<Procedure>;
}

function filterWhere(ctx: RequestContext, filter: ProcedureFilter): FilterQuery<Procedure>[] {
  const statuses = filter.statuses?.length ? filter.statuses : filter.hasDraft ? Object.values(VersionStatus) : [VersionStatus.PUBLISHED];
  const where: FilterQuery<Procedure>[] = [visibleWhere(ctx, statuses)];
  if (filter.hasDraft) where.push(hasDraftWhere(ctx));
  const search = filter.search?.trim();
  if (search) {
    const words = searchWords(search);
    const byWords: FilterQuery<Procedure> = { $and: words.map((word) => ({ searchText: containsFolded(word) })) };
    where.push(PROCEDURE_CODE.test(search) ? { $or: [{ code: search }, byWords] } : byWords);
  }
  if (filter.code) where.push({ code: filter.code.trim() });
  if (filter.sectorCode) where.push({ sectorCode: filter.sectorCode });
  if (filter.onlineMode) where.push({ onlineMode: filter.onlineMode });
  if (filter.channel) where.push({ channels: { $like: `%|${filter.channel}|%` } });
  if (filter.level) where.push({ levels: { $like: `%|${filter.level}|%` } });
  return where;
}

const SORT_COLUMNS: Record<Exclude<ProcedureSortField, ProcedureSortField.RELEVANCE>, string> = {
  [ProcedureSortField.CODE]: 'e.code',
  [ProcedureSortField.NAME]: 'e.search_name',
  [ProcedureSortField.UPDATED_AT]: 'e.updated_at',
};

/** `order by` of the search: relevance (code exact, name prefix, name contains, other) or a column, then the code. */
function orderBy(filter: ProcedureFilter, sort: ProcedureSort | undefined): { sql: string; bindings: unknown[] } {
  const direction = sort?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const field = sort?.field ?? ProcedureSortField.RELEVANCE;
  const search = filter.search?.trim();
  if (field === ProcedureSortField.RELEVANCE) {
    if (!search) return { sql: `e.code ${direction}`, bindings: [] };
    const folded = foldVietnamese(search).replace(/[\\%_]/g, (c) => `\\${c}`);
    return {
      sql: `case when e.code = ? then 0 when e.search_name like ? escape '\\' then 1 when e.search_name like ? escape '\\' then 2 else 3 end ${direction}, e.code asc`,
      bindings: [search, `${folded}%`, `%${folded}%`],
    };
  }
  return { sql: `${SORT_COLUMNS[field]} ${direction}, e.code asc`, bindings: [] };
}

const LIST_COLUMNS = ['id', 'code', 'status', 'name', 'sector_code', 'online_mode', 'channels', 'levels', 'latest_number', 'owner_agency_id', 'owner_agency_path', 'listed_version_id', 'updated_at'];

/**
 * The procedure search: filters, visibility and ranking in SQL, page and count as prepared
 * statements. Public (published procedures); drafts for their editors.
 */
export async function listProcedures(ctx: RequestContext, args: PageArgs, filter: ProcedureFilter = {}, sort?: ProcedureSort): Promise<ConnectionResult<ProcedureNode>> {
  const window = pageWindow(args);
  const base = () => {
    const qb = ctx.em.createQueryBuilder(Procedure, 'e').where({ $and: filterWhere(ctx, filter) });
    if (filter.agencyId) {
      const channel = filter.channel ? ' and o.channel_list like ?' : '';
      const params = filter.channel ? [filter.agencyId, `%|${filter.channel}|%`] : [filter.agencyId];
      qb.andWhere(`exists (select 1 from catalog_offering o where o.procedure_id = e.id and o.agency_id = ?${channel})`, params);
    }
    return qb;
  };
  const order = orderBy(filter, sort);
  const page = base().select(LIST_COLUMNS.map((c) => `e.${c}`)).getKnexQuery().orderByRaw(order.sql, order.bindings as any[]).limit(window.limit).offset(window.offset).toSQL();
  const count = base().count('e.id').getKnexQuery().toSQL();
  const [rows, [counted]] = await Promise.all([
    queryPrepared<Record<string, any>>(ctx.em, page.sql, [...page.bindings]),
    queryPrepared<{ count: unknown }>(ctx.em, count.sql, [...count.bindings]),
  ]);
  return toConnection(rows.map((row) => toProcedureNode(row, ctx)), Number(counted.count), window);
}

/** The procedure with this id or national code, or null when absent or not visible to the caller. */
export async function readProcedure(ctx: RequestContext, key: { id?: string | null; code?: string | null }): Promise<ProcedureNode | null> {
  const where = key.id ? (isUuid(key.id) ? { id: key.id } : null) : key.code ? { code: key.code.trim() } : null;
  if (!where) return null;
  const [row] = await ctx.em.createQueryBuilder(Procedure, 'e').select('e.*').where(where).limit(1).execute<Record<string, any>[]>('all', true);
  if (!row) return null;
  if (row.status === VersionStatus.DRAFT && !canEditDraft(ctx, { ownerAgencyId: row.ownerAgencyId ?? null, ownerAgencyPath: row.ownerAgencyPath ?? null })) return null;
  return toProcedureNode(row, ctx);
}

/** Every version of each procedure, newest first, batched per request (unfiltered: callers apply visibility). */
export function versionsLoader(ctx: RequestContext): DataLoader<string, Record<string, any>[]> {
  return ctx.loaders.get('catalog.versionsByProcedure', () =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em.createQueryBuilder(ProcedureVersion, 'v').select('v.*').where({ procedure: { $in: [...ids] } })
        .orderBy({ number: 'desc' }).execute<Record<string, any>[]>('all', true);
      return ids.map((id) => rows.filter((row) => relationId(row.procedure) === id));
    }),
  );
}

/** The version with this id, batched, as a raw row (or null). */
export function versionLoader(ctx: RequestContext): DataLoader<string, Record<string, any> | null> {
  return ctx.loaders.get('catalog.versionById', () =>
    new DataLoader(async (ids: readonly string[]) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await readByIds(ctx.em, ProcedureVersion, valid) : [];
      const byId = new Map(rows.map((row) => [String(row.id), row as Record<string, any>]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** The published version in force on a local day (`YYYY-MM-DD`), among a procedure's version rows. */
export function versionInForce(rows: readonly Record<string, any>[], day: string): Record<string, any> | null {
  return rows.find((row) => row.status !== VersionStatus.DRAFT && row.effectiveFrom && row.effectiveFrom <= day && (!row.effectiveTo || row.effectiveTo > day)) ?? null;
}

/** The procedure code of a version row. */
export async function codeOfProcedure(em: EntityManager, procedureId: string): Promise<string | null> {
  const rows = await queryPrepared<{ code: string }>(em, 'select code from catalog_procedure where id = ?', [procedureId]);
  return rows[0]?.code ?? null;
}

