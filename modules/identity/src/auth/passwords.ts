import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { AppError } from '@motcua/kernel/contract';

/** scrypt cost parameters (N=2^15, r=8, p=1: ~30 ms and 32 MiB per hash on the CI machine). */
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with scrypt and a random salt, in a self-describing string
 * (`scrypt$N$r$p$salt$hash`) so the parameters can be raised later.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that matches no password, to keep login timing equal for unknown usernames. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * The password policy: at least 8 characters with a letter and a digit, at most 200.
 * Throws BAD_USER_INPUT saying what is wrong.
 */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 8 || password.length > 200 || !/\p{L}/u.test(password) || !/\d/.test(password)) {
    throw AppError.badInput(field, {
      vi: 'mật khẩu phải dài 8–200 ký tự, có chữ và số',
      en: 'the password must be 8–200 characters with letters and digits',
    });
  }
}
