import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { ecdsaRawToDer } from '../pki/der.js';

/** The signing context handed to a signer: what is being signed, for the audit trail of remote services. */
export interface SigningContext {
  /** SHA-256 hex of the document version being signed. */
  documentSha256: string;
  /** Free text for the key holder (shown by remote services on the confirmation screen). */
  purpose?: string;
}

/**
 * One key, wherever it lives (local PKCS#12, PKCS#11 HSM, remote "sign this hash" service).
 * The private key never leaves the implementation.
 */
export interface KeySigner {
  readonly algorithm: 'RSA' | 'EC';
  /** The signer's certificate (DER). */
  certificate(): Promise<Uint8Array>;
  /** Issuing CAs up to (not necessarily including) the root (DER). */
  chain(): Promise<Uint8Array[]>;
  /**
   * Signs `tbs` (the DER SET OF signed attributes) with SHA-256.
   * Returns the CMS signature value (ECDSA: DER SEQUENCE{r,s}).
   */
  sign(tbs: Uint8Array, context: SigningContext): Promise<Uint8Array>;
}

/**
 * Verifies a CMS signature value over `tbs` against a certificate's public key (DER SPKI inside the cert).
 *
 * @example verifySignatureValue(certDer, tbs, signatureValue) // true
 */
export function verifySignatureValue(certificateDer: Uint8Array, tbs: Uint8Array, signatureValue: Uint8Array): boolean {
  try {
    return nodeVerify('sha256', tbs, publicKeyOf(certificateDer), signatureValue);
  } catch {
    return false;
  }
}

function publicKeyOf(certificateDer: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(`-----BEGIN CERTIFICATE-----\n${Buffer.from(certificateDer).toString('base64')}\n-----END CERTIFICATE-----`), format: 'pem' });
}

/**
 * The CMS form of a signature value from a token or service: ECDSA values given as raw r‖s
 * (64, 96 or 132 bytes) become DER; anything else is returned as is.
 *
 * @example normalizeSignatureValue(ecCertDer, raw64).length // 70–72
 */
export function normalizeSignatureValue(certificateDer: Uint8Array, value: Uint8Array): Uint8Array {
  const ec = publicKeyOf(certificateDer).asymmetricKeyType === 'ec';
  return ec && [64, 96, 132].includes(value.length) ? ecdsaRawToDer(value) : value;
}

/**
 * A signer holding a node:crypto private key in memory. Used by the PKCS#12 adapter, the test
 * TSA and tests; never for production keys.
 *
 * @example
 * const signer = new KeyObjectSigner(privateKey, certDer, [issuingCaDer]);
 * const value = await signer.sign(tbs, { documentSha256 });
 */
export class KeyObjectSigner implements KeySigner {
  readonly algorithm: 'RSA' | 'EC';

  constructor(private readonly key: KeyObject, private readonly certDer: Uint8Array, private readonly chainDer: Uint8Array[] = []) {
    this.algorithm = key.asymmetricKeyType === 'ec' ? 'EC' : 'RSA';
  }

  /** Builds a signer from a PKCS#8 DER private key. */
  static fromPkcs8(pkcs8: Uint8Array, certDer: Uint8Array, chainDer: Uint8Array[] = []): KeyObjectSigner {
    return new KeyObjectSigner(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }), certDer, chainDer);
  }

  async certificate(): Promise<Uint8Array> {
    return this.certDer;
  }

  async chain(): Promise<Uint8Array[]> {
    return this.chainDer;
  }

  async sign(tbs: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(nodeSign('sha256', tbs, this.key));
  }
}
