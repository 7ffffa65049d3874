import {
  type AppAbility, type Authenticator, type Clock, type Language, Loaders, type ModuleDefinition, type PlatformSettings,
  type Principal, type RequestContext, abilityFactory,
} from '@motcua/kernel/contract';
import type { Logger } from 'pino';
import type { Orm } from './orm.js';

export interface ContextFactoryDeps {
  orm: Orm;
  modules: readonly ModuleDefinition[];
  clock: Clock;
  platform: PlatformSettings;
}

/** What the HTTP layer knows about a request before GraphQL runs. */
export interface IncomingRequestInfo {
  requestId: string;
  log: Logger;
  authorization?: string;
  acceptLanguage?: string;
  /** The client's address as the rate limiter sees it. */
  clientAddress?: string;
}

/** `en…` in Accept-Language selects English; Vietnamese otherwise. */
export function languageOf(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/**
 * Builds request contexts: a fresh EntityManager fork, the principal from the module that
 * authenticates, and its CASL ability. Authentication errors (forged or expired tokens)
 * propagate as AppErrors for the HTTP layer to answer.
 */
export function contextFactory({ orm, modules, clock, platform }: ContextFactoryDeps) {
  const authenticators = modules.flatMap((m) => (m.authenticator ? [m.authenticator] : [])) as Authenticator[];
  if (authenticators.length !== 1) throw new Error(`exactly one module must authenticate; found ${authenticators.length}`);
  const [authenticate] = authenticators;
  const abilityFor = abilityFactory(modules);

  return async (request: IncomingRequestInfo): Promise<RequestContext> => {
    const em = orm.em.fork();
    const principal: Principal | null = await authenticate(request.authorization, { em, clock, platform });
    const ability: AppAbility = abilityFor(principal);
    const log = principal ? request.log.child({ userId: principal.userId }) : request.log;
    return {
      requestId: request.requestId, log, em, principal, ability, clock, platform,
      lang: languageOf(request.acceptLanguage), loaders: new Loaders(), afterRollback: [], clientAddress: request.clientAddress,
    };
  };
}
