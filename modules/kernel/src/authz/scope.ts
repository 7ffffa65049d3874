/**
 * Where a role assignment applies: everywhere (system administration), one org unit, or
 * one org unit and its whole subtree. Unit paths are materialised (`/root-id/…/unit-id/`),
 * so "in the subtree" is a prefix match that SQL answers with `LIKE 'path%'`.
 */
export interface GrantScope {
  global: boolean;
  unitId: string | null;
  unitPath: string | null;
  includeSubtree: boolean;
}

/** One permission held by a principal, in one scope. */
export interface Grant {
  permission: string;
  scope: GrantScope;
}

export const GLOBAL_SCOPE: GrantScope = { global: true, unitId: null, unitPath: null, includeSubtree: true };

/** Names of the fields that locate a row in the org tree, for {@link withinScope}. */
export interface UnitFields {
  /** Field holding the unit id the row belongs to (e.g. `unit.id`, or `id` for units themselves). */
  id: string;
  /** Field holding that unit's path (e.g. `unit.path`, or `path` for units themselves). */
  path: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The CASL condition matching rows inside a grant's scope.
 *
 * @example
 * can('read', 'Staff', withinScope(scope, { id: 'unit.id', path: 'unit.path' }));
 */
export function withinScope(scope: GrantScope, fields: UnitFields): Record<string, unknown> {
  if (scope.global) return {};
  // A unit scope without its unit would match rows that have no unit: refuse to build it.
  if (!scope.unitId || (scope.includeSubtree && !scope.unitPath)) throw new Error('a unit scope needs its unit id and path');
  if (scope.includeSubtree) return { [fields.path]: { $regex: `^${escapeRegex(scope.unitPath!)}` } };
  return { [fields.id]: scope.unitId };
}
