import type { Principal } from '../context/request-context.js';
import type { ModuleDefinition, PermissionDefinition } from '../module/define-module.js';
import { type AppAbility, newAbilityBuilder } from './ability.js';

/** The permission that stands for every permission (the system administrator's). */
export const ALL_PERMISSIONS = '*';

/**
 * Turns modules' permission definitions and base rules into a function that builds a
 * principal's CASL ability. Built once at start-up, called once per request.
 *
 * @example
 * const abilityFor = abilityFactory(modules);
 * const ability = abilityFor(principal); // principal null = anonymous
 */
export function abilityFactory(modules: readonly ModuleDefinition[]): (principal: Principal | null) => AppAbility {
  const permissions = new Map<string, PermissionDefinition>();
  for (const permission of modules.flatMap((m) => m.permissions ?? [])) {
    if (permissions.has(permission.key)) throw new Error(`permission ${permission.key} is declared twice`);
    permissions.set(permission.key, permission);
  }
  const baseRules = modules.flatMap((m) => (m.baseRules ? [m.baseRules] : []));
  return (principal) => {
    const { can, cannot, build } = newAbilityBuilder();
    for (const rules of baseRules) rules({ can, cannot, principal });
    for (const grant of principal?.grants ?? []) {
      if (grant.permission === ALL_PERMISSIONS) can('manage', 'all');
      else permissions.get(grant.permission)?.rule({ can, cannot, grant, principal: principal! });
    }
    return build();
  };
}
