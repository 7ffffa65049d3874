/**
 * Helpers of the evaluation integration tests: a demo app on a fixed clock, demo agency and
 * user ids, and feeding facts the way the dossiers module will (recordDossierFact in a
 * transaction, then the outbox delivers them).
 */
import { type Clock, FixedClock, uuid7 } from '@motcua/kernel/contract';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { createTestApp, expectOk, type TestApp } from '@motcua/server/testing';
import workflow from '@motcua/workflow';
import evaluation from '../src/index.js';
import { type DossierFact, recordDossierFact } from '../src/contract.js';

export { expectOk };
export { expectRefused, writeCounter } from '@motcua/server/testing';

export const CODES = {
  province: '000.00.00.H56',
  justice: '000.00.10.H56', // Sở Tư pháp
  justiceCivil: '000.02.10.H56', // Phòng Hành chính tư pháp (chuyenvien, truongphong)
  justiceSupport: '000.03.10.H56', // Phòng Bổ trợ tư pháp
  construction: '000.00.12.H56', // Sở Xây dựng
  constructionWorks: '000.02.12.H56', // Phòng Quản lý hoạt động xây dựng
} as const;

export interface EvaluationApp {
  t: TestApp;
  clock: FixedClock;
  agency: Record<keyof typeof CODES, string>;
  user: (username: string) => Promise<string>;
}

/** A demo app on a fixed clock with the ids tests need. */
export async function startEvaluationApp(now = '2026-11-26T09:00:00+07:00'): Promise<EvaluationApp> {
  const clock = new FixedClock(new Date(now));
  // Only the modules under test: the dossiers module's demo data would add facts to the scores.
  const t = await createTestApp({ clock, modules: [kernel, identity, workflow, evaluation] });
  const { agencies } = expectOk(await t.gql('{ agencies(limit: 100) { nodes { id code } } }'));
  const byCode = new Map<string, string>(agencies.nodes.map((a: { id: string; code: string }) => [a.code, a.id]));
  const agency = Object.fromEntries(Object.entries(CODES).map(([key, code]) => [key, byCode.get(code)!])) as EvaluationApp['agency'];
  const ids = new Map<string, string>();
  const user = async (username: string) => {
    if (!ids.has(username)) ids.set(username, expectOk(await t.gql('{ me { id } }', {}, { token: await t.login(username) })).me.id);
    return ids.get(username)!;
  };
  return { t, clock, agency, user };
}

/** Records facts in one transaction (as a dossiers mutation would) and lets the outbox deliver them. */
export async function feed(t: TestApp, clock: Clock, facts: readonly DossierFact[]): Promise<void> {
  await t.app.orm.em.fork().transactional(async (em) => {
    for (const fact of facts) await recordDossierFact(em, fact, clock.now());
  });
  await t.app.dispatcher.drain();
}

/** Builds facts of one dossier: shared ids, then one entry per fact. */
export function dossier(base: Omit<DossierFact, 'kind' | 'occurredAt' | 'dossierId'> & { dossierId?: string }, ...facts: Array<Record<string, unknown> & { kind: DossierFact['kind']; occurredAt: string }>): DossierFact[] {
  const dossierId = base.dossierId ?? uuid7();
  return facts.map((fact) => ({ ...base, dossierId, ...fact }) as DossierFact);
}

/** The daily aggregate rows without their ids, in a stable order. */
export async function aggregateRows(t: TestApp): Promise<Array<Record<string, unknown>>> {
  const rows = await t.app.orm.em.fork().getConnection().execute(
    'select * from evaluation_daily order by agency_id, unit_id, officer_id, procedure_id, day',
  );
  return rows.map(({ id: _id, ...row }: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])));
}
