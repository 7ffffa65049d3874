import react from '@vitejs/plugin-react';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

/** Libraries the host and the modules' plugins share: exactly one copy of each in the bundle. */
const SHARED = [
  'react', 'react-dom', 'react-router', 'antd', '@ant-design/icons', 'dayjs', '@refinedev/core', '@refinedev/antd',
  '@refinedev/graphql', '@refinedev/react-router', '@tanstack/react-query', '@urql/core', 'graphql', 'graphql-tag',
];

/**
 * Writes `dist/.vite/modules.json`: every module in the bundle (repository-relative), so
 * tests can prove there is one copy of each shared library.
 */
function moduleReport(): Plugin {
  return {
    name: 'motcua-module-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const modules = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') for (const id of output.moduleIds) modules.add(relative(ROOT, id.replace(/^\0/, '')));
      }
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify([...modules].sort(), null, 1) });
    },
  };
}

/**
 * The admin app is served by the server at /admin (`pnpm build`, then `pnpm start`). In
 * development, `pnpm --filter @motcua/admin dev` serves it at http://localhost:5173/admin/
 * and proxies /graphql to the API (MOTCUA_API, default http://localhost:4000).
 */
export default defineConfig({
  base: '/admin/',
  plugins: [react(), moduleReport()],
  resolve: { dedupe: SHARED },
  server: { port: 5173, proxy: { '/graphql': process.env.MOTCUA_API ?? 'http://localhost:4000', '/signature': process.env.MOTCUA_API ?? 'http://localhost:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
