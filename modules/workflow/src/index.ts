import { defineModule } from '@motcua/kernel/contract';
import { Calendar, CalendarVersion } from './calendars/calendar.entity.js';
import { CalendarResolver } from './calendars/calendar.resolver.js';
import { workflowPermissions } from './calendars/permissions.js';
import { seedWorkflow } from './calendars/seed.js';
import { DeadlineResolver } from './deadlines/deadline.resolver.js';

/**
 * Workflow: working calendars (versioned, national and derived) and the statutory clock
 * (deadlines, pauses, extensions, timeliness, explanations). Dossier processes come next.
 */
export default defineModule({
  name: 'workflow',
  entities: [Calendar, CalendarVersion],
  resolvers: [CalendarResolver, DeadlineResolver],
  permissions: workflowPermissions,
  seed: seedWorkflow,
});
