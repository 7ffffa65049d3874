import { type PermissionDefinition, withinScope } from '@motcua/kernel/contract';

/**
 * The workflow module's permissions, each scoped by the org tree:
 * - `calendar.manage`: calendars of agencies within the grant's scope; a national calendar (no
 *   agency) needs a global grant.
 * - `process.manage`: process definitions of agencies within the scope (create, edit, publish,
 *   simulate, read).
 * - `task.assign`: assign and reassign open tasks routed to units within the scope (unit and
 *   agency leaders distribute work; escalations notify them).
 */
export const workflowPermissions: PermissionDefinition[] = [
  {
    key: 'calendar.manage',
    label: { vi: 'Quản lý lịch làm việc, ngày nghỉ lễ, hoán đổi', en: 'Manage working calendars, holidays and swaps' },
    rule: ({ can, grant }) => can('manage', 'Calendar', withinScope(grant.scope, { id: 'agency.id', path: 'agency.path' })),
    builtInRoles: ['AGENCY_ADMIN'], // agency administrators keep their own agency's calendar
  },
  {
    key: 'process.manage',
    label: { vi: 'Thiết kế, mô phỏng và ban hành quy trình nội bộ', en: 'Design, simulate and publish internal processes' },
    rule: ({ can, grant }) => can('manage', 'Process', withinScope(grant.scope, { id: 'agencyId', path: 'agencyPath' })),
    builtInRoles: ['AGENCY_ADMIN'],
  },
  {
    key: 'task.assign',
    label: { vi: 'Phân công, chuyển giao công việc xử lý hồ sơ', en: 'Assign and reassign processing tasks' },
    rule: ({ can, grant }) => can('assign', 'Task', withinScope(grant.scope, { id: 'unitId', path: 'unitPath' })),
    builtInRoles: ['UNIT_LEADER', 'AGENCY_LEADER'],
  },
];
