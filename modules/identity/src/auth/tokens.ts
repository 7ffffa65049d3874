import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '@motcua/kernel/contract';

/** Claims of an access token. */
export interface AccessClaims {
  /** The user id. */
  sub: string;
  /** The session id, checked on every request so logout takes effect at once. */
  sid: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iat: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(content: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(content).digest();
}

/** Signs a compact JWT (HS256). */
export function signAccessToken(claims: AccessClaims, secret: Buffer): string {
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/**
 * Verifies signature and expiry of an access token. Only HS256 tokens with our header are
 * accepted (no `alg: none`, no algorithm confusion).
 */
export function verifyAccessToken(token: string, secret: Buffer, nowMs: number): AccessClaims {
  const [header, payload, signature] = token.split('.');
  if (header !== HEADER || !payload || !signature) throw new AppError('TOKEN_INVALID');
  // Compare encodings, not decoded bytes: base64url decoding ignores the unused low bits of the
  // last character, so several spellings of one signature would otherwise all verify.
  const expected = Buffer.from(sign(`${header}.${payload}`, secret).toString('base64url'));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw new AppError('TOKEN_INVALID');
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  } catch {
    throw new AppError('TOKEN_INVALID');
  }
  if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string') {
    throw new AppError('TOKEN_INVALID');
  }
  if (claims.exp * 1000 <= nowMs) throw new AppError('TOKEN_EXPIRED');
  return claims;
}

/** A random opaque secret (refresh tokens, API keys). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** sha256 hex of a secret, which is what the database keeps. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
