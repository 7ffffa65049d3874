import type { EntityManager } from '@mikro-orm/knex';
import { asJson } from '@motcua/kernel/contract';
import type { ProcedureContent } from '../procedures/content.js';
import { ProcedureVersion, VersionStatus } from '../procedures/procedure.entity.js';
import type { ExchangeEntry } from './document.js';

/**
 * The newest published version of every published procedure (optionally of one sector, or
 * only the given codes), ordered by code: what export writes, and what import reads back
 * as all SKIPPED.
 */
export async function exportEntries(em: EntityManager, filter: { sectorCode?: string | null; codes?: string[] | null } = {}): Promise<ExchangeEntry[]> {
  const qb = em.createQueryBuilder(ProcedureVersion, 'v').select(['v.number', 'v.content', 'v.effectiveFrom', 'p.code']).join('v.procedure', 'p')
    .where({ status: VersionStatus.PUBLISHED, procedure: { status: VersionStatus.PUBLISHED } }).orderBy({ procedure: { code: 'asc' }, number: 'desc' });
  if (filter.sectorCode) qb.andWhere({ procedure: { sectorCode: filter.sectorCode } });
  if (filter.codes?.length) qb.andWhere({ procedure: { code: { $in: filter.codes } } });
  const rows = await qb.execute<Record<string, any>[]>('all', false);
  const entries = new Map<string, ExchangeEntry>();
  for (const row of rows) {
    if (entries.has(row.code)) continue; // newest first: keep the first per code
    entries.set(row.code, { code: row.code, effectiveFrom: row.effective_from ?? null, ...asJson<ProcedureContent>(row.content) });
  }
  return [...entries.values()];
}
