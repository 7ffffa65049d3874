import { gql } from '@motcua/kernel/admin';

const ROLE_FIELDS = 'id key name nameEn description builtIn agencyId permissions version';

export const ROLES = gql`query Roles($offset: Int, $limit: Int, $filter: RoleFilter) {
  roles(offset: $offset, limit: $limit, filter: $filter) { nodes { ${ROLE_FIELDS} } totalCount }
}`;

export const ROLE = gql`query Role($id: ID!) { role(id: $id) { ${ROLE_FIELDS} } }`;

export const PERMISSIONS = gql`query Permissions { permissions { key label labelEn } }`;

export const CREATE_ROLE = gql`mutation CreateRole($input: CreateRoleInput!) { createRole(input: $input) { role { ${ROLE_FIELDS} } } }`;

export const UPDATE_ROLE = gql`mutation UpdateRole($input: UpdateRoleInput!) { updateRole(input: $input) { role { ${ROLE_FIELDS} } } }`;

export const DELETE_ROLE = gql`mutation DeleteRole($input: IdInput!) { deleteRole(input: $input) { ok } }`;

export const ROLE_ASSIGNMENTS = gql`query RoleAssignments($offset: Int, $limit: Int, $filter: RoleAssignmentFilter) {
  roleAssignments(offset: $offset, limit: $limit, filter: $filter) { nodes { id userId roleId unitId includeSubtree } totalCount }
}`;

export const ASSIGN_ROLE = gql`mutation AssignRole($input: AssignRoleInput!) { assignRole(input: $input) { assignment { id } } }`;

export const REVOKE_ROLE_ASSIGNMENT = gql`mutation RevokeRoleAssignment($input: IdInput!) { revokeRoleAssignment(input: $input) { ok } }`;

export interface RoleRecord {
  id: string;
  key: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  builtIn: boolean;
  agencyId: string | null;
  permissions: string[];
  version: number;
}

export interface PermissionRecord {
  key: string;
  label: string;
  labelEn: string;
}

export interface RoleAssignmentRecord {
  id: string;
  userId: string;
  roleId: string;
  unitId: string | null;
  includeSubtree: boolean;
}
