/**
 * The identity module's public face for other modules: events it publishes and the
 * built-in role keys. Other modules refer to agencies and users by id only.
 */
import { defineEvent } from '@motcua/kernel/contract';

export { BuiltInRole } from './roles/built-in-roles.js';

/** An agency was created or changed (name, code, activity). */
export const AgencyChanged = defineEvent<{ agencyId: string; change: 'CREATED' | 'UPDATED' }>('identity.AgencyChanged');

/** A staff account was created, changed, disabled or enabled. */
export const StaffChanged = defineEvent<{ userId: string; change: 'CREATED' | 'UPDATED' | 'DISABLED' | 'ENABLED' }>('identity.StaffChanged');

/** A role was assigned to or revoked from a user. */
export const RoleAssignmentChanged = defineEvent<{ assignmentId: string; userId: string; change: 'ASSIGNED' | 'REVOKED' }>(
  'identity.RoleAssignmentChanged',
);

export { createSystemAdministrator, type SystemAdministratorInput } from './staff/system-admin.js';
export { agencyUnitOrFail, agencyUnitByCode, type AgencyUnit } from './agencies/agency-unit.js';
export { roleHoldingsOf, roleHoldingsWithin, type RoleHolding } from './roles/role-holders.js';
