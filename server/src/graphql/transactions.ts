import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '@motcua/kernel/contract';
import type { Orm } from '../orm.js';

/**
 * Runs a root mutation field in one database transaction (attached to Mutation fields only): its entity changes, audit
 * records, outbox events and jobs commit together or not at all. After a commit the outbox
 * dispatcher is woken; after a rollback the mutation's `afterRollback` work runs in a
 * transaction of its own.
 */
export function transactionMiddleware(orm: Orm, onCommit: () => void): MiddlewareFn<RequestContext> {
  return async ({ context }, next) => {
    const outer = context.em;
    try {
      const result = await outer.transactional(async (tx) => {
        context.em = tx;
        const value = await next();
        await tx.flush();
        return value;
      });
      onCommit();
      return result;
    } catch (error) {
      for (const work of context.afterRollback.splice(0)) await orm.em.fork().transactional((em) => work(em));
      throw error;
    } finally {
      context.em = outer;
    }
  };
}
