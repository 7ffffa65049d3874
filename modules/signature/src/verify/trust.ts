import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { OID, arrayBuffer, derOf, parseCertificate } from '../pki/der.js';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

/** The trust a verification runs against: one trust-list version's anchors and the stored CRLs. */
export interface TrustContext {
  anchors: Uint8Array[];
  crls: Uint8Array[];
  /** Identifies the trust-list version (recorded in every report). */
  version: string;
}

export type RevocationStatus = 'GOOD' | 'REVOKED' | 'UNKNOWN';

export interface RevocationResult {
  subject: string;
  serialHex: string;
  status: RevocationStatus;
  revokedAt?: Date;
}

/** Result of path building for one certificate at one time. */
export interface ChainResult {
  trusted: boolean;
  /** End entity first, trust anchor last (when trusted). */
  path: pkijs.Certificate[];
  message: string;
}

/**
 * Builds and validates a path from `leaf` to one of the anchors at `at`.
 *
 * @example const chain = await validateChain(signer, intermediates, trust.anchors, poe ?? now);
 */
export async function validateChain(leaf: pkijs.Certificate, intermediates: pkijs.Certificate[], anchors: Uint8Array[], at: Date): Promise<ChainResult> {
  // pkijs takes the LAST entry of `certs` as the end entity.
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors.map(parseCertificate), certs: [...intermediates, leaf], checkDate: at });
  const result = await engine.verify();
  const path = result.certificatePath ?? [leaf];
  const leafFirst = path[0]!.serialNumber.isEqual(leaf.serialNumber) && path[0]!.issuer.isEqual(leaf.issuer);
  return { trusted: result.result, path: leafFirst ? path : [...path].reverse(), message: result.resultMessage };
}

/** Whether a certificate's validity period includes `at`. */
export function validAt(certificate: pkijs.Certificate, at: Date): boolean {
  return certificate.notBefore.value <= at && at <= certificate.notAfter.value;
}

/** Whether a certificate carries an extended key usage. */
export function hasEku(certificate: pkijs.Certificate, eku: string): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  return !!(extension?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes.includes(eku);
}

async function crlsSignedBy(issuer: pkijs.Certificate, crls: pkijs.CertificateRevocationList[]): Promise<pkijs.CertificateRevocationList[]> {
  const signed: pkijs.CertificateRevocationList[] = [];
  for (const crl of crls) if (crl.issuer.isEqual(issuer.subject) && (await crl.verify({ issuerCertificate: issuer }).catch(() => false))) signed.push(crl);
  return signed;
}

/**
 * Looks each certificate of a path (except the anchor) up in the CRLs its issuer signed.
 * pkijs' own check ignores revocation dates, so this returns them for the caller to compare
 * with the proof of existence.
 *
 * @example const revocation = await checkRevocation(chain.path, trust.crls);
 */
export async function checkRevocation(path: pkijs.Certificate[], crlDers: Uint8Array[]): Promise<RevocationResult[]> {
  const crls = crlDers.map((der) => pkijs.CertificateRevocationList.fromBER(arrayBuffer(der)));
  const results: RevocationResult[] = [];
  for (let i = 0; i < path.length - 1; i++) {
    const certificate = path[i]!;
    const fromIssuer = await crlsSignedBy(path[i + 1]!, crls);
    const entry = fromIssuer.flatMap((crl) => crl.revokedCertificates ?? []).find((r) => r.userCertificate.isEqual(certificate.serialNumber));
    results.push({
      subject: certificate.subject.typesAndValues.map((tv) => tv.value.valueBlock.value).join(', '),
      serialHex: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
      status: entry ? 'REVOKED' : fromIssuer.length ? 'GOOD' : 'UNKNOWN',
      revokedAt: entry?.revocationDate.value,
    });
  }
  return results;
}

/** Parses a CRL (DER or PEM) and returns its DER. @example crlDer(pemText) */
export function crlDer(input: Uint8Array): Uint8Array {
  const text = Buffer.from(input).toString('latin1');
  const pem = /-----BEGIN (?:X509 )?CRL-----([\s\S]*?)-----END (?:X509 )?CRL-----/.exec(text);
  const der = pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64')) : input;
  return derOf(pkijs.CertificateRevocationList.fromBER(arrayBuffer(der)));
}
