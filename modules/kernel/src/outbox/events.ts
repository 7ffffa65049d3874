import type { EntityManager } from '@mikro-orm/knex';
import { uuid7 } from '../ids/uuid7.js';
import { OutboxEvent } from './outbox-event.entity.js';

/**
 * A named integration event with a typed payload. Declare events in the publishing module's
 * `contract.ts`, so subscribers import only the contract.
 *
 * @example
 * export const StaffCreated = defineEvent<{ staffId: string; unitId: string }>('identity.StaffCreated');
 * publish(ctx.em, StaffCreated, { staffId, unitId }, ctx.clock.now());
 */
export interface EventType<P> {
  readonly type: string;
  /** Phantom field carrying the payload type; never set. */
  readonly payload?: P;
}

export function defineEvent<P>(type: string): EventType<P> {
  return { type };
}

/**
 * Queues an event in the current unit of work. It is written with the transaction's other
 * changes and delivered only after that transaction commits; a rolled-back mutation
 * publishes nothing.
 */
export function publish<P>(em: EntityManager, event: EventType<P>, payload: P, now: Date): string {
  const id = uuid7(now.getTime());
  em.persist(
    em.create(OutboxEvent, { id, type: event.type, payload, occurredAt: now.getTime(), availableAt: now.getTime(), attempts: 0 }),
  );
  return id;
}
