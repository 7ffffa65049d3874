import { defineModule } from '@motcua/kernel/contract';
import { Agency } from './agencies/agency.entity.js';
import { AgencyResolver } from './agencies/agency.resolver.js';
import { ApiKey } from './api-keys/api-key.entity.js';
import { ApiKeyResolver } from './api-keys/api-key.feature.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { authenticate } from './auth/authenticate.js';
import { Session } from './auth/session.entity.js';
import { identityPermissions } from './roles/permissions.js';
import { RoleAssignment } from './roles/role-assignment.entity.js';
import { Role } from './roles/role.entity.js';
import { RoleAssignmentResolver, RoleResolver } from './roles/role.resolver.js';
import { seedIdentity } from './seed/seed.js';
import { StaffResolver } from './staff/staff.resolver.js';
import { User, UserKind } from './staff/user.entity.js';

/**
 * Identity: the organisation tree, staff and citizen accounts, roles and their assignments,
 * sign-in, API keys, and the CASL rules for all of these.
 */
export default defineModule({
  name: 'identity',
  entities: [Agency, User, Role, RoleAssignment, Session, ApiKey],
  resolvers: [AuthResolver, AgencyResolver, StaffResolver, RoleResolver, RoleAssignmentResolver, ApiKeyResolver],
  permissions: identityPermissions,
  baseRules: ({ can, principal }) => {
    can('read', 'Agency'); // the agency directory is public
    if (!principal) return;
    can('read', 'RoleAssignment', { 'user.id': principal.userId });
    if (principal.kind === UserKind.STAFF) can('read', 'Role');
  },
  authenticator: authenticate,
  seed: seedIdentity,
});
