import { type AdminPlugin, type Grant, grantsAllow, permissionFor } from '@motcua/kernel/admin';
import type { AccessControlProvider } from '@refinedev/core';

/**
 * Refine's access control from the plugins' permission maps and the user's grants: an action
 * needs the permission its plugin declares (somewhere in the user's units); undeclared
 * actions are refused. Buttons the user may not use are hidden. The server decides anyway.
 */
export function createAccessControlProvider(plugins: readonly AdminPlugin[], grants: () => Promise<Grant[]>): AccessControlProvider {
  return {
    async can({ resource, action }) {
      const required = resource ? permissionFor(plugins, resource, action) : undefined;
      if (required === undefined) return { can: false };
      return { can: required === null || grantsAllow(await grants(), required) };
    },
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  };
}
