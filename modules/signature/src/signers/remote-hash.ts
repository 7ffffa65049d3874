import { setTimeout as sleep } from 'node:timers/promises';
import { ecdsaRawToDer, sha256 } from '../pki/der.js';
import type { KeySigner, SigningContext } from './key-signer.js';

/** What a remote service answered to a sign-hash request or a transaction poll. */
export type RemoteOutcome =
  | { state: 'SIGNED'; value: Uint8Array }
  | { state: 'PENDING'; transactionId: string; expiresAt: Date }
  | { state: 'REJECTED'; reason: string }
  | { state: 'EXPIRED' };

/** A signer whose key holder confirms each signature out of band (a phone app): submit, then poll. */
export interface ConfirmingSigner extends KeySigner {
  /** Sends the hash; the answer is the signature, or a pending transaction to poll. */
  submit(tbs: Uint8Array, context: SigningContext): Promise<RemoteOutcome>;
  /** Asks once how a pending transaction stands. */
  poll(transactionId: string): Promise<RemoteOutcome>;
}

/** Whether a signer may answer "pending" (then the API returns PENDING_USER_CONFIRMATION). */
export function isConfirmingSigner(signer: KeySigner): signer is ConfirmingSigner {
  return typeof (signer as Partial<ConfirmingSigner>).submit === 'function' && typeof (signer as Partial<ConfirmingSigner>).poll === 'function';
}

/** A remote signature the key holder refused or let expire. */
export class RemoteSigningError extends Error {
  constructor(readonly code: 'REJECTED' | 'EXPIRED' | 'TIMEOUT', message: string) {
    super(message);
  }
}

type SignatureAnswer = { signature: string; format: 'PKCS1' | 'ECDSA_DER' | 'ECDSA_RAW' };
type TransactionAnswer = Partial<SignatureAnswer> & { status?: 'PENDING' | 'CONFIRMED' | 'REJECTED' | 'EXPIRED'; transactionId?: string; expiresAt?: string; reason?: string };

/**
 * Adapter for remote signing services (ký số từ xa: VNPT SmartCA, Viettel MySign, …) speaking the
 * **sign-hash protocol**, a small JSON-over-HTTPS protocol modelled on CSC-style RSSP APIs; one
 * thin adapter per provider maps their API onto it:
 *
 * - `GET  {baseUrl}/credentials/{credentialId}` → `{ "algorithm": "RSA"|"EC", "certificate": b64 DER, "chain": [b64 DER, …] }`
 * - `POST {baseUrl}/credentials/{credentialId}/sign-hash` with
 *   `{ "hashAlgorithm": "SHA-256", "hash": b64, "documentSha256": hex, "purpose": text }` →
 *   - **synchronous** (an HSM behind the service): `200 { "signature": b64, "format": "PKCS1" | "ECDSA_DER" | "ECDSA_RAW" }`;
 *   - **asynchronous** (the key holder confirms on a phone): `202 { "status": "PENDING", "transactionId": text, "expiresAt": ISO 8601 }`.
 * - `GET  {baseUrl}/credentials/{credentialId}/transactions/{transactionId}` →
 *   `{ "status": "PENDING", "expiresAt": … }` | `{ "status": "CONFIRMED", "signature": b64, "format": … }` |
 *   `{ "status": "REJECTED", "reason": text }` | `{ "status": "EXPIRED" }`.
 *
 * All carry `Authorization: Bearer <apiToken>`. `hash` is SHA-256 of the DER signed attributes;
 * RSA services return a PKCS#1 v1.5 signature over its DigestInfo, ECDSA services r‖s or DER.
 * Non-2xx answers carry `{ "error": text }`.
 *
 * `sign()` waits for the confirmation (polling every `pollMs` up to `confirmationTimeoutMs`); the
 * API instead uses `submit()`/`poll()` and reports `PENDING_USER_CONFIRMATION` in between.
 *
 * @example
 * const signer = await RemoteHashSigner.connect({ baseUrl: 'https://rs.example.vn/api', credentialId: 'cred-1', apiToken });
 * const signed = await signPdf(pdf, signer, { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_T', timestamper });
 */
export class RemoteHashSigner implements ConfirmingSigner {
  private constructor(
    private readonly options: RemoteHashOptions,
    readonly algorithm: 'RSA' | 'EC',
    private readonly certDer: Uint8Array,
    private readonly chainDer: Uint8Array[],
  ) {}

  /** Fetches the credential's certificate and chain. */
  static async connect(options: RemoteHashOptions): Promise<RemoteHashSigner> {
    const credential = await call<{ algorithm: 'RSA' | 'EC'; certificate: string; chain?: string[] }>(options, 'GET', '');
    return new RemoteHashSigner(options, credential.algorithm, fromBase64(credential.certificate), (credential.chain ?? []).map(fromBase64));
  }

  async certificate(): Promise<Uint8Array> {
    return this.certDer;
  }

  async chain(): Promise<Uint8Array[]> {
    return this.chainDer;
  }

  async submit(tbs: Uint8Array, context: SigningContext): Promise<RemoteOutcome> {
    const answer = await call<TransactionAnswer>(this.options, 'POST', '/sign-hash', {
      hashAlgorithm: 'SHA-256', hash: Buffer.from(sha256(tbs)).toString('base64'), documentSha256: context.documentSha256, purpose: context.purpose ?? '',
    });
    return outcomeOf(answer.signature ? { ...answer, status: 'CONFIRMED' } : answer);
  }

  async poll(transactionId: string): Promise<RemoteOutcome> {
    return outcomeOf({ transactionId, ...(await call<TransactionAnswer>(this.options, 'GET', `/transactions/${encodeURIComponent(transactionId)}`)) });
  }

  async sign(tbs: Uint8Array, context: SigningContext): Promise<Uint8Array> {
    const deadline = Date.now() + (this.options.confirmationTimeoutMs ?? 120_000);
    let outcome = await this.submit(tbs, context);
    for (;;) {
      if (outcome.state === 'SIGNED') return outcome.value;
      if (outcome.state === 'REJECTED') throw new RemoteSigningError('REJECTED', `the key holder refused to sign${outcome.reason ? `: ${outcome.reason}` : ''}`);
      if (outcome.state === 'EXPIRED') throw new RemoteSigningError('EXPIRED', 'the signing request expired before the key holder confirmed it');
      if (Date.now() >= deadline) throw new RemoteSigningError('TIMEOUT', 'no confirmation from the key holder in time');
      await sleep(this.options.pollMs ?? 2_000);
      outcome = await this.poll(outcome.transactionId);
    }
  }
}

export interface RemoteHashOptions {
  baseUrl: string;
  credentialId: string;
  /** Secret from the secret store; never logged. */
  apiToken: string;
  /** Per HTTP request (default 30 s). */
  timeoutMs?: number;
  /** `sign()` only: how long to wait for the key holder's confirmation (default 120 s). */
  confirmationTimeoutMs?: number;
  /** `sign()` only: delay between polls (default 2 s). */
  pollMs?: number;
}

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

function outcomeOf(answer: TransactionAnswer): RemoteOutcome {
  switch (answer.status) {
    case 'CONFIRMED': {
      if (!answer.signature) throw new Error('remote signing service: CONFIRMED without a signature');
      const value = fromBase64(answer.signature);
      return { state: 'SIGNED', value: answer.format === 'ECDSA_RAW' ? ecdsaRawToDer(value) : value };
    }
    case 'PENDING':
      if (!answer.transactionId || !answer.expiresAt || Number.isNaN(Date.parse(answer.expiresAt))) throw new Error('remote signing service: PENDING without transactionId and expiresAt');
      return { state: 'PENDING', transactionId: answer.transactionId, expiresAt: new Date(answer.expiresAt) };
    case 'REJECTED':
      return { state: 'REJECTED', reason: answer.reason ?? '' };
    case 'EXPIRED':
      return { state: 'EXPIRED' };
    default:
      throw new Error(`remote signing service: unexpected answer status ${String(answer.status)}`);
  }
}

async function call<T>(options: RemoteHashOptions, method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
  const url = `${options.baseUrl.replace(/\/$/, '')}/credentials/${encodeURIComponent(options.credentialId)}${path}`;
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${options.apiToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const json = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(`remote signing service: HTTP ${response.status} ${json.error ?? ''}`.trim());
  return json;
}
