import type { EntityManager } from '@mikro-orm/knex';
import { formatDossierCode, localDay } from './dossier-code.js';

/**
 * Allocates the next dossier code of `unitCode` for the day of `receivedAt`, inside the
 * caller's transaction. One atomic upsert bumps the (unit, day) counter and returns the new
 * value: PostgreSQL serialises concurrent upserts on the row lock, SQLite has one writer. A
 * rolled-back reception rolls its number back too, so the day's codes stay consecutive.
 *
 * @example
 * const code = await allocateDossierCode(ctx.em, '000.00.06.H56', ctx.clock.now()); // '000.00.06.H56-261126-0001'
 */
export async function allocateDossierCode(em: EntityManager, unitCode: string, receivedAt: Date): Promise<string> {
  const day = localDay(receivedAt);
  formatDossierCode(unitCode, day, 1); // refuses a bad unit code before touching the counter
  const rows = await em.execute<Array<{ last_value: number | string }>>(
    'insert into dossiers_code_counter (unit_code, day, last_value) values (?, ?, 1) ' +
      'on conflict (unit_code, day) do update set last_value = dossiers_code_counter.last_value + 1 returning last_value',
    [unitCode, day],
  );
  return formatDossierCode(unitCode, day, Number(rows[0].last_value));
}
