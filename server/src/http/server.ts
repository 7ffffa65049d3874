import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { sendError, sendJson } from './responses.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, log: Logger) => Promise<void>;

export interface HttpServerDeps {
  log: Logger;
  corsOrigins: string[];
  graphql: RouteHandler;
  /** Readiness: database reachable and migrations applied. */
  ready: () => Promise<{ ready: boolean; reason?: string }>;
  /** Extra routes by path prefix (e.g. `/admin`). */
  routes?: Record<string, RouteHandler>;
}

const REQUEST_ID = /^[\w.-]{1,100}$/;

function setCors(req: IncomingMessage, res: ServerResponse, origins: string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (origins.includes('*') || origins.includes(origin)) {
    res.setHeader('access-control-allow-origin', origins.includes('*') ? '*' : origin);
    res.setHeader('access-control-allow-headers', 'authorization, content-type, accept-language, x-request-id, apollo-require-preflight');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader('vary', 'origin');
  }
}

/**
 * The HTTP front: `/graphql`, `/healthz`, `/readyz`, and any extra routes. Each request gets
 * an id (from `x-request-id` when sane) echoed back and carried by its log lines.
 */
export function createHttpServer({ log, corsOrigins, graphql, ready, routes = {} }: HttpServerDeps): Server {
  return createServer((req, res) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    const reqLog = log.child({ reqId: requestId });
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    setCors(req, res, corsOrigins);
    handle(req, res, url, requestId, reqLog).catch((error: unknown) => {
      reqLog.error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'vi');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, reqLog: Logger): Promise<void> {
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    if (url.pathname === '/graphql') return graphql(req, res, url, requestId, reqLog);
    if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (url.pathname === '/readyz') {
      const state = await ready();
      return sendJson(res, state.ready ? 200 : 503, { status: state.ready ? 'ready' : 'not ready', reason: state.reason });
    }
    for (const [prefix, route] of Object.entries(routes)) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) return route(req, res, url, requestId, reqLog);
    }
    if (url.pathname === '/') return sendJson(res, 200, { name: 'Motcua', graphql: '/graphql', admin: '/admin', health: '/healthz' });
    return sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  }
}
