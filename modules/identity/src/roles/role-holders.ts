import type { EntityManager } from '@mikro-orm/knex';
import { asBoolean, queryPrepared } from '@motcua/kernel/contract';

/** One role held by an active staff member: the role key and the unit (with its path) it applies in. */
export interface RoleHolding {
  userId: string;
  roleKey: string;
  unitId: string;
  unitPath: string;
  includeSubtree: boolean;
}

// Raw SQL: workflow asks this on every inbox query (the caller's own roles) and on publishing.
const HOLDINGS_SQL =
  'select ra.user_id, r.key as role_key, a.id as unit_id, a.path as unit_path, ra.include_subtree from identity_role_assignment ra ' +
  "join identity_role r on r.id = ra.role_id join identity_agency a on a.id = ra.unit_id join identity_user u on u.id = ra.user_id where u.status = 'ACTIVE' and u.kind = 'STAFF'";

type HoldingRow = { user_id: string; role_key: string; unit_id: string; unit_path: string; include_subtree: unknown };

const toHolding = (row: HoldingRow): RoleHolding => ({
  userId: row.user_id, roleKey: row.role_key, unitId: row.unit_id, unitPath: row.unit_path, includeSubtree: asBoolean(row.include_subtree),
});

/**
 * The unit-bound roles of one active staff member (global assignments left out): what a
 * workflow inbox matches tasks against. Empty for a disabled account or a citizen.
 *
 * @example
 * const roles = await roleHoldingsOf(em, principal.userId); // [{ roleKey: 'HANDLING_OFFICER', unitId, unitPath, includeSubtree: false, userId }]
 */
export async function roleHoldingsOf(em: EntityManager, userId: string): Promise<RoleHolding[]> {
  return (await queryPrepared<HoldingRow>(em, `${HOLDINGS_SQL} and ra.user_id = ?`, [userId])).map(toHolding);
}

/**
 * The roles active staff hold in units whose path starts with one of `pathPrefixes`, or in
 * one of `unitIds` (e.g. the ancestors of a unit, whose subtree assignments cover it).
 *
 * @example
 * const holdings = await roleHoldingsWithin(em, { pathPrefixes: [agency.path], unitIds: ancestorIds });
 */
export async function roleHoldingsWithin(em: EntityManager, where: { pathPrefixes: string[]; unitIds: string[] }): Promise<RoleHolding[]> {
  const clauses = [...where.pathPrefixes.map(() => 'a.path like ?'), ...(where.unitIds.length ? [`a.id in (${where.unitIds.map(() => '?').join(', ')})`] : [])];
  if (!clauses.length) return [];
  const params = [...where.pathPrefixes.map((path) => `${path}%`), ...where.unitIds];
  return (await em.execute<HoldingRow[]>(`${HOLDINGS_SQL} and (${clauses.join(' or ')})`, params)).map(toHolding);
}
