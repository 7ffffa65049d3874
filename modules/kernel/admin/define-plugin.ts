import type { ResourceProps } from '@refinedev/core';
import type { ReactNode } from 'react';
import type { Dictionary } from './i18n';

/**
 * What an action needs: a permission key, several keys of which any one is enough (pages
 * several roles share through different permissions), or `null` for any signed-in user.
 */
export type RequiredPermission = string | readonly string[] | null;

/**
 * Which permission each action on a resource needs: `{ staff: { list: 'staff.read' } }`,
 * `{ trackingBook: { list: ['dossier.receive', 'dossier.supervise'] } }` (either one).
 * An action not listed is refused.
 */
export type PermissionMap = Record<string, Partial<Record<string, RequiredPermission>>>;

/** A page of the plugin, shown only to users allowed `action` on `resource`. */
export interface AdminRoute {
  /** Path under the admin's base, e.g. `/staff/edit/:id`. */
  path: string;
  element: ReactNode;
  resource: string;
  action: string;
  /** Shown without the side menu and header (e.g. a kiosk tablet page); still signed in and guarded. */
  fullScreen?: boolean;
}

/** A page anyone can open without signing in (e.g. public rankings, a rating link), shown without the frame. */
export interface PublicRoute {
  path: string;
  element: ReactNode;
}

/** An entry of the side menu; shown when the user may `list` its resource. */
export interface AdminMenuItem {
  key: string;
  /** i18n key of the label. */
  label: string;
  icon?: ReactNode;
  path: string;
  resource: string;
  /** Position among all plugins' items (ascending). */
  order: number;
}

/** A card on the home page. */
export interface DashboardWidget {
  key: string;
  element: ReactNode;
  /** Position among all plugins' widgets (ascending). */
  order: number;
}

/** What a module adds to the admin app. */
export interface AdminPlugin {
  /** The module's name, e.g. `identity`. */
  name: string;
  /** Refine resources (names, routes, labels) the plugin's pages work on. */
  resources: ResourceProps[];
  routes: AdminRoute[];
  /** Pages for everyone, signed in or not: they call only public GraphQL fields. */
  publicRoutes?: PublicRoute[];
  menu: AdminMenuItem[];
  permissions: PermissionMap;
  /** The plugin's labels and messages, in every language. */
  messages: Dictionary;
  widgets?: DashboardWidget[];
}

/**
 * Declares a module's admin plugin. The host mounts every plugin from one list
 * (`admin/src/plugins.ts`): it registers the resources with Refine, adds the routes behind a
 * permission check, builds the side menu from `menu` (hiding what the user may not list),
 * merges `messages` into the i18n dictionaries and shows `widgets` on the home page.
 *
 * Throws when a route or menu item names a resource action that `permissions` does not
 * cover, so a page cannot be forgotten unguarded.
 *
 * @example
 * // modules/catalog/admin/index.tsx
 * export default defineAdminPlugin({
 *   name: 'catalog',
 *   resources: [{ name: 'procedures', list: '/procedures', create: '/procedures/create' }],
 *   routes: [
 *     { path: '/procedures', element: <ProcedureList />, resource: 'procedures', action: 'list' },
 *     { path: '/procedures/create', element: <ProcedureCreate />, resource: 'procedures', action: 'create' },
 *   ],
 *   menu: [{ key: 'procedures', label: 'procedures.menu', icon: <BookOutlined />, path: '/procedures', resource: 'procedures', order: 40 }],
 *   permissions: { procedures: { list: null, create: 'procedure.manage' } },
 *   messages: { vi: { procedures: { menu: 'Thủ tục hành chính' } }, en: { procedures: { menu: 'Procedures' } } },
 * });
 */
export function defineAdminPlugin(plugin: AdminPlugin): AdminPlugin {
  const guarded = (resource: string, action: string) => plugin.permissions[resource]?.[action] !== undefined;
  const problems = [
    ...plugin.routes.filter((route) => !guarded(route.resource, route.action)).map((route) => `route ${route.path} (${route.resource}.${route.action})`),
    ...plugin.menu.filter((item) => !guarded(item.resource, 'list')).map((item) => `menu item ${item.key} (${item.resource}.list)`),
  ];
  if (problems.length) throw new Error(`Admin plugin ${plugin.name}: no permission declared for ${problems.join(', ')}`);
  return plugin;
}

/**
 * The permission an action needs according to the plugins: a key (or keys, any one enough),
 * `null` for any signed-in user, or `undefined` when no plugin declares it (refused).
 */
export function permissionFor(plugins: readonly AdminPlugin[], resource: string, action: string): RequiredPermission | undefined {
  for (const plugin of plugins) {
    const required = plugin.permissions[resource]?.[action];
    if (required !== undefined) return required;
  }
  return undefined;
}
