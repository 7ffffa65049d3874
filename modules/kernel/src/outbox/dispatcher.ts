import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../clock/clock.js';
import { leaseDueRows } from '../db/lease.js';
import { backoffMs, PollingWorker, type PollingWorkerOptions } from '../db/polling-worker.js';
import type { DeliveredEvent, EventHandlerDefinition } from '../module/define-module.js';
import { InboxReceipt } from './inbox-receipt.entity.js';
import { OutboxEvent } from './outbox-event.entity.js';

export interface DispatcherOptions extends PollingWorkerOptions {
  /** Creates a fresh EntityManager (a fork of the ORM's global one). */
  em: () => EntityManager;
  clock: Clock;
  handlers: EventHandlerDefinition[];
  /** Identifies this process in leases. */
  owner: string;
  leaseMs?: number;
  batchSize?: number;
  retryBaseMs?: number;
  /** Attempts before an event is given up (`failed_at` set; clear it to re-queue). */
  maxAttempts?: number;
}

const DEFAULT_MAX_ATTEMPTS = 20;

/**
 * Delivers committed outbox events to their handlers, in this process, after commit.
 * Each (handler, event) pair runs in its own transaction together with its inbox receipt,
 * so a handler's effects happen exactly once however often the event is re-delivered.
 * A failing handler leaves the event pending with exponential back-off (handlers that already
 * succeeded are skipped on retry); after `maxAttempts` the event is given up and logged.
 */
export class OutboxDispatcher extends PollingWorker {
  private readonly byType = new Map<string, EventHandlerDefinition[]>();

  constructor(private readonly deps: DispatcherOptions) {
    super(deps);
    for (const handler of deps.handlers) {
      this.byType.set(handler.event, [...(this.byType.get(handler.event) ?? []), handler]);
    }
  }

  protected async processBatch(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    const ids = await leaseDueRows(
      this.deps.em(),
      { table: 'kernel_outbox', dueSql: 'delivered_at is null and failed_at is null and available_at <= ?', dueParams: [now], orderBy: 'occurred_at, id' },
      this.deps.owner,
      now,
      this.deps.leaseMs ?? 30_000,
      this.deps.batchSize ?? 20,
    );
    for (const id of ids) await this.deliver(id);
    return ids.length;
  }

  private async deliver(id: string): Promise<void> {
    const em = this.deps.em();
    const row = await em.findOneOrFail(OutboxEvent, id);
    const event: DeliveredEvent = { id: row.id, type: row.type, payload: row.payload, occurredAt: new Date(row.occurredAt) };
    // Every handler gets its chance: one that keeps failing must not starve the others.
    const failures: string[] = [];
    for (const handler of this.byType.get(row.type) ?? []) {
      try {
        await this.runHandler(handler, event);
      } catch (error) {
        failures.push(`${handler.name}: ${String(error)}`);
        this.options.log.warn({ err: error, eventId: id, type: row.type, handler: handler.name, attempt: row.attempts + 1 }, 'event handler failed');
      }
    }
    const now = this.deps.clock.now().getTime();
    if (!failures.length) return this.release(em, id, { deliveredAt: now, lastError: null });
    const attempts = row.attempts + 1;
    const givenUp = attempts >= (this.deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    if (givenUp) this.options.log.error({ eventId: id, type: row.type, attempts, failures }, 'event given up after repeated failures');
    const retryAt = now + backoffMs(attempts, this.deps.retryBaseMs ?? 1_000);
    await this.release(em, id, { attempts, availableAt: retryAt, lastError: failures.join('\n'), failedAt: givenUp ? now : null });
  }

  private async runHandler(handler: EventHandlerDefinition, event: DeliveredEvent): Promise<void> {
    await this.deps.em().transactional(async (tx) => {
      if (await tx.findOne(InboxReceipt, { handler: handler.name, eventId: event.id })) return;
      tx.persist(tx.create(InboxReceipt, { handler: handler.name, eventId: event.id, handledAt: this.deps.clock.now().getTime() }));
      await handler.handle(event, { em: tx, log: this.options.log.child({ handler: handler.name }), clock: this.deps.clock });
    });
  }

  private async release(em: EntityManager, id: string, changes: Partial<OutboxEvent>): Promise<void> {
    await em.nativeUpdate(OutboxEvent, { id, leaseOwner: this.deps.owner }, { ...changes, leaseOwner: null, leaseUntil: null });
  }
}
