import type { EntityManager } from '@mikro-orm/knex';
import { AppError, isUuid, readOne } from '@motcua/kernel/contract';
import { Agency } from './agency.entity.js';
import { AGENCY_ENTITY } from './agency.read.js';

/** Where an agency sits in the org tree: what scoped permission rules match against. */
export interface AgencyUnit {
  id: string;
  path: string;
}

/**
 * An agency's place in the org tree, or NOT_FOUND: for other modules' scope checks (e.g.
 * `ensureCan(ctx, 'update', 'Calendar', { agency: await agencyUnitOrFail(ctx.em, id) })`).
 */
export async function agencyUnitOrFail(em: EntityManager, agencyId: string): Promise<AgencyUnit> {
  const row = isUuid(agencyId) ? await readOne(em, Agency, { id: agencyId }) : null;
  if (!row) throw AppError.notFound(AGENCY_ENTITY, agencyId);
  return { id: String(row.id), path: String(row.path) };
}

/**
 * An agency's place in the org tree by its electronic identifier code (e.g. `000.00.10.H56`), or
 * NOT_FOUND: for seeds and imports that know agencies by code.
 */
export async function agencyUnitByCode(em: EntityManager, code: string): Promise<AgencyUnit> {
  const row = await readOne(em, Agency, { code });
  if (!row) throw AppError.notFound(AGENCY_ENTITY, code);
  return { id: String(row.id), path: String(row.path) };
}
