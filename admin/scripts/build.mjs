#!/usr/bin/env node
/**
 * Builds the admin app into admin/dist: type-check (tsc -p admin --noEmit), then vite build.
 * `--if-stale` builds only when admin/dist is missing or older than an admin source
 * (admin/src, admin/public, admin/scripts, its config files, modules/<name>/admin); `pnpm start`
 * uses it.
 * Needs nothing but the installed packages (no pnpm on the PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADMIN = dirname(dirname(fileURLToPath(import.meta.url)));
const ROOT = dirname(ADMIN);
const BUILT = join(ADMIN, 'dist/index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).filter((name) => name !== 'node_modules').map((name) => newestMtime(join(path, name))));
}

function sources() {
  const modules = readdirSync(join(ROOT, 'modules')).map((name) => join(ROOT, 'modules', name, 'admin'));
  return [...['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((name) => join(ADMIN, name)), ...modules];
}

export function isStale() {
  return !existsSync(BUILT) || Math.max(...sources().map(newestMtime)) > statSync(BUILT).mtimeMs;
}

function run(label, args) {
  const started = Date.now();
  // Always a production bundle, also when started from a test run (NODE_ENV=test).
  const result = spawnSync(process.execPath, args, { cwd: ADMIN, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    console.error(`admin: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`admin: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv.includes('--if-stale') && !isStale()) {
  console.log('admin: admin/dist is up to date');
} else {
  const require = createRequire(join(ADMIN, 'package.json'));
  const bin = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
  run('type-check', [bin('typescript', 'bin/tsc'), '-p', ADMIN, '--noEmit']);
  run('vite build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']);
}
