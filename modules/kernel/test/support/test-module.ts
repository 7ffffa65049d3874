import 'reflect-metadata';
import {
  AppError, appendAudit, defineEvent, defineModule, enqueueJob, type EventHandlerDefinition, type JobDefinition,
  type ModuleDefinition, publish, type RequestContext,
} from '@motcua/kernel/contract';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';

/**
 * A module that exercises the kernel from inside real GraphQL mutations (each runs in the
 * transaction of server/src/graphql/transactions.ts). Every effect a test counts is an audit
 * row, so it commits or rolls back with the work that produced it.
 */
export const TestRaised = defineEvent<{ tag: string }>('test.Raised');

/** The audit action of a handler's or job's effect; `entityType` names who produced it. */
export const EFFECT_ACTION = 'test.effect';

function planned(fail: boolean): void {
  if (fail) throw AppError.conflict({ vi: 'lỗi có chủ ý trong kiểm thử', en: 'deliberate test failure' });
}

@Resolver()
export class KernelTestResolver {
  @Query(() => String, { description: 'A schema needs a query.' })
  testPing(): string {
    return 'pong';
  }

  @Mutation(() => String, { description: 'Publishes TestRaised (written to the database), then fails if asked.' })
  async testRaise(
    @Arg('fail', () => Boolean) fail: boolean,
    @Arg('tag', () => String) tag: string,
    @Ctx() ctx: RequestContext,
  ): Promise<string> {
    const id = publish(ctx.em, TestRaised, { tag }, ctx.clock.now());
    await ctx.em.flush(); // the row is in the database now: only the rollback can take it back
    planned(fail);
    return id;
  }

  @Mutation(() => Int, { description: 'Appends an audit entry, then fails if asked; returns its seq.' })
  async testAudit(
    @Arg('fail', () => Boolean) fail: boolean,
    @Arg('tag', () => String) tag: string,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    const record = await appendAudit(ctx.em, { actorId: null, action: 'test.audit', entityType: 'Test', entityId: tag, data: { tag } }, ctx.clock.now());
    planned(fail);
    return record.seq;
  }

  @Mutation(() => Boolean, { description: 'Enqueues a job, then fails if asked.' })
  async testEnqueue(
    @Arg('name', () => String) name: string,
    @Arg('tag', () => String) tag: string,
    @Arg('fail', () => Boolean) fail: boolean,
    @Arg('dedupeKey', () => String, { nullable: true }) dedupeKey: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await enqueueJob(ctx.em, name, { tag }, ctx.clock.now(), { dedupeKey: dedupeKey ?? undefined });
    await ctx.em.flush();
    planned(fail);
    return true;
  }
}

export interface EffectHandler {
  definition: EventHandlerDefinition<{ tag: string }>;
  /** How many times the handler was entered (including failed attempts). */
  attempts(): number;
}

/**
 * A TestRaised handler whose effect is one audit row (`test.effect`, entityType = its name,
 * entityId = the event id). It throws on its first `failFirst` attempts; `afterEffect` runs
 * once the effect is written, inside the handler's transaction.
 */
export function effectHandler(name: string, options: { failFirst?: number; afterEffect?: () => Promise<void> } = {}): EffectHandler {
  let attempts = 0;
  return {
    attempts: () => attempts,
    definition: {
      name,
      event: TestRaised.type,
      handle: async (event, ctx) => {
        attempts++;
        if (attempts <= (options.failFirst ?? 0)) throw new Error(`${name}: planned failure ${attempts}`);
        await appendAudit(ctx.em, { actorId: null, action: EFFECT_ACTION, entityType: name, entityId: event.id, data: event.payload }, ctx.clock.now());
        await options.afterEffect?.();
      },
    },
  };
}

export interface RecordingJob {
  definition: JobDefinition<{ tag: string } | null>;
  /** How many times the job was entered (including failed attempts). */
  attempts(): number;
  /** Successful runs per payload tag (`null` payloads count under ''). */
  runs: Map<string, number>;
}

/**
 * A job that records its successful runs and throws on its first `failFirst` attempts
 * (`Infinity`: always). `pauseMs` yields inside the run, so concurrent runners interleave.
 */
export function recordingJob(
  name: string,
  options: { failFirst?: number; every?: number; maxAttempts?: number; pauseMs?: number } = {},
): RecordingJob {
  let attempts = 0;
  const runs = new Map<string, number>();
  return {
    attempts: () => attempts,
    runs,
    definition: {
      name,
      every: options.every,
      maxAttempts: options.maxAttempts,
      handle: async (payload) => {
        attempts++;
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
        if (attempts <= (options.failFirst ?? 0)) throw new Error(`${name}: planned failure ${attempts}`);
        const tag = payload?.tag ?? '';
        runs.set(tag, (runs.get(tag) ?? 0) + 1);
      },
    },
  };
}

/**
 * The test module. It authenticates nobody (every caller is anonymous), which also makes it
 * the one authenticator a server needs, so kernel tests run without the identity module.
 */
export function kernelTestModule(options: { handlers?: EventHandlerDefinition[]; jobs?: JobDefinition[] } = {}): ModuleDefinition {
  return defineModule({
    name: 'test',
    entities: [],
    resolvers: [KernelTestResolver],
    eventHandlers: options.handlers ?? [],
    jobs: options.jobs ?? [],
    authenticator: async () => null,
  });
}
