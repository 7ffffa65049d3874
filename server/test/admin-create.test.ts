import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestDatabase } from '@motcua/server/testing';

const run = promisify(execFile);
const SERVER_DIR = resolve(__dirname, '..');

/** `pnpm admin:create`: how a production installation (no demo data) gets its first account. */
describe('admin:create', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-admin-'));
  let database: TestDatabase;
  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    run(process.execPath, ['--conditions=source', '--import', '@swc-node/register/esm-register', 'src/cli.ts', 'admin:create', ...args], {
      cwd: SERVER_DIR,
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) },
    }).then(({ stdout }) => ({ code: 0, stdout }), (error: { code: number; stderr: string }) => ({ code: error.code, stdout: error.stderr }));

  it('creates a system administrator who can sign in and do everything, and refuses a taken username', async () => {
    database = await createTestDatabase(join(dir, 'prod.sqlite'));
    const created = await cli('--username', 'qt.tinh', '--password', 'Matkhau2026', '--full-name', 'Quản trị tỉnh');
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('created system administrator qt.tinh') });
    const again = await cli('--username', 'qt.tinh', '--password', 'Matkhau2026', '--full-name', 'Quản trị tỉnh');
    expect(again).toMatchObject({ code: 1, stdout: expect.stringContaining('tên đăng nhập qt.tinh đã tồn tại') });
    const weak = await cli('--username', 'qt.khac', '--password', 'weak', '--full-name', 'X');
    expect(weak.code).toBe(1);

    const t = await createTestApp({ databaseUrl: database.url, demo: false });
    try {
      const token = await t.login('qt.tinh', 'Matkhau2026');
      const me = await t.gql('{ me { fullName grants { permission unitId } } }', {}, { token });
      expect(me.data.me).toEqual({ fullName: 'Quản trị tỉnh', grants: [{ permission: '*', unitId: null }] });
      const root = await t.gql('mutation { createAgency(input: { code: "000.00.00.H99", name: "Ủy ban nhân dân tỉnh Thử", kind: PROVINCE }) { agency { depth } } }', {}, { token });
      expect(root.data.createAgency.agency.depth).toBe(0);
    } finally {
      await t.close();
    }
  });
});
