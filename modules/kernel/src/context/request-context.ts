import type { EntityManager } from '@mikro-orm/knex';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { AppAbility, AbilityBuilderFor } from '../authz/ability.js';
import type { Grant } from '../authz/scope.js';
import type { Clock } from '../clock/clock.js';

export type PrincipalKind = 'STAFF' | 'CITIZEN' | 'API_KEY';
export type Language = 'vi' | 'en';

/**
 * Who is calling, as established by the identity module's authenticator. Grants are the
 * permissions of all the principal's role assignments, each with its scope.
 */
export interface Principal {
  kind: PrincipalKind;
  fullName: string;
  /** The user's id; for an API key, the id of the user who owns it. */
  userId: string;
  username: string;
  /** The org unit the user belongs to (null for citizens). */
  agencyId: string | null;
  /** The login session an access token belongs to, so logout can revoke it. */
  sessionId: string | null;
  grants: Grant[];
}

/**
 * Per-request DataLoaders, created lazily by key so each nested GraphQL level costs one query
 * per request.
 *
 * @example
 * const agencies = ctx.loaders.get('identity.agencyById', () => new DataLoader(ids => loadAgencies(ctx.em, ids)));
 */
export class Loaders {
  private readonly byKey = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.byKey.get(key);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.byKey.set(key, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Platform facts a module may need at run time, set once by the server. */
export interface PlatformSettings {
  production: boolean;
  /** Key for signing access tokens (HMAC-SHA256). */
  authSecret: Buffer;
  /** Every permission every module declares, with the declaring module's name, for role editors. */
  permissions: ReadonlyArray<import('../module/define-module.js').PermissionDefinition & { module: string }>;
}

/**
 * What every resolver receives. `em` is a fork of the EntityManager for this request; inside
 * a mutation it is the fork bound to the mutation's transaction.
 */
export interface RequestContext {
  requestId: string;
  log: Logger;
  em: EntityManager;
  principal: Principal | null;
  ability: AppAbility;
  clock: Clock;
  lang: Language;
  loaders: Loaders;
  platform: PlatformSettings;
  /**
   * The caller's network address (the first `X-Forwarded-For` hop behind a trusted proxy), for
   * per-client limits on public queries; absent outside HTTP requests (jobs, seeds).
   */
  clientAddress?: string;
  /**
   * Work to do after a mutation's transaction rolled back, in a transaction of its own,
   * for the few records that must survive a failed mutation (e.g. counting failed logins
   * towards the lock-out). Rarely needed: everything else rolls back.
   */
  afterRollback: Array<(em: EntityManager) => Promise<void>>;
}

/** What a permission's rule function may use to add CASL rules for one grant. */
export interface RuleContext {
  can: AbilityBuilderFor['can'];
  cannot: AbilityBuilderFor['cannot'];
  grant: Grant;
  principal: Principal;
}
