import 'reflect-metadata';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { adminRoutes } from './http/admin.js';

/** Starts the server and stops it gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config, routes: adminRoutes() });
  await app.start();
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    app.stop().then(
      () => { clearTimeout(force); process.exit(0); },
      (error: unknown) => { app.log.error({ err: error }, 'shutdown failed'); process.exit(1); },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
