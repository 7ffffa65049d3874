import type { EntityManager } from '@mikro-orm/knex';

/** True when the EntityManager talks to PostgreSQL (else it is SQLite). */
export function isPostgres(em: EntityManager): boolean {
  return em.getPlatform().constructor.name.startsWith('PostgreSql');
}
