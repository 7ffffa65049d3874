import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes, createTestApp, type TestApp } from '@motcua/server/testing';

/** The built admin served at /admin: SPA fallback, cache headers, gzip for text assets. */
describe('admin assets', () => {
  const dist = mkdtempSync(join(tmpdir(), 'motcua-admin-dist-'));
  const script = `console.log(${JSON.stringify('một cửa '.repeat(200))});`;
  let t: TestApp;
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Motcua</title>');
    writeFileSync(join(dist, 'assets/app-1234.js'), script);
    t = await createTestApp({ demo: false, routes: adminRoutes(dist) });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves hashed assets gzipped and immutable to clients that accept gzip', async () => {
    const response = await fetch(`${t.url}/admin/assets/app-1234.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe(script); // fetch decodes gzip transparently
    const raw = await new Promise<Buffer>((resolve, reject) => {
      import('node:http').then(({ get }) => get(`${t.url}/admin/assets/app-1234.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
      }));
    });
    expect(raw.length).toBeLessThan(script.length / 5);
    expect(gunzipSync(raw).toString()).toBe(script);
  });

  it('falls back to index.html for client routes', async () => {
    expect(await (await fetch(`${t.url}/admin/staff/123`)).text()).toBe('<!doctype html><title>Motcua</title>');
  });

  it('never serves a file outside the dist folder', async () => {
    for (const path of ['/admin/../../package.json', '/admin/%2e%2e/%2e%2e/package.json', '/admin/..%2f..%2fpackage.json']) {
      const text = await (await fetch(`${t.url}${path}`)).text();
      expect(text, path).not.toContain('"private"');
    }
  });
});
