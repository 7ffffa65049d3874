import 'reflect-metadata';
import { appendAudit, enqueueJob, FixedClock, type JobDefinition, JobRunner } from '@motcua/kernel/contract';
import type { TestApp } from '@motcua/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRows, mutate, sql, startKernelApp, T0 } from './support/harness.js';
import { recordingJob } from './support/test-module.js';

/**
 * Background jobs: queued in the mutation's transaction, run after commit by the leased
 * runner, retried with back-off until FAILED, recurring jobs kept as one pending row, and
 * each job run once even with several runners polling the same table.
 */
const RETRY_BASE_MS = 1_000;
const ENQUEUE = 'mutation($name: String!, $tag: String!, $fail: Boolean!, $dedupeKey: String) { testEnqueue(name: $name, tag: $tag, fail: $fail, dedupeKey: $dedupeKey) }';

function enqueue(t: TestApp, name: string, tag: string, options: { fail?: boolean; dedupeKey?: string } = {}) {
  return t.gql(ENQUEUE, { name, tag, fail: options.fail ?? false, dedupeKey: options.dedupeKey ?? null });
}

/** Enqueues directly on a fresh EntityManager, outside any mutation. */
async function enqueueDirectly(t: TestApp, name: string, tags: string[], now: Date, runAt?: Date): Promise<void> {
  const em = t.app.orm.em.fork();
  for (const tag of tags) await enqueueJob(em, name, { tag }, now, { runAt });
  await em.flush();
}

describe('jobs: enqueued in a mutation', () => {
  const clock = new FixedClock(T0);
  const record = recordingJob('test.record');
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ clock, jobs: [record.definition] });
  });
  afterAll(() => t?.close());

  it('run after the commit, when the runner drains, and are then DONE', async () => {
    await mutate(t, ENQUEUE, { name: 'test.record', tag: 'after-commit', fail: false, dedupeKey: null });
    expect(record.attempts()).toBe(0); // nothing runs inside the mutation
    expect(await jobRows(t, 'test.record')).toMatchObject([{ status: 'PENDING', attempts: 0, runAt: T0.getTime() }]);
    expect(await t.app.jobs.drain()).toBe(1);
    expect(record.runs).toEqual(new Map([['after-commit', 1]]));
    expect(await jobRows(t, 'test.record')).toMatchObject([{ status: 'DONE', leaseOwner: null }]);
  });

  it('are not queued by a mutation that fails', async () => {
    const failed = await enqueue(t, 'test.record', 'rolled-back', { fail: true });
    expect(failed.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await jobRows(t, 'test.record')).toHaveLength(1);
    expect(await t.app.jobs.drain()).toBe(0);
  });

  it('wait for their runAt', async () => {
    await enqueueDirectly(t, 'test.record', ['later'], clock.now(), new Date(T0.getTime() + 60_000));
    clock.advance(59_999);
    expect(await t.app.jobs.drain()).toBe(0);
    clock.advance(1);
    expect(await t.app.jobs.drain()).toBe(1);
    expect(record.runs.get('later')).toBe(1);
  });

  it('with a dedupe key: enqueueing while one is pending is a no-op, and the key is free again once it ran', async () => {
    for (const tag of ['first', 'second']) expect((await enqueue(t, 'test.record', tag, { dedupeKey: 'nightly-report' })).errors).toBeUndefined();
    expect((await jobRows(t, 'test.record')).filter((job) => job.dedupeKey === 'nightly-report')).toHaveLength(1);
    expect(await t.app.jobs.drain()).toBe(1);
    expect([record.runs.get('first'), record.runs.get('second')]).toEqual([1, undefined]);

    expect((await enqueue(t, 'test.record', 'third', { dedupeKey: 'nightly-report' })).errors).toBeUndefined();
    expect(await t.app.jobs.drain()).toBe(1);
    expect(record.runs.get('third')).toBe(1);
  });
});

describe('jobs: a job that keeps failing', () => {
  const clock = new FixedClock(T0);
  const flaky = recordingJob('test.flaky', { failFirst: Infinity, maxAttempts: 3 });
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ clock, retryBaseMs: RETRY_BASE_MS, jobs: [flaky.definition] });
    expect((await enqueue(t, 'test.flaky', 'doomed', { dedupeKey: 'doomed' })).errors).toBeUndefined();
  });
  afterAll(() => t?.close());

  it.each([
    { attempt: 1, status: 'PENDING', backoff: RETRY_BASE_MS },
    { attempt: 2, status: 'PENDING', backoff: 2 * RETRY_BASE_MS },
    { attempt: 3, status: 'FAILED', backoff: 4 * RETRY_BASE_MS },
  ])('attempt $attempt fails → $status, not retried before its back-off', async ({ attempt, status, backoff }) => {
    expect(await t.app.jobs.drain()).toBe(1);
    const [job] = await jobRows(t, 'test.flaky');
    expect(job).toMatchObject({ attempts: attempt, status, runAt: clock.now().getTime() + backoff, leaseOwner: null });
    expect(await t.app.jobs.drain()).toBe(0);
    clock.advance(backoff);
  });

  it('is never run again once FAILED, and logs that it is exhausted', async () => {
    clock.advance(30 * 24 * 3_600_000);
    expect(await t.app.jobs.drain()).toBe(0);
    expect(flaky.attempts()).toBe(3);
    const exhausted = t.logs.filter((line) => line.msg === 'job failed' && line.job === 'test.flaky').map((line) => line.exhausted);
    expect(exhausted).toEqual([false, false, true]);
  });

  it('no longer holds its dedupe key: the same work can be queued again', async () => {
    expect((await enqueue(t, 'test.flaky', 'again', { dedupeKey: 'doomed' })).errors).toBeUndefined();
    expect((await jobRows(t, 'test.flaky')).map((job) => job.status).sort()).toEqual(['FAILED', 'PENDING']);
  });
});

describe('jobs: recurring', () => {
  const EVERY = 60_000;
  const clock = new FixedClock(T0);
  const tick = recordingJob('test.tick', { every: EVERY });
  const sweep = recordingJob('test.sweep', { every: EVERY, failFirst: 2, maxAttempts: 2 });
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ clock, retryBaseMs: RETRY_BASE_MS, jobs: [tick.definition, sweep.definition] });
  });
  afterAll(() => t?.close());

  async function pending(name: string) {
    const rows = await jobRows(t, name);
    expect(rows).toHaveLength(1); // one row per recurring job, always
    expect(rows[0]).toMatchObject({ status: 'PENDING', dedupeKey: name });
    return rows[0];
  }

  it('have exactly one pending row each, however often start-up ensures it', async () => {
    await t.app.jobs.ensureRecurring();
    await t.app.jobs.ensureRecurring();
    expect(await pending('test.tick')).toMatchObject({ runAt: T0.getTime(), attempts: 0 });
  });

  it('run and are rescheduled `every` after each completion', async () => {
    expect(await t.app.jobs.drain()).toBe(2); // tick ran, sweep failed once
    expect(tick.attempts()).toBe(1);
    expect(await pending('test.tick')).toMatchObject({ runAt: T0.getTime() + EVERY, attempts: 0 });
    expect(await t.app.jobs.drain()).toBe(0);
  });

  it('come back at the next occurrence after exhausting their attempts', async () => {
    clock.advance(RETRY_BASE_MS);
    expect(await t.app.jobs.drain()).toBe(1); // sweep's second and last attempt for this occurrence
    expect(sweep.attempts()).toBe(2);
    expect(await pending('test.sweep')).toMatchObject({ runAt: clock.now().getTime() + EVERY, attempts: 0 });
    await t.app.jobs.ensureRecurring(); // a restart must not add a second row
    expect(await pending('test.sweep')).toBeTruthy();
  });

  it('keep running occurrence after occurrence', async () => {
    clock.set(new Date(T0.getTime() + RETRY_BASE_MS + EVERY));
    expect(await t.app.jobs.drain()).toBe(2);
    expect([tick.attempts(), sweep.attempts()]).toEqual([2, 3]);
    expect(sweep.runs.get('')).toBe(1);
    await pending('test.tick');
    await pending('test.sweep');
  });
});

describe('jobs: two runners on one table', () => {
  const JOBS = 30;
  const clock = new FixedClock(T0);
  const work = recordingJob('test.work', { pauseMs: 2 });
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ clock, jobs: [work.definition] });
  });
  afterAll(() => t?.close());

  it(`run each of ${JOBS} jobs exactly once when draining concurrently`, async () => {
    const tags = Array.from({ length: JOBS }, (_, i) => `job-${i}`);
    await enqueueDirectly(t, 'test.work', tags, clock.now());
    const other = new JobRunner({ em: () => t.app.orm.em.fork(), clock, owner: 'second-runner', log: t.app.log, pollMs: 60_000, jobs: [work.definition], batchSize: 3 });

    const handled = await Promise.all([t.app.jobs.drain(), other.drain()]);
    expect(handled[0] + handled[1]).toBe(JOBS);
    expect(handled.every((n) => n > 0)).toBe(true); // both runners really competed
    expect(work.runs).toEqual(new Map(tags.map((tag) => [tag, 1])));
    expect(work.attempts()).toBe(JOBS);
    expect(new Set((await jobRows(t, 'test.work')).map((job) => job.status))).toEqual(new Set(['DONE']));
  });
});

describe('jobs: a runner that loses its lease mid-run', () => {
  const clock = new FixedClock(T0);
  const EFFECT = 'test.job-effect';
  // The job writes its effect, then another runner takes its lease (as after a long pause past
  // the lease): the effect must not commit, since the new holder will run the job again.
  const stolen: JobDefinition = {
    name: 'test.stolen',
    handle: async (_payload, { em, clock: jobClock }) => {
      await appendAudit(em, { actorId: null, action: EFFECT, entityType: 'Job' }, jobClock.now());
      await em.execute(`update kernel_job set lease_owner = 'another-runner' where name = 'test.stolen'`);
    },
  };
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp({ clock, jobs: [stolen] });
  });
  afterAll(() => t?.close());

  it('rolls back the job’s effects and leaves the job to be retried', async () => {
    await enqueueDirectly(t, 'test.stolen', ['only'], clock.now());
    await t.app.jobs.drain();
    const effects = await t.app.orm.em.fork().execute(`select count(*) as n from kernel_audit where action = ?`, [EFFECT]);
    expect(Number(effects[0].n)).toBe(0);
    const [job] = await jobRows(t, 'test.stolen');
    expect(job).toMatchObject({ status: 'PENDING', attempts: 1 });
    const [row] = await sql<{ last_error: string }>(t, 'select last_error from kernel_job where id = ?', [job.id]);
    expect(row.last_error).toContain('lease on job');
  });
});
