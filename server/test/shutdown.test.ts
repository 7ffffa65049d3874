import 'reflect-metadata';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { defineModule } from '@motcua/kernel/contract';
import { Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '@motcua/server/testing';
import { startServer, stopServer } from './support/server-process.js';

@Resolver()
class SlowResolver {
  @Query(() => String, { description: 'Answers after 300 ms.' })
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return 'done';
  }
}

describe('graceful shutdown', () => {
  it('finishes requests in flight, then refuses new connections', async () => {
    const t = await createTestApp({ modules: [kernel, identity, defineModule({ name: 'slow', entities: [], resolvers: [SlowResolver] })], demo: false });
    const inFlight = t.gql('{ slow }');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = t.close();
    expect((await inFlight).data).toEqual({ slow: 'done' });
    await stopped;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });

  it('exits 0 promptly on SIGTERM in production mode', async () => {
    const { child, url } = await startServer({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const { code, ms } = await stopServer(child, 'SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
  });
});
