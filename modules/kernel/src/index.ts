import { AuditRecord } from './audit/audit-record.entity.js';
import { Job } from './jobs/job.entity.js';
import { defineModule } from './module/define-module.js';
import { InboxReceipt } from './outbox/inbox-receipt.entity.js';
import { OutboxEvent } from './outbox/outbox-event.entity.js';

/** The kernel as a module: it owns the outbox, inbox, job and audit tables. */
export default defineModule({
  name: 'kernel',
  entities: [OutboxEvent, InboxReceipt, Job, AuditRecord],
  resolvers: [],
});
