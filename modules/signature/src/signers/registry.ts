import type { Timestamper } from '../cms/timestamp.js';
import type { KeySigner } from './key-signer.js';

/** Where a key lives, as shown to administrators. */
export type KeyCustody = 'PKCS12_FILE' | 'PKCS11_HSM' | 'REMOTE_SIGN_HASH' | 'DEVELOPMENT_TEST_PKI' | 'IN_MEMORY';

/** Anyone the `signature.sign` permission allows may operate a key listing this. */
export const ANY_SIGNER = '*';

/** A server-side key the API may sign with, and who may use it. */
export interface RegisteredKey {
  signer: KeySigner;
  role: 'OFFICER_PERSONAL' | 'AGENCY_SEAL';
  /** User ids allowed to use it (the owner for a personal key, authorised clerks for a seal), or `ANY_SIGNER`. */
  operators: string[];
  /** Where the key lives (default `IN_MEMORY`). */
  custody?: KeyCustody;
}

/** The configured timestamp authority, as shown to administrators (no credentials). */
export interface TsaDescription {
  kind: 'HTTP' | 'IN_PROCESS';
  /** HTTP TSAs: the URL without user info. */
  url?: string;
  /** In-process TSAs: the TSA certificate (DER). */
  certificate?: Uint8Array;
}

const keys = new Map<string, RegisteredKey>();
let timestamper: Timestamper | undefined;
let tsa: TsaDescription | undefined;

/**
 * Registers the server-side keys and the TSA client (at start-up the module does it from
 * configuration: PKCS#11 slots, remote-service credentials, development PKCS#12 files or the
 * development PKI). Keys are held by reference only; nothing here reaches the database or the logs.
 *
 * @example configureSigning({ keys: { seal: { signer: hsmSigner, role: 'AGENCY_SEAL', operators: [clerkId], custody: 'PKCS11_HSM' } }, timestamper: new TsaClient(new HttpTsa(url)), tsa: { kind: 'HTTP', url } });
 */
export function configureSigning(config: { keys?: Record<string, RegisteredKey>; timestamper?: Timestamper; tsa?: TsaDescription }): void {
  for (const [id, key] of Object.entries(config.keys ?? {})) keys.set(id, key);
  if (config.timestamper) {
    timestamper = config.timestamper;
    tsa = config.tsa;
  }
}

/**
 * Start-up: the configuration becomes the whole set of keys and the TSA (replacing anything
 * registered before), so what runs is exactly what was configured.
 */
export function replaceSigning(config: Parameters<typeof configureSigning>[0]): void {
  keys.clear();
  timestamper = undefined;
  tsa = undefined;
  configureSigning(config);
}

/** The registered key, or undefined. */
export function registeredKey(id: string): RegisteredKey | undefined {
  return keys.get(id);
}

/** Whether a user may operate a key. */
export function mayOperate(key: RegisteredKey, userId: string | undefined): boolean {
  return !!userId && (key.operators.includes(userId) || key.operators.includes(ANY_SIGNER));
}

/** The registered keys a user may operate, by id. */
export function keysOperableBy(userId: string): Array<[string, RegisteredKey]> {
  return [...keys.entries()].filter(([, key]) => mayOperate(key, userId));
}

/** Every registered key, by id (administrators' inventory). */
export function allKeys(): Array<[string, RegisteredKey]> {
  return [...keys.entries()];
}

/** The configured timestamper, or undefined (then only B-B is possible). */
export function configuredTimestamper(): Timestamper | undefined {
  return timestamper;
}

/** What the configured TSA is, or undefined when there is none. */
export function configuredTsa(): TsaDescription | undefined {
  return timestamper ? (tsa ?? { kind: 'IN_PROCESS' }) : undefined;
}
