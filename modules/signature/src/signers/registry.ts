import type { Timestamper } from '../cms/timestamp.js';
import type { KeySigner } from './key-signer.js';

/** A server-side key the API may sign with, and who may use it. */
export interface RegisteredKey {
  signer: KeySigner;
  role: 'OFFICER_PERSONAL' | 'AGENCY_SEAL';
  /** User ids allowed to use it (the owner for a personal key, authorised clerks for a seal). */
  operators: string[];
}

const keys = new Map<string, RegisteredKey>();
let timestamper: Timestamper | undefined;

/**
 * Registers the server-side keys and the TSA client at start-up (from configuration: PKCS#11
 * slots, remote-service credentials, development PKCS#12 files). Keys are held by reference
 * only; nothing here reaches the database or the logs.
 *
 * @example configureSigning({ keys: { 'seal-stp': { signer: hsmSigner, role: 'AGENCY_SEAL', operators: [clerkId] } }, timestamper: new TsaClient(new HttpTsa(url)) });
 */
export function configureSigning(config: { keys?: Record<string, RegisteredKey>; timestamper?: Timestamper }): void {
  for (const [id, key] of Object.entries(config.keys ?? {})) keys.set(id, key);
  if (config.timestamper) timestamper = config.timestamper;
}

/** The registered key, or undefined. */
export function registeredKey(id: string): RegisteredKey | undefined {
  return keys.get(id);
}

/** The registered keys a user may operate, by id. */
export function keysOperableBy(userId: string): Array<[string, RegisteredKey]> {
  return [...keys.entries()].filter(([, key]) => key.operators.includes(userId));
}

/** The configured timestamper, or undefined (then only B-B is possible). */
export function configuredTimestamper(): Timestamper | undefined {
  return timestamper;
}
