import 'reflect-metadata';
import { type Clock, type ModuleDefinition } from '@motcua/kernel/contract';
import { Writable } from 'node:stream';
import { type App, createApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { RouteHandler } from '../http/server.js';
import { MODULES } from '../modules.js';
import { createTestDatabase } from './database.js';

export { createTestDatabase } from './database.js';
export { adminRoutes } from '../http/admin.js';
export { expectOk, expectRefused, writeCounter, type GraphqlError, type WriteCounter } from './assertions.js';

/** The demo password (README); every demo account has it. */
export const DEMO_PASSWORD = 'Motcua@2026';

export interface GraphqlResult<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions: { code: string; messages: { vi: string; en: string }; details?: any } }>;
}

export interface RequestOptions {
  token?: string | null;
  lang?: 'vi' | 'en';
  headers?: Record<string, string>;
}

/** A real server on a free port with its own database, for integration tests. */
export interface TestApp {
  app: App;
  url: string;
  /** Every log line written so far, parsed. */
  logs: Array<Record<string, any>>;
  /** POSTs a GraphQL operation over HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphqlResult<T>>;
  /** POSTs a raw body to /graphql. */
  post(body: string, options?: RequestOptions & { contentType?: string }): Promise<{ status: number; json: any }>;
  /** Signs in (demo password by default) and returns the access token. */
  login(username: string, password?: string): Promise<string>;
  /** Row counts of the given tables. */
  count(...tables: string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  modules?: readonly ModuleDefinition[];
  clock?: Clock;
  /** Seed the demo province and accounts (default true). */
  demo?: boolean;
  /** Use this SQLite file instead of memory (ignored on PostgreSQL). */
  sqliteFile?: string;
  /** Reuse a database created by `createTestDatabase` (e.g. to restart on it); not dropped on close. */
  databaseUrl?: string;
  env?: Record<string, string>;
  retryBaseMs?: number;
  /** Start the outbox dispatcher and job runner (default false: tests drain them explicitly). */
  workers?: boolean;
  /** Extra HTTP routes, e.g. `adminRoutes()` to serve the built admin app. */
  routes?: Record<string, RouteHandler>;
}

/**
 * Starts a test server.
 *
 * @example
 * const t = await createTestApp();
 * const token = await t.login('admin');
 * const { data } = await t.gql('{ me { fullName } }', {}, { token });
 * await t.close();
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase(options.sqliteFile);
  const config: Config = loadConfig({
    NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: database.url,
    DEMO_SEED: options.demo === false ? 'false' : 'true', WORKERS: options.workers ? 'true' : 'false',
    PUBLIC_RATE_LIMIT: '0', // tests sign in many times from one address; rate-limit.test.ts turns it on
    ...options.env,
  });
  const logs: Array<Record<string, any>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = await createApp({ config, modules: options.modules ?? MODULES, clock: options.clock, logDestination: destination, retryBaseMs: options.retryBaseMs, routes: options.routes });
  const { url } = await app.start();

  const post = async (body: string, { token, lang, headers = {}, contentType = 'application/json' }: RequestOptions & { contentType?: string } = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}), ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}, requestOptions: RequestOptions = {}) => {
    const { status, json } = await post(JSON.stringify({ query, variables }), requestOptions);
    return { status, ...json };
  };
  return {
    app, url, logs, gql, post,
    async login(username, password = DEMO_PASSWORD) {
      const result = await gql('mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }', { u: username, p: password });
      if (!result.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(result.errors)}`);
      return result.data.login.accessToken;
    },
    async count(...tables) {
      const em = app.orm.em.fork();
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = Number((await em.execute(`select count(*) as n from ${table}`))[0].n);
      return counts;
    },
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}
