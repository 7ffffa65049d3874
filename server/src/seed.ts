import type { Clock, ModuleDefinition } from '@motcua/kernel/contract';
import type { Logger } from 'pino';
import type { Orm } from './orm.js';

/**
 * Runs every module's seed, each in its own transaction. Seeds are idempotent: built-in data
 * is refreshed, demo data is only written into an empty database.
 */
export async function runSeeds(orm: Orm, modules: readonly ModuleDefinition[], clock: Clock, log: Logger, demo: boolean): Promise<void> {
  const permissions = modules.flatMap((m) => m.permissions ?? []);
  for (const module of modules) {
    if (!module.seed) continue;
    await orm.em.fork().transactional((em) => module.seed!({ em, clock, log: log.child({ seed: module.name }), demo, permissions }));
  }
}
