import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, isUuid } from '@motcua/kernel/contract';

/** Rating links stay valid this long by default (the result email may be read late). */
export const RATING_LINK_DAYS = 30;

/** A key of its own derived from the server secret, so a rating token can never pass as any other signed value. */
function ratingKey(secret: Buffer): Buffer {
  return createHmac('sha256', secret).update('motcua.evaluation.rating-link.v1').digest();
}

function signature(secret: Buffer, body: string): string {
  return createHmac('sha256', ratingKey(secret)).update(body).digest('base64url');
}

const badLink = () => AppError.badInput('token', { vi: 'liên kết đánh giá không hợp lệ', en: 'the rating link is invalid' });

/**
 * Signs a rating link token for a dossier: `dossierId.expirySeconds.hmac` (HMAC-SHA256 with a
 * key derived from the server secret). The dossiers module puts `<site>/admin/danh-gia/<token>` in the
 * result email.
 *
 * @example
 * const token = signRatingToken(ctx.platform.authSecret, dossierId, new Date('2026-12-31T00:00:00Z'));
 */
export function signRatingToken(secret: Buffer, dossierId: string, expiresAt: Date): string {
  const body = `${dossierId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${signature(secret, body)}`;
}

/**
 * The dossier a rating token is for, refusing a forged, altered or expired token.
 *
 * @example
 * verifyRatingToken(secret, token, clock.now()) // '0193…' (the dossier id)
 */
export function verifyRatingToken(secret: Buffer, token: string, now: Date): string {
  const [dossierId, expiry, mac, extra] = String(token ?? '').split('.');
  if (!isUuid(dossierId) || !/^\d{1,12}$/.test(expiry ?? '') || !mac || extra !== undefined) throw badLink();
  const expected = Buffer.from(signature(secret, `${dossierId}.${expiry}`));
  const actual = Buffer.from(mac);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw badLink();
  if (Number(expiry) * 1000 <= now.getTime()) throw AppError.badInput('token', { vi: 'liên kết đánh giá đã hết hạn', en: 'the rating link has expired' });
  return dossierId;
}
