import type { ServerResponse } from 'node:http';
import { type ErrorCode, type ErrorParams, type Language, messagesFor } from '@motcua/kernel/contract';

/** Sends a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-shaped error response for failures before GraphQL runs (body, auth, JSON). */
export function sendError(res: ServerResponse, status: number, code: ErrorCode, lang: Language, params: ErrorParams = {}): void {
  const messages = messagesFor(code, params);
  sendJson(res, status, { errors: [{ message: messages[lang], extensions: { code, messages } }] });
}
