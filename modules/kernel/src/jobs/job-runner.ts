import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../clock/clock.js';
import { leaseDueRows } from '../db/lease.js';
import { backoffMs, PollingWorker, type PollingWorkerOptions } from '../db/polling-worker.js';
import { uuid7 } from '../ids/uuid7.js';
import type { JobDefinition } from '../module/define-module.js';
import { Job } from './job.entity.js';

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one pending job with this key exists; enqueueing another is a no-op. */
  dedupeKey?: string;
}

/**
 * Queues background work in the current transaction (so it exists only if the transaction
 * commits). A job without a dedupe key joins the unit of work; one with a key is inserted at
 * once, skipping it when a pending job holds the key (the unique index decides, so
 * concurrent transactions agree). Await it when passing a dedupe key.
 *
 * @example
 * await enqueueJob(ctx.em, 'workflow.escalate', { dossierId }, ctx.clock.now(), { runAt: due });
 */
export async function enqueueJob(em: EntityManager, name: string, payload: unknown, now: Date, options: EnqueueOptions = {}): Promise<void> {
  const job = { id: uuid7(now.getTime()), name, payload, status: 'PENDING' as const, runAt: (options.runAt ?? now).getTime(), attempts: 0 };
  if (!options.dedupeKey) {
    em.persist(em.create(Job, { ...job, dedupeKey: null }));
    return;
  }
  await em.execute(
    'insert into kernel_job (id, name, dedupe_key, payload, status, run_at, attempts) values (?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing',
    [job.id, name, options.dedupeKey, payload == null ? null : JSON.stringify(payload), job.status, job.runAt, job.attempts],
  );
}

export interface JobRunnerOptions extends PollingWorkerOptions {
  em: () => EntityManager;
  clock: Clock;
  jobs: JobDefinition[];
  owner: string;
  leaseMs?: number;
  batchSize?: number;
  retryBaseMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * Runs due jobs that this process leased. Recurring jobs (`every`) are kept as one pending
 * row each, keyed by name, so N replicas still run each occurrence once.
 */
export class JobRunner extends PollingWorker {
  private readonly byName: Map<string, JobDefinition>;

  constructor(private readonly deps: JobRunnerOptions) {
    super(deps);
    this.byName = new Map(deps.jobs.map((job) => [job.name, job]));
  }

  /** Makes sure every recurring job has its pending row. */
  async ensureRecurring(): Promise<void> {
    const now = this.deps.clock.now();
    for (const job of this.deps.jobs.filter((j) => j.every)) {
      await enqueueJob(this.deps.em(), job.name, null, now, { dedupeKey: job.name }); // no-op when it exists
    }
  }

  protected async processBatch(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    const ids = await leaseDueRows(
      this.deps.em(),
      { table: 'kernel_job', dueSql: `status = 'PENDING' and run_at <= ?`, dueParams: [now], orderBy: 'run_at, id' },
      this.deps.owner,
      now,
      this.deps.leaseMs ?? 60_000,
      this.deps.batchSize ?? 10,
    );
    for (const id of ids) await this.run(id);
    return ids.length;
  }

  private async run(id: string): Promise<void> {
    const em = this.deps.em();
    const job = await em.findOneOrFail(Job, id);
    const definition = this.byName.get(job.name);
    try {
      if (!definition) throw new Error(`no job definition named ${job.name}`);
      // The job's effects and its completion commit together: a crash or a lost lease in
      // between rolls both back, so a job never takes effect twice.
      await this.deps.em().transactional(async (tx) => {
        await definition.handle(job.payload, { em: tx, log: this.options.log.child({ job: job.name }), clock: this.deps.clock });
        if (!(await this.finish(tx, job, definition))) throw new Error(`lease on job ${job.id} was lost`);
      });
    } catch (error) {
      await this.fail(em, job, definition, error);
    }
  }

  /** Marks the job done (or re-schedules a recurring one); false when this runner no longer holds its lease. */
  private async finish(em: EntityManager, job: Job, definition: JobDefinition): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const next = definition.every
      ? { status: 'PENDING' as const, runAt: now + definition.every, attempts: 0, lastError: null }
      : { status: 'DONE' as const, dedupeKey: null };
    return (await em.nativeUpdate(Job, { id: job.id, leaseOwner: this.deps.owner }, { ...next, leaseOwner: null, leaseUntil: null })) > 0;
  }

  private async fail(em: EntityManager, job: Job, definition: JobDefinition | undefined, error: unknown): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const attempts = job.attempts + 1;
    const exhausted = attempts >= (definition?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.options.log.warn({ err: error, jobId: job.id, job: job.name, attempts, exhausted }, 'job failed');
    const runAt = now + backoffMs(attempts, this.deps.retryBaseMs ?? 5_000);
    const next = !exhausted
      ? { status: 'PENDING' as const, attempts, runAt }
      : definition?.every
        ? { status: 'PENDING' as const, attempts: 0, runAt: now + definition.every } // this occurrence failed; the next one still runs
        : { status: 'FAILED' as const, attempts, runAt, dedupeKey: null }; // a failed job no longer blocks its key
    await em.nativeUpdate(Job, { id: job.id, leaseOwner: this.deps.owner }, { ...next, lastError: String(error), leaseOwner: null, leaseUntil: null });
  }
}
