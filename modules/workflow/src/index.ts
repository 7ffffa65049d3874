import { defineModule } from '@motcua/kernel/contract';
import { Calendar, CalendarVersion } from './calendars/calendar.entity.js';
import { CalendarResolver } from './calendars/calendar.resolver.js';
import { SubjectClock } from './clocks/subject-clock.entity.js';
import { DeadlineResolver } from './deadlines/deadline.resolver.js';
import { Process, ProcessVersion } from './definitions/process.entity.js';
import { ProcessResolver } from './definitions/process.resolver.js';
import { escalationJob } from './engine/escalation.js';
import { ProcessInstance } from './engine/instance.entity.js';
import { Task } from './engine/task.entity.js';
import { TaskResolver } from './engine/task.resolver.js';
import { workflowPermissions } from './permissions.js';
import { seedWorkflowModule } from './seed.js';

/**
 * Workflow: working calendars (versioned, national and derived), the statutory clock
 * (deadlines, pauses, extensions, timeliness, explanations, persisted per subject and step),
 * process definitions (versioned step graphs, validated, simulated, published), the engine
 * that runs them for a subject, officer tasks and inboxes, and escalation.
 */
export default defineModule({
  name: 'workflow',
  entities: [Calendar, CalendarVersion, Process, ProcessVersion, ProcessInstance, Task, SubjectClock],
  resolvers: [CalendarResolver, DeadlineResolver, ProcessResolver, TaskResolver],
  permissions: workflowPermissions,
  jobs: [escalationJob],
  seed: seedWorkflowModule,
});
