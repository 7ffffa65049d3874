import 'reflect-metadata';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import { AppError, appendAudit, defineModule, ensureCan } from '@motcua/kernel/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';

/**
 * Module HTTP routes (`httpRoutes`): raw bodies under their own cap, the caller's context, one
 * transaction like a mutation (committed with its audit rows, or rolled back on an error).
 */
const echo = defineModule({
  name: 'echo',
  entities: [],
  resolvers: [],
  httpRoutes: [{
    path: '/echo/bytes',
    maxBodyBytes: 2_000_000,
    handle: async (body, ctx, { contentType, search }) => {
      if (search.get('auth') === 'required') ensureCan(ctx, 'manage', 'all');
      await appendAudit(ctx.em, { actorId: ctx.principal?.userId ?? null, action: 'echo.bytes', entityType: 'Echo', data: { length: body.length } }, ctx.clock.now());
      if (search.get('fail')) throw AppError.conflict({ vi: 'thất bại theo yêu cầu', en: 'failed on request' });
      return { length: body.length, contentType, user: ctx.principal?.userId ?? null };
    },
  }],
});

describe('module HTTP routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ modules: [kernel, identity, echo], demo: true });
  });
  afterAll(() => t?.close());
  const send = (query: string, body: Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/echo/bytes${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...headers }, body: Buffer.from(body) })
      .then(async (r) => ({ status: r.status, json: await r.json() as any }));
  const audited = async () => Number((await t.app.orm.em.fork().execute<{ n: unknown }[]>("select count(*) as n from kernel_audit where action = 'echo.bytes'"))[0]!.n);

  it('accepts a body over the GraphQL cap, with the caller, and commits its audit row', async () => {
    const token = await t.login('admin');
    const answer = await send('', new Uint8Array(1_500_000), { authorization: `Bearer ${token}` });
    expect(answer).toMatchObject({ status: 200, json: { data: { length: 1_500_000, contentType: 'application/octet-stream', user: expect.any(String) } } });
    expect(await audited()).toBe(1);
  });

  it('rolls back on an AppError and answers it typed and bilingual, with its status', async () => {
    const failed = await send('?fail=1', new Uint8Array(10), { 'accept-language': 'en' });
    expect(failed).toEqual({ status: 409, json: { errors: [{ message: 'Conflict: failed on request', extensions: { code: 'CONFLICT', messages: { vi: 'Xung đột dữ liệu: thất bại theo yêu cầu', en: 'Conflict: failed on request' } } }] } });
    expect((await send('?auth=required', new Uint8Array(10))).status).toBe(401);
    expect((await send('', new Uint8Array(2_000_001))).json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await audited()).toBe(1);
  });

  it('two routes on one path stop the start-up', async () => {
    await expect(createTestApp({ modules: [kernel, identity, echo, { ...echo, name: 'echo2' }], demo: false })).rejects.toThrow(/\/echo\/bytes is declared twice/);
  });
});
