/**
 * Writing procedures and versions, shared by the service (requests), the import and the
 * seed: every write keeps the procedure row's listing (the searchable facts of its listed
 * version) in step, in the same unit of work.
 */
import type { EntityManager } from '@mikro-orm/knex';
import { foldVietnamese, uuid7 } from '@motcua/kernel/contract';
import type { ProcedureContent } from './content.js';
import { Procedure, ProcedureVersion, VersionStatus } from './procedure.entity.js';

/** Who owns a draft: an agency (scoped editing) or the province's catalog administrators (null). */
export interface Owner {
  agencyId: string | null;
  agencyPath: string | null;
}

/** `|A|B|` for LIKE filters on a listed set. */
export function pipeList(values: readonly string[]): string {
  return values.length ? `|${values.join('|')}|` : '';
}

/** The version a procedure lists: newest published, else newest retired, else newest draft. */
export function listedVersion(versions: readonly ProcedureVersion[]): ProcedureVersion {
  const newest = (status: VersionStatus) => versions.filter((v) => v.status === status).sort((a, b) => b.number - a.number)[0];
  return newest(VersionStatus.PUBLISHED) ?? newest(VersionStatus.RETIRED) ?? newest(VersionStatus.DRAFT)!;
}

/** Copies the listed version's searchable facts onto the procedure row. */
export function applyListing(procedure: Procedure, version: ProcedureVersion, now: Date): void {
  const content = version.content;
  Object.assign(procedure, {
    status: version.status, listedVersionId: version.id, name: content.name, searchName: foldVietnamese(content.name),
    searchText: foldVietnamese(`${procedure.code} ${content.name}`), sectorCode: content.sectorCode, onlineMode: content.onlineMode,
    channels: pipeList(content.channels.map((c) => c.channel)), levels: pipeList(content.levels), updatedAt: now,
  });
}

/** Recomputes a procedure's listing from all its versions (after a publish, retire or draft deletion). */
export async function refreshListing(em: EntityManager, procedure: Procedure, now: Date): Promise<void> {
  const versions = await em.find(ProcedureVersion, { procedure });
  applyListing(procedure, listedVersion(versions), now);
}

/** A new version row of a procedure (the caller flushes). */
export function newVersion(
  em: EntityManager,
  procedure: Procedure,
  fields: { status: VersionStatus; content: ProcedureContent; owner: Owner; actorId: string | null; now: Date; effectiveFrom?: string | null },
): ProcedureVersion {
  procedure.latestNumber += 1;
  const published = fields.status === VersionStatus.PUBLISHED;
  return em.create(ProcedureVersion, {
    id: uuid7(fields.now.getTime()), procedure, number: procedure.latestNumber, status: fields.status, content: fields.content,
    effectiveFrom: fields.effectiveFrom ?? null, effectiveTo: null, publishedAt: published ? fields.now : null, publishedBy: published ? fields.actorId : null,
    ownerAgencyId: fields.owner.agencyId, ownerAgencyPath: fields.owner.agencyPath, createdBy: fields.actorId, createdAt: fields.now, updatedAt: fields.now,
  });
}

/** A new procedure with its first version, listed (the caller flushes). */
export function newProcedure(
  em: EntityManager,
  code: string,
  fields: { status: VersionStatus; content: ProcedureContent; owner: Owner; actorId: string | null; now: Date; effectiveFrom?: string | null },
): { procedure: Procedure; version: ProcedureVersion } {
  const procedure = em.create(Procedure, {
    id: uuid7(fields.now.getTime()), code, status: fields.status, listedVersionId: '', name: '', searchName: '', searchText: '', sectorCode: '',
    onlineMode: '', channels: '', levels: '', latestNumber: 0, ownerAgencyId: fields.owner.agencyId, ownerAgencyPath: fields.owner.agencyPath,
    createdAt: fields.now, updatedAt: fields.now,
  });
  const version = newVersion(em, procedure, fields);
  applyListing(procedure, version, fields.now);
  return { procedure, version };
}

/**
 * Publishes a version from `effectiveFrom`: the published version in force before it ends
 * the day this one starts (its end of validity, the one change a published version takes).
 */
export async function publishVersion(em: EntityManager, version: ProcedureVersion, at: { effectiveFrom: string; actorId: string | null; now: Date }): Promise<void> {
  const procedure = await version.procedure.loadOrFail();
  const previous = await em.find(ProcedureVersion, { procedure, status: VersionStatus.PUBLISHED, id: { $ne: version.id } });
  for (const old of previous) {
    if (!old.effectiveTo || old.effectiveTo > at.effectiveFrom) {
      old.effectiveTo = old.effectiveFrom && old.effectiveFrom > at.effectiveFrom ? old.effectiveFrom : at.effectiveFrom;
      old.updatedAt = at.now;
    }
  }
  Object.assign(version, { status: VersionStatus.PUBLISHED, effectiveFrom: at.effectiveFrom, publishedAt: at.now, publishedBy: at.actorId, updatedAt: at.now });
  await refreshListing(em, procedure, at.now);
}
