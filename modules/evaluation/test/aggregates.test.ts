/**
 * Aggregates per (agency, unit, officer, procedure, day) kept incrementally as facts are
 * consumed through the outbox equal a full recompute from the kept facts, after any random
 * fact history (fast-check), on SQLite and on PostgreSQL (TEST_DATABASE_URL). Facts of a
 * rolled-back transaction count nowhere; bad facts are refused before anything is written.
 */
import fc from 'fast-check';
import { uuid7 } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierFact } from '../src/contract.js';
import { recordDossierFact } from '../src/contract.js';
import { recomputeAggregates } from '../src/facts/recompute.js';
import { aggregateRows, type EvaluationApp, feed, startEvaluationApp } from './support.js';

describe('daily aggregates', () => {
  let app: EvaluationApp;
  let places: Array<{ agencyId: string; unitId: string }>;
  let officers: Array<string | null>;
  const procedures = [uuid7(), uuid7()];
  const dossiers = [uuid7(), uuid7(), uuid7()];

  beforeAll(async () => {
    app = await startEvaluationApp();
    const { agency } = app;
    places = [
      { agencyId: agency.justice, unitId: agency.justiceCivil }, { agencyId: agency.justice, unitId: agency.justiceSupport },
      { agencyId: agency.justice, unitId: agency.justice }, { agencyId: agency.construction, unitId: agency.constructionWorks },
    ];
    officers = [await app.user('chuyenvien'), await app.user('truongphong'), uuid7(), null];
  });
  afterAll(() => app?.t.close());

  const timeliness = fc.constantFrom('EARLY', 'ON_TIME', 'LATE');
  const variant: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    fc.record({ kind: fc.constant('RECEIVED'), online: fc.boolean() }),
    fc.record({ kind: fc.constant('STEP_COMPLETED'), stepCode: fc.constantFrom('TIEP_NHAN', 'THAM_DINH'), timeliness }),
    fc.record({ kind: fc.constant('SUPPLEMENT_REQUESTED'), contactPoint: fc.constantFrom('ONE_STOP_DESK', 'OTHER_BODY'), applicantFault: fc.boolean() }),
    fc.constantFrom(...(['SUPPLEMENT_RECEIVED', 'APOLOGY_ISSUED', 'RETURNED', 'COMPLAINT', 'COMPLAINT_DISMISSED'] as const).map((kind) => ({ kind }))),
    fc.record({ kind: fc.constant('DONE'), timeliness }),
    fc.record({ kind: fc.constant('RATED'), satisfaction: fc.integer({ min: 1, max: 5 }) }),
  );
  // Instants over three days, including both sides of local midnight (17:00 UTC).
  const instant = fc.integer({ min: Date.parse('2026-09-29T16:00:00Z'), max: Date.parse('2026-10-01T18:00:00Z') }).map((ms) => new Date(ms).toISOString());
  const fact = (): fc.Arbitrary<DossierFact> => fc.tuple(variant, fc.nat(places.length - 1), fc.nat(officers.length - 1), fc.nat(1), fc.nat(2), instant)
    .map(([v, place, officer, procedure, dossierIndex, occurredAt]) => ({
      ...v, ...places[place], officerId: officers[officer], procedureId: procedures[procedure], dossierId: dossiers[dossierIndex], occurredAt,
    }) as DossierFact);

  it('incremental equals recompute after a random fact history delivered in random batches', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.array(fact(), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }), async (batches) => {
      for (const batch of batches) await feed(app.t, app.clock, batch);
      const incremental = await aggregateRows(app.t);
      await app.t.app.orm.em.fork().transactional((em) => recomputeAggregates(em, {}, app.clock.now()));
      expect(await aggregateRows(app.t)).toEqual(incremental);
    }), { numRuns: 12 });
    expect((await app.t.count('evaluation_fact')).evaluation_fact).toBeGreaterThan(12);
  });

  it('a day-range recompute rebuilds that range and leaves other days as they are', async () => {
    const before = await aggregateRows(app.t);
    const em = app.t.app.orm.em.fork();
    await em.getConnection().execute("update evaluation_daily set received = received + 100 where day = '2026-09-30'");
    await em.getConnection().execute("update evaluation_daily set received = received + 100 where day = '2026-10-01'");
    await app.t.app.orm.em.fork().transactional((tx) => recomputeAggregates(tx, { fromDay: '2026-10-01', toDay: '2026-10-01' }, app.clock.now()));
    const after = await aggregateRows(app.t);
    expect(after.filter((row) => row.day === '2026-10-01')).toEqual(before.filter((row) => row.day === '2026-10-01'));
    expect(after.filter((row) => row.day === '2026-09-30').every((row, i) => row.received === Number(before.filter((b) => b.day === '2026-09-30')[i].received) + 100)).toBe(true);
    await app.t.app.orm.em.fork().transactional((tx) => recomputeAggregates(tx, {}, app.clock.now()));
    expect(await aggregateRows(app.t)).toEqual(before);
  });

  it('counts the local day in Asia/Ho_Chi_Minh: 23:30 UTC is the next day', async () => {
    const officerId = uuid7();
    await feed(app.t, app.clock, [{
      kind: 'RECEIVED', online: true, ...places[0], officerId, procedureId: procedures[0], dossierId: uuid7(), occurredAt: '2026-10-02T23:30:00Z',
    }]);
    const rows = (await aggregateRows(app.t)).filter((row) => row.officer_id === officerId);
    expect(rows).toMatchObject([{ day: '2026-10-03', received: 1, received_online: 1 }]);
  });

  it('a fact of a rolled-back transaction counts nowhere', async () => {
    const before = await app.t.count('evaluation_fact', 'evaluation_daily', 'kernel_outbox');
    await expect(app.t.app.orm.em.fork().transactional(async (em) => {
      await recordDossierFact(em, { kind: 'RETURNED', ...places[0], officerId: null, procedureId: procedures[0], dossierId: uuid7(), occurredAt: '2026-10-01T09:00:00+07:00' }, app.clock.now());
      throw new Error('the dossier mutation failed');
    })).rejects.toThrow('the dossier mutation failed');
    expect(await app.t.app.dispatcher.drain()).toBe(0);
    expect(await app.t.count('evaluation_fact', 'evaluation_daily', 'kernel_outbox')).toEqual(before);
  });

  it.each([
    ['an unknown kind', { kind: 'ARCHIVED' }, 'kind'],
    ['a dossier id that is no UUID', { kind: 'RETURNED', dossierId: 'HS-1' }, 'dossierId'],
    ['a time without offset', { kind: 'RETURNED', occurredAt: '2026-10-01 09:00' }, 'occurredAt'],
    ['an unknown timeliness', { kind: 'DONE', timeliness: 'SOON' }, 'timeliness'],
    ['a rating of 6', { kind: 'RATED', satisfaction: 6 }, 'satisfaction'],
    ['an unknown contact point', { kind: 'SUPPLEMENT_REQUESTED', contactPoint: 'EMAIL', applicantFault: false }, 'contactPoint'],
    ['a unit of another agency', { kind: 'RETURNED', unitId: 'constructionWorks' }, 'unitId'],
  ])('refuses %s with a bilingual BAD_USER_INPUT, writing nothing', async (_label, patch, field) => {
    const before = await app.t.count('kernel_outbox');
    const base = { ...places[0], officerId: null, procedureId: procedures[0], dossierId: uuid7(), occurredAt: '2026-10-01T09:00:00+07:00' };
    const fact = { ...base, ...patch, ...(patch.unitId ? { unitId: app.agency.constructionWorks } : {}) } as DossierFact;
    await expect(app.t.app.orm.em.fork().transactional((em) => recordDossierFact(em, fact)))
      .rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field }, messages: { vi: expect.stringMatching(/[À-ỹ]/), en: expect.any(String) } });
    expect(await app.t.count('kernel_outbox')).toEqual(before);
  });

  it('refuses a unit that does not exist with NOT_FOUND', async () => {
    const fact = { kind: 'RETURNED', ...places[0], unitId: uuid7(), officerId: null, procedureId: procedures[0], dossierId: uuid7(), occurredAt: '2026-10-01T09:00:00+07:00' } as DossierFact;
    await expect(app.t.app.orm.em.fork().transactional((em) => recordDossierFact(em, fact))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
