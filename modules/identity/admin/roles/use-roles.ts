import { useCustom, useList } from '@refinedev/core';
import { useMemo } from 'react';
import { PERMISSIONS, type PermissionRecord, ROLE_ASSIGNMENTS, type RoleAssignmentRecord, ROLES, type RoleRecord } from './queries';

/** Every role the user may see (built-in and custom; one page of at most 100). */
export function useRoles() {
  const { result, query } = useList<RoleRecord>({ resource: 'roles', meta: { gqlQuery: ROLES }, pagination: { mode: 'off' } });
  const roles = result.data;
  const byId = useMemo(() => new Map(roles.map((role) => [role.id, role])), [roles]);
  return { roles, byId, query };
}

/** The permissions roles are built from, as every module declares them. */
export function usePermissionCatalog() {
  const { result, query } = useCustom<{ permissions: PermissionRecord[] }>({
    url: '',
    method: 'get',
    meta: { gqlQuery: PERMISSIONS },
    queryOptions: { staleTime: Infinity, queryKey: ['identity', 'permissions'] },
  });
  return { permissions: result.data?.permissions ?? [], query };
}

/** The roles assigned to one user. */
export function useRoleAssignments(userId: string | undefined) {
  const { result, query } = useList<RoleAssignmentRecord>({
    resource: 'roleAssignments',
    meta: { gqlQuery: ROLE_ASSIGNMENTS },
    filters: [{ field: 'userId', operator: 'eq', value: userId }],
    pagination: { mode: 'off' },
    queryOptions: { enabled: Boolean(userId) },
  });
  return { assignments: result.data, query };
}
