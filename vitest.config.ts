import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * One test run for the whole workspace. The database comes from TEST_DATABASE_URL:
 * unset means an in-memory SQLite per test file; `postgresql://…` gives every test
 * file its own throw-away database on that server (see server/src/testing).
 */
export default defineConfig({
  plugins: [swc.vite({ jsc: { transform: { useDefineForClassFields: false } } })],
  resolve: {
    conditions: ['source'],
    // One graphql instance: externalised packages (type-graphql, Apollo) load its CommonJS
    // entry, so sources compiled by Vite must too (else "another module or realm" errors).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql', { paths: [`${process.cwd()}/server`] }) }],
  },
  // Node-side (SSR) resolution needs the condition too, or workspace packages load from dist/.
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['modules/*/test/**/*.test.ts', 'modules/*/src/**/*.test.ts', 'modules/*/admin/**/*.test.ts', 'server/test/**/*.test.ts', 'admin/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
