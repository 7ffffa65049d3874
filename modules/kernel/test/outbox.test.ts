import 'reflect-metadata';
import { FixedClock } from '@motcua/kernel/contract';
import type { TestApp } from '@motcua/server/testing';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaseDueRows } from '../src/db/lease.js';
import { effectCounts, outboxRow, raise, RAISE, runTypeScript, type SharedDatabase, sharedDatabase, startKernelApp, sql, T0 } from './support/harness.js';
import { EFFECT_ACTION, effectHandler, TestRaised } from './support/test-module.js';

/**
 * Acceptance (outbox): an event raised inside a mutation that then fails is never delivered;
 * a handler that throws is retried and the event is delivered exactly once to its effects;
 * kill-and-restart of the server between commit and delivery still delivers.
 *
 * Every effect is an audit row written by the handler in its own transaction, so "exactly
 * once" is counted in the database, not in memory.
 */
const DISPATCHER_LEASE_MS = 30_000; // OutboxDispatcher's default lease
const RETRY_BASE_MS = 1_000;

describe('outbox: an event of a failed mutation', () => {
  const steady = effectHandler('steady');
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ handlers: [steady.definition] });
  });
  afterAll(() => t?.close());

  it('is never written, so never delivered', async () => {
    const failed = await t.gql(RAISE, { fail: true, tag: 'rolled-back' });
    expect(failed.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await t.count('kernel_outbox')).toEqual({ kernel_outbox: 0 });
    expect(await t.app.dispatcher.drain()).toBe(0);
    expect(steady.attempts()).toBe(0);
    expect(await sql(t, 'select seq from kernel_audit where action = ?', [EFFECT_ACTION])).toEqual([]);
  });

  it('is delivered when the same mutation commits (the handler is live)', async () => {
    const id = await raise(t, 'committed');
    expect(await t.app.dispatcher.drain()).toBe(1);
    expect(await effectCounts(t, id)).toEqual({ steady: 1 });
    expect((await outboxRow(t, id))?.deliveredAt).not.toBeNull();
  });
});

describe('outbox: a throwing handler', () => {
  const clock = new FixedClock(T0);
  const steady = effectHandler('steady');
  const flaky = effectHandler('flaky', { failFirst: 2 });
  let t: TestApp;
  let id: string;
  beforeAll(async () => {
    t = await startKernelApp({ clock, retryBaseMs: RETRY_BASE_MS, handlers: [steady.definition, flaky.definition] });
    id = await raise(t, 'retry');
  });
  afterAll(() => t?.close());

  it('leaves the event pending with back-off after the first attempt', async () => {
    expect(await t.app.dispatcher.drain()).toBe(1);
    expect(await outboxRow(t, id)).toMatchObject({
      attempts: 1, availableAt: T0.getTime() + RETRY_BASE_MS, deliveredAt: null, leaseOwner: null, leaseUntil: null,
      lastError: expect.stringContaining('flaky: planned failure 1'),
    });
    expect(await effectCounts(t, id)).toEqual({ steady: 1 }); // steady committed on its own
    expect(t.logs.some((line) => line.msg === 'event handler failed' && line.eventId === id)).toBe(true);
  });

  it('does not retry before the back-off has passed', async () => {
    clock.advance(RETRY_BASE_MS - 1);
    expect(await t.app.dispatcher.drain()).toBe(0);
    expect(flaky.attempts()).toBe(1);
  });

  it('retries with a doubled back-off while the handler keeps failing', async () => {
    clock.advance(1);
    expect(await t.app.dispatcher.drain()).toBe(1);
    expect(await outboxRow(t, id)).toMatchObject({ attempts: 2, availableAt: clock.now().getTime() + 2 * RETRY_BASE_MS, deliveredAt: null });
  });

  it('delivers once the handler succeeds, each effect exactly once', async () => {
    clock.advance(2 * RETRY_BASE_MS);
    expect(await t.app.dispatcher.drain()).toBe(1);
    expect(await outboxRow(t, id)).toMatchObject({ deliveredAt: clock.now().getTime(), lastError: null, leaseOwner: null });
    expect(await effectCounts(t, id)).toEqual({ steady: 1, flaky: 1 });
    expect({ steady: steady.attempts(), flaky: flaky.attempts() }).toEqual({ steady: 1, flaky: 3 }); // the inbox skipped steady
  });

  it('never delivers a delivered event again', async () => {
    clock.advance(24 * 3_600_000);
    expect(await t.app.dispatcher.drain()).toBe(0);
    expect(await effectCounts(t, id)).toEqual({ steady: 1, flaky: 1 });
  });

  it('re-delivery of an event whose handlers all committed changes nothing (inbox receipts)', async () => {
    // As if the process died after the handlers committed but before marking the event delivered.
    await sql(t, 'update kernel_outbox set delivered_at = null where id = ?', [id]);
    expect(await t.app.dispatcher.drain()).toBe(1);
    expect(await effectCounts(t, id)).toEqual({ steady: 1, flaky: 1 });
    expect({ steady: steady.attempts(), flaky: flaky.attempts() }).toEqual({ steady: 1, flaky: 3 });
    expect((await outboxRow(t, id))?.deliveredAt).toBe(clock.now().getTime());
  });
});

describe('outbox: kill and restart between commit and delivery', () => {
  let database: SharedDatabase;
  const running = new Set<TestApp>();
  beforeAll(async () => {
    database = await sharedDatabase();
  });
  afterAll(async () => {
    for (const t of running) await t.close();
    await database?.drop();
  });

  /** Starts a server on the shared database (a restart, when one ran before). */
  async function start(clock: FixedClock, handlers: ReturnType<typeof effectHandler>[]): Promise<TestApp> {
    const t = await startKernelApp({ databaseUrl: database.url, clock, handlers: handlers.map((h) => h.definition) });
    running.add(t);
    return t;
  }

  async function stop(t: TestApp): Promise<void> {
    running.delete(t);
    await t.close();
  }

  /**
   * In-process: server A commits an event and its dispatcher leases it, then A goes away
   * without delivering. The lease is taken with the dispatcher's own leasing call under an
   * owner that never comes back, which leaves the database exactly as a process killed
   * between leasing and delivering would. The real-process test below kills a real process.
   */
  it('a successor delivers an event leased by a dead server once the lease expires, exactly once', async () => {
    const a = await start(new FixedClock(T0), [effectHandler('steady')]);
    const id = await raise(a, 'orphaned');
    const now = T0.getTime();
    const leased = await leaseDueRows(
      a.app.orm.em.fork(),
      { table: 'kernel_outbox', dueSql: 'delivered_at is null and available_at <= ?', dueParams: [now], orderBy: 'occurred_at, id' },
      'dead-server',
      now,
      DISPATCHER_LEASE_MS,
      20,
    );
    expect(leased).toEqual([id]);
    await stop(a);

    const clock = new FixedClock(new Date(now + 1_000));
    const steady = effectHandler('steady');
    const b = await start(clock, [steady]);
    expect(await b.app.dispatcher.drain()).toBe(0); // still leased by the dead server
    expect(await outboxRow(b, id)).toMatchObject({ leaseOwner: 'dead-server', deliveredAt: null });

    clock.set(new Date(now + DISPATCHER_LEASE_MS)); // the lease runs until this instant inclusive
    expect(await b.app.dispatcher.drain()).toBe(0);
    clock.advance(1);
    expect(await b.app.dispatcher.drain()).toBe(1);
    expect(await b.app.dispatcher.drain()).toBe(0);
    expect(await effectCounts(b, id)).toEqual({ steady: 1 });
    expect(steady.attempts()).toBe(1);
    expect(await outboxRow(b, id)).toMatchObject({ deliveredAt: clock.now().getTime(), leaseOwner: null });
    await stop(b);
  });

  it('a real process SIGKILLed inside a handler: the successor finishes delivery without repeating committed effects', async () => {
    const script = fileURLToPath(new URL('./support/crash-mid-delivery.ts', import.meta.url));
    const { code, signal, stdout, stderr } = await runTypeScript([script, database.url]);
    expect({ code, signal }, stderr).toEqual({ code: null, signal: 'SIGKILL' });
    const id = stdout.trim();

    const clock = new FixedClock(T0);
    const first = effectHandler('first');
    const second = effectHandler('second');
    const b = await start(clock, [first, second]);
    const [event] = await sql(b, 'select type from kernel_outbox where id = ?', [id]);
    expect(event).toEqual({ type: TestRaised.type });
    // `first` committed before the kill; `second`'s open transaction died with the process.
    expect(await effectCounts(b, id)).toEqual({ first: 1 });
    const orphan = await outboxRow(b, id);
    expect(orphan).toMatchObject({ deliveredAt: null, attempts: 0, leaseUntil: T0.getTime() + DISPATCHER_LEASE_MS });
    expect(orphan?.leaseOwner).toMatch(/:\d+:/);

    expect(await b.app.dispatcher.drain()).toBe(0);
    clock.set(new Date(T0.getTime() + DISPATCHER_LEASE_MS + 1));
    expect(await b.app.dispatcher.drain()).toBe(1);
    expect(await effectCounts(b, id)).toEqual({ first: 1, second: 1 });
    expect({ first: first.attempts(), second: second.attempts() }).toEqual({ first: 0, second: 1 });
    expect((await outboxRow(b, id))?.deliveredAt).toBe(clock.now().getTime());
  }, 60_000);
});

describe('outbox: a handler that never succeeds', () => {
  const clock = new FixedClock(T0);
  const broken = effectHandler('broken', { failFirst: Number.MAX_SAFE_INTEGER });
  const steady = effectHandler('steady');
  let t: TestApp;
  beforeAll(async () => {
    // `broken` runs first: it must not keep `steady` from its delivery.
    t = await startKernelApp({ clock, retryBaseMs: RETRY_BASE_MS, handlers: [broken.definition, steady.definition] });
  });
  afterAll(() => t?.close());

  it('does not starve the other handlers of the event, and is given up after 20 attempts', async () => {
    const id = await raise(t, 'poison');
    await t.app.dispatcher.drain();
    expect(await effectCounts(t, id)).toEqual({ steady: 1 });
    for (let attempt = 2; attempt <= 25; attempt++) {
      clock.advance(3_600_000); // past the longest back-off
      await t.app.dispatcher.drain();
    }
    expect(broken.attempts()).toBe(20);
    expect(steady.attempts()).toBe(1);
    const [row] = await sql<{ attempts: number; failed_at: number | null; delivered_at: number | null }>(
      t, 'select attempts, failed_at, delivered_at from kernel_outbox where id = ?', [id]);
    expect({ attempts: Number(row.attempts), givenUp: row.failed_at !== null, delivered: row.delivered_at !== null }).toEqual({ attempts: 20, givenUp: true, delivered: false });
    expect(t.logs.filter((line) => line.msg === 'event given up after repeated failures' && line.eventId === id)).toHaveLength(1);
  });
});
