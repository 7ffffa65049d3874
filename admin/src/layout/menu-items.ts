import { type AdminMenuItem, grantsAllow, permissionFor, useGrants } from '@motcua/kernel/admin';
import { plugins } from '../plugins';

const ITEMS: AdminMenuItem[] = plugins.flatMap((plugin) => plugin.menu).sort((a, b) => a.order - b.order);

/** The plugins' menu items the signed-in user may open, in order. */
export function useVisibleMenuItems(): AdminMenuItem[] {
  const grants = useGrants();
  return ITEMS.filter((item) => {
    const required = permissionFor(plugins, item.resource, 'list');
    return required === null || (required !== undefined && grantsAllow(grants, required));
  });
}

/** The key of the item whose path is the longest prefix of `pathname`. */
export function selectedMenuKey(items: readonly Pick<AdminMenuItem, 'key' | 'path'>[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.path || pathname.startsWith(item.path === '/' ? '/' : `${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
}
