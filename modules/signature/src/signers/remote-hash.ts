import { ecdsaRawToDer, sha256 } from '../pki/der.js';
import type { KeySigner, SigningContext } from './key-signer.js';

/**
 * Adapter for remote signing services (ký số từ xa) speaking the **sign-hash protocol**, a small
 * JSON-over-HTTPS protocol modelled on CSC-style RSSP APIs; one thin adapter per provider maps
 * their API onto it:
 *
 * - `GET  {baseUrl}/credentials/{credentialId}` → `{ "algorithm": "RSA"|"EC", "certificate": b64 DER, "chain": [b64 DER, …] }`
 * - `POST {baseUrl}/credentials/{credentialId}/sign-hash` with
 *   `{ "hashAlgorithm": "SHA-256", "hash": b64, "documentSha256": hex, "purpose": text }` →
 *   `{ "signature": b64, "format": "PKCS1" | "ECDSA_DER" | "ECDSA_RAW" }`
 *
 * Both carry `Authorization: Bearer <apiToken>`. `hash` is SHA-256 of the DER signed attributes;
 * RSA services return a PKCS#1 v1.5 signature over its DigestInfo, ECDSA services r‖s or DER.
 * Non-2xx answers carry `{ "error": text }`.
 *
 * @example
 * const signer = await RemoteHashSigner.connect({ baseUrl: 'https://rs.example.vn/api', credentialId: 'cred-1', apiToken });
 * const signed = await signPdf(pdf, signer, { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_T', timestamper });
 */
export class RemoteHashSigner implements KeySigner {
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

  async sign(tbs: Uint8Array, context: SigningContext): Promise<Uint8Array> {
    const answer = await call<{ signature: string; format: 'PKCS1' | 'ECDSA_DER' | 'ECDSA_RAW' }>(this.options, 'POST', '/sign-hash', {
      hashAlgorithm: 'SHA-256', hash: Buffer.from(sha256(tbs)).toString('base64'), documentSha256: context.documentSha256, purpose: context.purpose ?? '',
    });
    const value = fromBase64(answer.signature);
    return answer.format === 'ECDSA_RAW' ? ecdsaRawToDer(value) : value;
  }
}

export interface RemoteHashOptions {
  baseUrl: string;
  credentialId: string;
  /** Secret from the secret store; never logged. */
  apiToken: string;
  timeoutMs?: number;
}

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

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
