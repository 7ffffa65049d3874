/**
 * Public tracking is rate-limited per client address (the first X-Forwarded-For hop behind a
 * trusted proxy), so one client cannot sweep dossier codes while others keep tracking.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, expectRefused, type TestApp } from '@motcua/server/testing';
import { Q } from './support/api-app.js';

const TRACKING_LIMIT_PER_CLIENT = 30;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: false, env: { TRUST_PROXY: 'true', PUBLIC_RATE_LIMIT: '1000' } });
});
afterAll(() => t?.close());

const track = (client: string, n: number) => t.gql(Q.track, { code: `000.01.02.H56-260302-${String(n).padStart(4, '0')}`, secret: 'x' }, { headers: { 'x-forwarded-for': client } });

it(`a client gets ${TRACKING_LIMIT_PER_CLIENT} lookups a minute, then RATE_LIMITED; another client is unaffected`, async () => {
  for (let n = 1; n <= TRACKING_LIMIT_PER_CLIENT; n++) expectRefused(await track('203.0.113.7', n), 'NOT_FOUND');
  expectRefused(await track('203.0.113.7', TRACKING_LIMIT_PER_CLIENT + 1), 'RATE_LIMITED');
  expectRefused(await track('198.51.100.20', TRACKING_LIMIT_PER_CLIENT + 1), 'NOT_FOUND');
});
