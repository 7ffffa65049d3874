import type { EntityManager } from '@mikro-orm/knex';
import { type DeliveredEvent, type EventHandlerDefinition, uuid7 } from '@motcua/kernel/contract';
import { agencyUnitOrFail } from '@motcua/identity/contract';
import { COUNTER_NAMES, type Counters, counterDelta, vietnamDay } from './counters.js';
import { type DossierFact, DossierFactRecorded } from './dossier-fact.js';
import { EvaluationFact, NO_OFFICER } from './fact.entity.js';
import { rememberDossier } from '../ratings/rating.service.js';

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const KEY_COLUMNS = ['agency_id', 'unit_id', 'officer_id', 'procedure_id', 'day'];
const COUNTER_COLUMNS = COUNTER_NAMES.map(snake);

/** One statement for every fact: insert the row, or add to the existing one (SQLite and PostgreSQL alike). */
const UPSERT_SQL = `insert into evaluation_daily (id, unit_path, ${KEY_COLUMNS.join(', ')}, ${COUNTER_COLUMNS.join(', ')})
  values (${['?', '?', ...KEY_COLUMNS, ...COUNTER_COLUMNS].map(() => '?').join(', ')})
  on conflict (${KEY_COLUMNS.join(', ')}) do update set unit_path = excluded.unit_path,
  ${COUNTER_COLUMNS.map((column) => `${column} = evaluation_daily.${column} + excluded.${column}`).join(', ')}`;

/** The key of a daily row: where a fact counts. */
export interface AttributionKey {
  agencyId: string;
  unitId: string;
  officerId: string;
  procedureId: string;
  day: string;
}

/** The key of the daily row a fact counts in, as reported. */
export function aggregateKey(fact: DossierFact): AttributionKey {
  return { agencyId: fact.agencyId, unitId: fact.unitId, officerId: fact.officerId ?? NO_OFFICER, procedureId: fact.procedureId, day: vietnamDay(fact.occurredAt) };
}

/** Adds counters to the daily row with this key (creating it), in the caller's transaction. */
export async function addToDailyRow(em: EntityManager, key: AttributionKey, unitPath: string, delta: Partial<Counters>, now: Date): Promise<void> {
  const values = [uuid7(now.getTime()), unitPath, key.agencyId, key.unitId, key.officerId, key.procedureId, key.day, ...COUNTER_NAMES.map((name) => delta[name] ?? 0)];
  await em.execute(UPSERT_SQL, values, 'run');
}

const DROP_EMPTY_SQL = `delete from evaluation_daily where ${KEY_COLUMNS.map((column) => `${column} = ?`).join(' and ')}
  and ${COUNTER_COLUMNS.map((column) => `${column} = 0`).join(' and ')}`;

/** Deletes the daily row with this key if a subtraction left it all zeros, as the full recompute would never write it. */
export async function dropEmptyDailyRow(em: EntityManager, key: AttributionKey): Promise<void> {
  await em.execute(DROP_EMPTY_SQL, [key.agencyId, key.unitId, key.officerId, key.procedureId, key.day], 'run');
}

/**
 * Applies one fact: keeps it as evidence and adds it to its daily row, both in the handler's
 * transaction (which also holds the kernel's inbox receipt, so a re-delivered event changes nothing).
 */
export async function consumeDossierFact(em: EntityManager, eventId: string, fact: DossierFact, now: Date): Promise<void> {
  const unit = await agencyUnitOrFail(em, fact.unitId);
  const key = aggregateKey(fact);
  em.persist(em.create(EvaluationFact, {
    id: eventId, kind: fact.kind, dossierId: fact.dossierId, agencyId: fact.agencyId, unitId: fact.unitId, unitPath: unit.path,
    officerId: key.officerId, procedureId: fact.procedureId, day: key.day, occurredAt: Date.parse(fact.occurredAt), fact,
    timeliness: 'timeliness' in fact ? fact.timeliness : null,
  }));
  await em.flush();
  await addToDailyRow(em, key, unit.path, counterDelta(fact), now);
  if (fact.kind === 'RECEIVED') await rememberDossier(em, fact);
}

/** The outbox handler that feeds the evaluation module from {@link DossierFactRecorded} events. */
export const dossierFactHandler: EventHandlerDefinition<DossierFact> = {
  name: 'evaluation.consumeDossierFact',
  event: DossierFactRecorded.type,
  handle: (event: DeliveredEvent<DossierFact>, ctx) => consumeDossierFact(ctx.em, event.id, event.payload, ctx.clock.now()),
};
