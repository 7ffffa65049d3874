import 'reflect-metadata';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { defineModule, type StartContext } from '@motcua/kernel/contract';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '@motcua/server/testing';
import { Query, Resolver } from 'type-graphql';

@Resolver()
class PingResolver {
  @Query(() => String, { description: 'Answers pong.' })
  ping(): string {
    return 'pong';
  }
}

/**
 * The kernel's `onStart` hook: run once, in module order, after migrations and seeds and before
 * the server listens, with the module's own settings; a throw stops the start-up.
 */
describe('module onStart hooks', () => {
  it('run once, in order, on the migrated and seeded database, before the server listens', async () => {
    const calls: Array<{ module: string; ctx: StartContext; seededAgencies: number }> = [];
    const probe = (name: string) =>
      defineModule({
        name,
        entities: [],
        resolvers: name === 'first' ? [PingResolver] : [],
        onStart: async (ctx) => {
          const [row] = await ctx.em.execute<{ n: unknown }[]>('select count(*) as n from identity_agency');
          calls.push({ module: name, ctx, seededAgencies: Number(row!.n) });
        },
      });
    const t = await createTestApp({ modules: [kernel, identity, probe('first'), probe('second')], env: { PROBE_SETTING: 'on', DATA_DIR: '/tmp/motcua-probe' } });
    try {
      expect(calls.map((c) => c.module)).toEqual(['first', 'second']);
      const [first] = calls;
      expect(first!.seededAgencies).toBeGreaterThan(0); // seeds ran first
      expect(first!.ctx).toMatchObject({ production: false, environment: 'test', dataDir: '/tmp/motcua-probe', demo: true });
      expect(first!.ctx.env.PROBE_SETTING).toBe('on');
      expect((await t.gql('{ ping }')).data).toEqual({ ping: 'pong' });
      expect(calls).toHaveLength(2); // not again per request
    } finally {
      await t.close();
    }
  });

  it('a hook that throws stops the start-up: nothing listens, the error names the problem', async () => {
    let listened = false;
    const refusing = defineModule({
      name: 'refusing',
      entities: [],
      resolvers: [PingResolver],
      onStart: async () => {
        throw new Error('Invalid configuration: SIGNING_TSA_URL: not a URL');
      },
    });
    const never = defineModule({ name: 'never', entities: [], resolvers: [], onStart: async () => { listened = true; } });
    await expect(createTestApp({ modules: [kernel, identity, refusing, never], demo: false })).rejects.toThrow(/SIGNING_TSA_URL/);
    expect(listened).toBe(false);
  });
});
