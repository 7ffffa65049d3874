import { usePermissions } from '@refinedev/core';

/** One permission the signed-in user holds, and where (from `me { grants }`). */
export interface Grant {
  permission: string;
  /** The unit it applies to; null = everywhere. */
  unitId: string | null;
  includeSubtree: boolean;
}

/** The permission key that stands for every permission (system administrators). */
export const ALL_PERMISSIONS = '*';

/** An org unit located in the tree: its id and its ancestors' ids. */
export interface UnitRef {
  id: string;
  ancestorIds: readonly string[];
}

/** The scope above every unit: only grants that apply everywhere cover it (e.g. creating a root). */
export const EVERYWHERE: UnitRef = { id: '', ancestorIds: [] };

function covers(grant: Grant, unit: UnitRef | undefined): boolean {
  if (grant.unitId === null || unit === undefined) return true;
  return grant.unitId === unit.id || (grant.includeSubtree && unit.ancestorIds.includes(grant.unitId));
}

/**
 * Whether the grants allow `permission` (or any one of several): in the given unit, or
 * (without a unit) somewhere. This only decides what the UI shows; the server checks every
 * request anyway.
 *
 * @example
 * grantsAllow(grants, ['dossier.receive', 'dossier.supervise']) // the desk or a leader
 */
export function grantsAllow(grants: readonly Grant[], permission: string | readonly string[], unit?: UnitRef): boolean {
  const wanted = typeof permission === 'string' ? [permission] : permission;
  return grants.some((grant) => (wanted.includes(grant.permission) || grant.permission === ALL_PERMISSIONS) && covers(grant, unit));
}

/** The signed-in user's grants (empty while loading). */
export function useGrants(): readonly Grant[] {
  const { data } = usePermissions<Grant[]>({});
  return data ?? [];
}

/**
 * Whether the signed-in user may do `permission` (somewhere, or in `unit`); false while the
 * grants load. Use it to show or hide buttons.
 *
 * @example
 * const canCreate = useCan('staff.create');
 * return canCreate ? <Button>…</Button> : null;
 */
export function useCan(permission: string, unit?: UnitRef): boolean {
  return grantsAllow(useGrants(), permission, unit);
}
