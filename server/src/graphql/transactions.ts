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
  return ({ context }, next) => runAsMutation(orm, context, onCommit, next);
}

/** Runs `work` as a mutation does (see `transactionMiddleware`); module HTTP routes use it too. */
export async function runAsMutation<T>(orm: Orm, context: RequestContext, onCommit: () => void, work: () => Promise<T>): Promise<T> {
  const outer = context.em;
  try {
    const result = await outer.transactional(async (tx) => {
      context.em = tx;
      const value = await work();
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
}
