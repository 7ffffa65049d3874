import { AppError, type ErrorCode, type HttpRouteDefinition, type RequestContext } from '@motcua/kernel/contract';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { type IncomingRequestInfo, languageOf } from '../context.js';
import { BodyTooLargeError, readBodyBytes } from './body.js';
import { refusedByRateLimit } from './graphql-handler.js';
import type { RateLimiter } from './rate-limit.js';
import { sendError, sendJson } from './responses.js';
import type { RouteHandler } from './server.js';

export interface ModuleRouteDeps {
  buildContext: (request: IncomingRequestInfo) => Promise<RequestContext>;
  /** Runs the handler as a mutation (one transaction, outbox kicked after commit). */
  runAsMutation: <T>(context: RequestContext, work: () => Promise<T>) => Promise<T>;
  publicLimiter?: RateLimiter;
  trustProxy: boolean;
}

/** HTTP status of an AppError answered outside GraphQL. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401, TOKEN_EXPIRED: 401, TOKEN_INVALID: 401, FORBIDDEN: 403, NOT_FOUND: 404,
  CONFLICT: 409, STALE_VERSION: 409, INVALID_TRANSITION: 409, RATE_LIMITED: 429, PAYLOAD_TOO_LARGE: 413,
};

function sendAppError(res: ServerResponse, error: AppError, req: IncomingMessage): void {
  const lang = languageOf(req.headers['accept-language']);
  const extensions = { code: error.code, messages: error.messages, ...(Object.keys(error.details).length ? { details: error.details } : {}) };
  sendJson(res, STATUS[error.code] ?? 400, { errors: [{ message: error.messages[lang], extensions }] });
}

function routeHandler(route: HttpRouteDefinition, deps: ModuleRouteDeps): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: Logger) => {
    const lang = languageOf(req.headers['accept-language']);
    if (url.pathname !== route.path) return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    if (req.method !== 'POST') return sendError(res, 405, 'BAD_REQUEST', lang, { reason: lang === 'en' ? 'use POST' : 'hãy dùng POST' });
    if (refusedByRateLimit(req, res, log, deps.publicLimiter, deps.trustProxy)) return;
    let body: Uint8Array;
    try {
      body = await readBodyBytes(req, route.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      log.warn({ code: 'PAYLOAD_TOO_LARGE', limit: route.maxBodyBytes, path: route.path }, 'request refused');
      res.setHeader('connection', 'close');
      return sendError(res, 413, 'PAYLOAD_TOO_LARGE', lang, { limit: route.maxBodyBytes });
    }
    try {
      const context = await deps.buildContext({ requestId, log, authorization: req.headers.authorization, acceptLanguage: req.headers['accept-language'] });
      const request = { contentType: String(req.headers['content-type'] ?? ''), search: url.searchParams };
      const data = await deps.runAsMutation(context, () => route.handle(body, context, request));
      res.setHeader('cache-control', 'no-store');
      return sendJson(res, 200, { data });
    } catch (error) {
      if (!(error instanceof AppError)) throw error; // logged and answered 500 by the HTTP front
      log.info({ code: error.code, path: route.path }, 'request refused');
      return sendAppError(res, error, req);
    }
  };
}

/**
 * The modules' HTTP routes (`httpRoutes` in `defineModule`) as HTTP-front routes by path:
 * POST only, each with its own body cap, the anonymous rate limit, the caller's context and
 * one transaction, answering JSON `{ data }` or typed bilingual `{ errors }`.
 */
export function moduleRoutes(routes: readonly HttpRouteDefinition[], deps: ModuleRouteDeps): Record<string, RouteHandler> {
  const seen = new Set<string>();
  return Object.fromEntries(routes.map((route) => {
    if (seen.has(route.path) || route.path === '/graphql') throw new Error(`HTTP route ${route.path} is declared twice or shadows GraphQL`);
    seen.add(route.path);
    return [route.path, routeHandler(route, deps)];
  }));
}
