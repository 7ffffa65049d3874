/**
 * The read path of procedures (the search is in search/procedure-search.ts): single reads by
 * id or code, batched version loads, and the mapping of rows to nodes with the visibility
 * rule applied. Rows are plain objects, never entities.
 *
 * Visibility rule (documented in docs/architecture.md): published and retired versions are
 * public; a draft, and the admin fields (`ownerAgencyId`), are visible only to callers who may
 * edit that draft. Otherwise reads return null (a procedure or version), omit the row (lists
 * and version histories) or give null (admin fields); they never refuse.
 */
import DataLoader from 'dataloader';
import { asDate, asJson, asSubject, isUuid, readByIds, relationId, type RequestContext } from '@motcua/kernel/contract';
import { ZonedDateTime } from '@motcua/workflow/contract';
import { type Channel, type ImplementationLevel, type OnlineMode, type ProcedureContent } from './content.js';
import { Procedure, ProcedureVersion, VersionStatus } from './procedure.entity.js';
import type { ProcedureNode, VersionNode } from './procedure.types.js';

const ZONE = 'Asia/Ho_Chi_Minh';

function splitList<T extends string>(text: unknown): T[] {
  return String(text ?? '').split('|').filter(Boolean) as T[];
}

/** Whether the caller may edit drafts owned like this row. */
export function canEditDraft(ctx: RequestContext, owner: { ownerAgencyId: string | null; ownerAgencyPath: string | null }): boolean {
  return ctx.ability.can('manage', asSubject('ProcedureDraft', { ownerAgencyId: owner.ownerAgencyId, ownerAgencyPath: owner.ownerAgencyPath }));
}

/** Maps a procedure row (snake_case from SQL, or camelCase from the QueryBuilder) to its node. */
export function toProcedureNode(row: Record<string, any>, ctx: RequestContext): ProcedureNode {
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
