import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@motcua/server/testing';

/**
 * Acceptance (outbox): kill -9 the server between the commit of an event and its delivery;
 * the next server process on the same database still delivers it. Real processes, real kill.
 */
const SERVER_DIR = resolve(__dirname, '..');

function startServer(databaseUrl: string, workers: boolean): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DEMO_SEED: 'true', WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1] });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

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
    const first = await startServer(database.url, false);
    const login = await gql(first.url, 'mutation { login(input: { username: "admin", password: "Motcua@2026" }) { accessToken } }');
    const token = login.data.login.accessToken;
    const tree = await gql(first.url, '{ agencyTree { id } }');
    const created = await gql(
      first.url,
      `mutation { createAgency(input: { parentId: "${tree.data.agencyTree[0].id}", code: "KILL.00.01.H56", name: "Đơn vị thử khởi động lại", kind: UNIT }) { agency { id } } }`,
      token,
    );
    expect(created.data.createAgency.agency.id).toBeTruthy();
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const { openOrm } = await import('../src/orm.js');
    const { loadConfig } = await import('../src/config.js');
    const { MODULES } = await import('../src/modules.js');
    const orm = await openOrm(loadConfig({ DATABASE_URL: database.url, NODE_ENV: 'test' }).database, MODULES);
    const undelivered = () => orm.em.fork().execute(`select count(*) as n from kernel_outbox where type = 'identity.AgencyChanged' and delivered_at is null`);
    expect(Number((await undelivered())[0].n)).toBe(1);

    const second = await startServer(database.url, true);
    try {
      let remaining = 1;
      for (let i = 0; i < 50 && remaining > 0; i++) {
        await new Promise((r) => setTimeout(r, 200));
        remaining = Number((await undelivered())[0].n);
      }
      expect(remaining).toBe(0);
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
      await orm.close();
    }
  });
});
