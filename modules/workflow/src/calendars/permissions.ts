import { type PermissionDefinition, withinScope } from '@motcua/kernel/contract';

/**
 * The workflow module's permissions. `calendar.manage` applies to calendars of agencies within
 * the grant's scope; a national calendar (no agency) needs a global grant.
 */
export const workflowPermissions: PermissionDefinition[] = [
  {
    key: 'calendar.manage',
    label: { vi: 'Quản lý lịch làm việc, ngày nghỉ lễ, hoán đổi', en: 'Manage working calendars, holidays and swaps' },
    rule: ({ can, grant }) => can('manage', 'Calendar', withinScope(grant.scope, { id: 'agency.id', path: 'agency.path' })),
    builtInRoles: ['AGENCY_ADMIN'], // agency administrators keep their own agency's calendar
  },
];
