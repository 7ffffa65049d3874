import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@motcua/server/testing';
import { startServer, stopServer } from './support/server-process.js';

/**
 * Acceptance (outbox): kill -9 the server between the commit of an event and its delivery;
 * the next server process on the same database still delivers it. Real processes, real kill.
 */
async function gql(url: string, query: string, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('outbox across a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-restart-'));
  let database: TestDatabase;
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers an event committed by a process that was killed before delivering it', async () => {
    database = await createTestDatabase(join(dir, 'db.sqlite'));
    const first = await startServer({ DATABASE_URL: database.url, WORKERS: 'false' });
    const login = await gql(first.url, 'mutation { login(input: { username: "admin", password: "Motcua@2026" }) { accessToken } }');
    const token = login.data.login.accessToken;
    const tree = await gql(first.url, '{ agencyTree { id } }');
    const created = await gql(
      first.url,
      `mutation { createAgency(input: { parentId: "${tree.data.agencyTree[0].id}", code: "KILL.00.01.H56", name: "Đơn vị thử khởi động lại", kind: UNIT }) { agency { id } } }`,
      token,
    );
    expect(created.data.createAgency.agency.id).toBeTruthy();
    await stopServer(first.child, 'SIGKILL');

    const { openOrm } = await import('../src/orm.js');
    const { loadConfig } = await import('../src/config.js');
    const { MODULES } = await import('../src/modules.js');
    const orm = await openOrm(loadConfig({ DATABASE_URL: database.url, NODE_ENV: 'test' }).database, MODULES);
    const undelivered = () => orm.em.fork().execute(`select count(*) as n from kernel_outbox where type = 'identity.AgencyChanged' and delivered_at is null`);
    expect(Number((await undelivered())[0].n)).toBe(1);

    const second = await startServer({ DATABASE_URL: database.url, WORKERS: 'true' });
    try {
      let remaining = 1;
      for (let i = 0; i < 50 && remaining > 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        remaining = Number((await undelivered())[0].n);
      }
      expect(remaining).toBe(0);
    } finally {
      await stopServer(second.child, 'SIGTERM');
      await orm.close();
    }
  });
});
