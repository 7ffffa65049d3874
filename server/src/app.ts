import type { ApolloServer } from '@apollo/server';
import {
  type Clock, JobRunner, type ModuleDefinition, OutboxDispatcher, type PlatformSettings, type RequestContext, type StartContext, systemClock,
} from '@motcua/kernel/contract';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { DestinationStream, Logger } from 'pino';
import type { Config } from './config.js';
import { contextFactory, type IncomingRequestInfo } from './context.js';
import { createApollo } from './graphql/apollo.js';
import { buildAppSchema } from './graphql/schema.js';
import { runAsMutation, transactionMiddleware } from './graphql/transactions.js';
import { graphqlHandler } from './http/graphql-handler.js';
import { moduleRoutes } from './http/module-routes.js';
import { RateLimiter } from './http/rate-limit.js';
import { createHttpServer, type RouteHandler } from './http/server.js';
import { createLogger } from './logger.js';
import { MODULES } from './modules.js';
import { migrate, openOrm, type Orm } from './orm.js';
import { runSeeds } from './seed.js';

export interface AppOptions {
  config: Config;
  modules?: readonly ModuleDefinition[];
  clock?: Clock;
  /** Where log lines go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Back-off base for outbox and job retries (tests shorten it). */
  retryBaseMs?: number;
  /** Extra HTTP routes by path prefix (the admin app). */
  routes?: Record<string, RouteHandler>;
}

/** A running (or ready to run) Motcua server. */
export interface App {
  config: Config;
  log: Logger;
  orm: Orm;
  schema: GraphQLSchema;
  apollo: ApolloServer<RequestContext>;
  dispatcher: OutboxDispatcher;
  jobs: JobRunner;
  http: Server;
  modules: readonly ModuleDefinition[];
  buildContext: (request: IncomingRequestInfo) => Promise<RequestContext>;
  /** Listens on the configured port (0 = any free port) and starts the workers. */
  start(): Promise<{ url: string; port: number }>;
  /** Graceful stop: no new connections, in-flight requests finish, workers stop, DB closes. */
  stop(): Promise<void>;
}

/** Runs every module's `onStart` hook in module order, each with its own EntityManager and logger. */
async function startModules(orm: Orm, modules: readonly ModuleDefinition[], ctx: Omit<StartContext, 'em'>): Promise<void> {
  for (const module of modules) await module.onStart?.({ ...ctx, em: orm.em.fork(), log: ctx.log.child({ module: module.name }) });
}

/**
 * Assembles the server: ORM (migrated), GraphQL schema from the modules, Apollo, the outbox
 * dispatcher and job runner, and the HTTP front. Seeds built-in data, and demo data where
 * configured, then runs the modules' `onStart` hooks (before anything listens).
 *
 * @example
 * const app = await createApp({ config: loadConfig() });
 * const { url } = await app.start();
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const modules = options.modules ?? MODULES;
  const clock = options.clock ?? systemClock;
  const log = createLogger(config, options.logDestination);
  const orm = await openOrm(config.database, modules, log);
  await migrate(orm);
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const workerDeps = { em: () => orm.em.fork(), clock, owner, log, retryBaseMs: options.retryBaseMs };
  const dispatcher = new OutboxDispatcher({ ...workerDeps, pollMs: 1_000, handlers: modules.flatMap((m) => m.eventHandlers ?? []) });
  const jobs = new JobRunner({ ...workerDeps, pollMs: 5_000, jobs: modules.flatMap((m) => m.jobs ?? []) });
  const platform: PlatformSettings = { production: config.production, authSecret: config.authSecret, permissions: modules.flatMap((m) => (m.permissions ?? []).map((p) => ({ ...p, module: m.name }))) };

  const schema = await buildAppSchema(modules, [transactionMiddleware(orm, () => dispatcher.kick())]);
  const apollo = createApollo(schema, config);
  await apollo.start();
  const buildContext = contextFactory({ orm, modules, clock, platform });
  const demo = config.demoSeed === 'true' || (config.demoSeed === 'auto' && config.database.dialect === 'sqlite');
  await runSeeds(orm, modules, clock, log, demo);
  try {
    await startModules(orm, modules, { log, clock, production: config.production, environment: config.env, env: config.variables, dataDir: config.dataDir, demo });
  } catch (error) {
    await apollo.stop();
    await orm.close();
    throw error; // a module refused its configuration: the server must not take requests
  }

  let migrated = false;
  const ready = async () => {
    try {
      await orm.em.fork().execute('select 1');
      migrated ||= (await orm.getMigrator().getPendingMigrations()).length === 0;
      return migrated ? { ready: true } : { ready: false, reason: 'migrations pending' };
    } catch (error) {
      return { ready: false, reason: `database unreachable: ${(error as Error).message}` };
    }
  };
  const publicLimiter = config.publicRateLimit > 0 ? new RateLimiter(config.publicRateLimit) : undefined;
  const graphql = graphqlHandler({ apollo, buildContext, maxBodyBytes: config.limits.maxBodyBytes, publicLimiter, trustProxy: config.trustProxy });
  const routesOfModules = moduleRoutes(modules.flatMap((m) => m.httpRoutes ?? []), {
    buildContext, publicLimiter, trustProxy: config.trustProxy,
    runAsMutation: (context, work) => runAsMutation(orm, context, () => dispatcher.kick(), work),
  });
  const http = createHttpServer({ log, corsOrigins: config.corsOrigins, graphql, ready, routes: { ...routesOfModules, ...options.routes } });

  return {
    config, log, orm, schema, apollo, dispatcher, jobs, http, modules, buildContext,
    async start() {
      await new Promise<void>((resolve) => http.listen(config.port, config.host, resolve));
      if (config.workers) {
        await jobs.ensureRecurring();
        dispatcher.start();
        jobs.start();
      }
      const port = (http.address() as AddressInfo).port;
      const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
      log.info({ url: `${url}/graphql`, database: config.database.dialect }, 'Motcua is listening');
      return { url, port };
    },
    async stop() {
      const closed = http.listening ? new Promise((resolve) => http.close(resolve)) : Promise.resolve();
      http.closeIdleConnections();
      await closed;
      await Promise.all([dispatcher.stop(), jobs.stop()]);
      await apollo.stop();
      await orm.close();
    },
  };
}
