import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { RateLimiter } from '../src/http/rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then refills at perMinute a minute, per client', () => {
    const limiter = new RateLimiter(3);
    const takes = (client: string, at: number, n: number) => Array.from({ length: n }, () => limiter.take(client, at));
    expect(takes('a', 0, 4)).toEqual([true, true, true, false]);
    expect(limiter.retryAfterSeconds('a')).toBe(20);
    expect(takes('b', 0, 1)).toEqual([true]); // another client has its own bucket
    expect(takes('a', 19_999, 1)).toEqual([false]);
    expect(takes('a', 20_000, 2)).toEqual([true, false]);
    expect(takes('a', 200_000, 4)).toEqual([true, true, true, false]); // never more than the burst
  });
});

describe('unauthenticated requests are rate-limited per address', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '5' } });
    token = await t.login('admin'); // the first of five anonymous requests
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the limit, and never limits signed-in callers', async () => {
    for (let i = 0; i < 4; i++) expect((await t.gql('{ agencyTree { id } }')).status).toBe(200);
    const refused = await t.post(JSON.stringify({ query: '{ agencyTree { id } }' }));
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', messages: { vi: expect.stringContaining('Quá nhiều yêu cầu') } });
    for (let i = 0; i < 10; i++) expect((await t.gql('{ me { username } }', {}, { token })).status).toBe(200);
  });
});
