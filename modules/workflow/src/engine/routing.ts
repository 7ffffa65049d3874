/**
 * Who a task reaches. A task is routed to a role in a unit (the step's unit, else the
 * process's agency). A role holding reaches it when the holder sits in that unit or below it
 * (an agency-level task reaches every officer of the role in the agency), or when the holding
 * covers the unit's subtree from above. Publishing counts holders with the same rule, so a
 * published step always reaches someone.
 */
import type { RoleHolding } from '@motcua/identity/contract';

/** Whether a holding of the right role reaches a task routed to the unit with this path. */
export function reaches(holding: Pick<RoleHolding, 'unitPath' | 'includeSubtree'>, unitPath: string): boolean {
  return holding.unitPath.startsWith(unitPath) || (holding.includeSubtree && unitPath.startsWith(holding.unitPath));
}

/**
 * The ids on a materialised path, root first.
 *
 * @example
 * pathIds('/a/b/c/'); // ['a', 'b', 'c']
 */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
