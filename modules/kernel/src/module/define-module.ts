import type { EntityManager } from '@mikro-orm/knex';
import type { EntityClass } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { Bilingual } from '../errors/catalog.js';
import type { Clock } from '../clock/clock.js';
import type { PlatformSettings, Principal, RequestContext, RuleContext } from '../context/request-context.js';

/**
 * A named permission an agency can put into a role. Its rule turns one grant of it into
 * CASL rules; the grant's scope says which org units it covers.
 *
 * @example
 * {
 *   key: 'staff.read',
 *   label: { vi: 'Xem danh sách cán bộ', en: 'View staff' },
 *   rule: ({ can, grant }) => can('read', 'Staff', withinScope(grant.scope, { id: 'unit.id', path: 'unit.path' })),
 * }
 */
export interface PermissionDefinition {
  key: string;
  label: Bilingual;
  rule: (ctx: RuleContext) => void;
  /**
   * Built-in role templates (keys such as `AGENCY_ADMIN`) that include this permission, so a
   * module adds its permissions to the roles agencies already use without the identity module
   * knowing them.
   */
  builtInRoles?: string[];
}

/** What event handlers and jobs run with: their own transaction-bound EntityManager. */
export interface WorkContext {
  em: EntityManager;
  log: Logger;
  clock: Clock;
}

/** An event as delivered to handlers. */
export interface DeliveredEvent<P = unknown> {
  id: string;
  type: string;
  payload: P;
  occurredAt: Date;
}

/**
 * Reacts to an event published through the outbox. Runs after the publishing transaction
 * committed, in its own transaction, at most once per event (the kernel's inbox guarantees
 * it); a throw rolls back its effects and the event is retried with back-off.
 */
export interface EventHandlerDefinition<P = any> {
  /** Unique, stable name: it keys the inbox, so renaming it re-delivers old events. */
  name: string;
  event: string;
  handle: (event: DeliveredEvent<P>, ctx: WorkContext) => Promise<void>;
}

/** Background work run by the leased job runner; `every` makes it recurring. */
export interface JobDefinition<P = any> {
  name: string;
  handle: (payload: P, ctx: WorkContext) => Promise<void>;
  /** Run again this many milliseconds after each completion. */
  every?: number;
  /** Attempts before the job is FAILED (default 10); a recurring job skips to its next occurrence instead. */
  maxAttempts?: number;
}

/** What a module's seed function receives. */
export interface SeedContext extends WorkContext {
  /** true when seeding demo data (README credentials), false for a bare production install. */
  demo: boolean;
  /** Every module's permissions (e.g. for built-in role templates). */
  permissions: readonly PermissionDefinition[];
}

/**
 * What a module's `onStart` hook receives: the migrated database, the log, the clock, and the
 * process configuration the module reads its own settings from.
 */
export interface StartContext extends WorkContext {
  /** `NODE_ENV=production`: development conveniences must refuse to run. */
  production: boolean;
  /** `NODE_ENV` as configured (`development`, `production` or `test`). */
  environment: 'development' | 'production' | 'test';
  /** The environment variables the server was configured from; modules validate their own. */
  env: Readonly<Record<string, string | undefined>>;
  /** A directory for files the installation keeps between restarts (never the database). */
  dataDir: string;
  /**
   * Demo data was seeded (`DEMO_SEED`): a module may finish its demo here what its seed could
   * not, e.g. sign demo results once the signature module configured its keys (module order).
   */
  demo: boolean;
}

/**
 * An HTTP endpoint (POST) a module serves beside GraphQL, for what GraphQL carries badly: large
 * binary uploads, sent as raw bytes instead of base64 inside a JSON body under the global cap.
 *
 * @example
 * { path: '/signature/documents', maxBodyBytes: 20_000_000, handle: (pdf, ctx) => storeUpload(ctx, pdf) }
 */
export interface HttpRouteDefinition {
  /** The exact path, under the module's name (e.g. `/signature/documents`). */
  path: string;
  /** Largest body accepted; a larger one is refused with 413 `PAYLOAD_TOO_LARGE` before anything runs. */
  maxBodyBytes: number;
  /**
   * Runs like a mutation: with the caller's request context (anonymous callers too: check
   * permissions), in one transaction with its audit rows and events. The result goes back as
   * JSON `{ "data": … }`; an AppError as `{ "errors": [{ message, extensions: { code, messages } }] }`
   * with a matching HTTP status.
   */
  handle: (body: Uint8Array, ctx: RequestContext, request: { contentType: string; search: URLSearchParams }) => Promise<unknown>;
}

/** Establishes the principal of a request from its `Authorization` header. */
export type Authenticator = (
  authorization: string | undefined,
  ctx: { em: EntityManager; clock: Clock; platform: PlatformSettings },
) => Promise<Principal | null>;

/**
 * A bounded module as the server sees it: one declarative object. The server knows modules
 * only as a list of these; adding a module is one line in `server/src/modules.ts`.
 *
 * @example
 * export default defineModule({
 *   name: 'identity',
 *   entities: [Agency, User],
 *   resolvers: [AgencyResolver],
 *   permissions: identityPermissions,
 *   seed: seedDemoProvince,
 * });
 */
export interface ModuleDefinition {
  name: string;
  entities: EntityClass<any>[];
  resolvers: Function[];
  permissions?: PermissionDefinition[];
  /** Rules every caller gets regardless of roles; `principal` is null for anonymous callers. */
  baseRules?: (ctx: { can: RuleContext['can']; cannot: RuleContext['cannot']; principal: Principal | null }) => void;
  eventHandlers?: EventHandlerDefinition[];
  jobs?: JobDefinition[];
  seed?: (ctx: SeedContext) => Promise<void>;
  authenticator?: Authenticator;
  /**
   * Runs once per process at start-up, after migrations and seeds and before the server
   * listens, in module order. A throw stops the start-up (e.g. invalid configuration), so a
   * misconfigured server never takes requests.
   *
   * @example
   * onStart: async ({ env, log }) => { configureSigning(await signersFromEnv(env)); log.info('signers ready'); },
   */
  onStart?: (ctx: StartContext) => Promise<void>;
  /** HTTP endpoints beside GraphQL (large uploads); public ones share the anonymous rate limit. */
  httpRoutes?: HttpRouteDefinition[];
}

/** Declares a module; identity function that gives type checking and a place for docs. */
export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
