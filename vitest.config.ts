import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * One test run for the whole workspace. The database comes from TEST_DATABASE_URL:
 * unset means an in-memory SQLite per test file; `postgresql://…` gives every test
 * file its own throw-away database on that server (see server/src/testing).
 */
export default defineConfig({
  plugins: [swc.vite({ jsc: { transform: { useDefineForClassFields: false } } })],
  resolve: { conditions: ['source'] },
  test: {
    include: ['modules/*/test/**/*.test.ts', 'modules/*/src/**/*.test.ts', 'server/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
