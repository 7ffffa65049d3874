import { X509Certificate } from 'node:crypto';
import { ensureCan, type RequestContext } from '@motcua/kernel/contract';
import { parseCertificate } from '../pki/der.js';
import { allKeys, configuredTsa, type KeyCustody } from '../signers/registry.js';
import { certificateInfo, type CertificateInfo } from '../verify/report.js';

/** A certificate's standing at a given time. */
export type CertificateStatus = 'OK' | 'EXPIRING_SOON' | 'EXPIRED' | 'NOT_YET_VALID';

/** Certificates within this many days of their end are flagged, so they are renewed in time. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY = 86_400_000;

/**
 * The status of a validity period at `now`.
 *
 * @example certificateStatus(new Date('2026-01-01'), new Date('2026-12-01'), new Date('2026-11-20')) // 'EXPIRING_SOON'
 */
export function certificateStatus(notBefore: Date, notAfter: Date, now: Date): CertificateStatus {
  if (now < notBefore) return 'NOT_YET_VALID';
  if (now >= notAfter) return 'EXPIRED';
  return notAfter.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY ? 'EXPIRING_SOON' : 'OK';
}

/** `RSA-2048`, `EC P-256`… from a certificate's public key. @example keyAlgorithmOf(der) // 'EC P-256' */
export function keyAlgorithmOf(der: Uint8Array): string {
  const key = new X509Certificate(Buffer.from(der)).publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'ec') return `EC ${details.namedCurve === 'prime256v1' ? 'P-256' : details.namedCurve === 'secp384r1' ? 'P-384' : (details.namedCurve ?? '')}`.trim();
  return `${(key.asymmetricKeyType ?? 'unknown').toUpperCase()}${details.modulusLength ? `-${details.modulusLength}` : ''}`;
}

export interface CertificateStanding extends Omit<CertificateInfo, 'der'> {
  keyAlgorithm: string;
  status: CertificateStatus;
}

export interface SignerEntry {
  keyId: string;
  role: 'OFFICER_PERSONAL' | 'AGENCY_SEAL';
  custody: KeyCustody;
  /** Anyone holding `signature.sign` may use it (otherwise a list of named operators). */
  openToAllSigners: boolean;
  operatorCount: number;
  certificate: CertificateStanding;
}

export interface SigningConfiguration {
  signers: SignerEntry[];
  tsa: { kind: 'HTTP' | 'IN_PROCESS'; url: string | null; certificate: CertificateStanding | null } | null;
}

function standing(der: Uint8Array, now: Date): CertificateStanding {
  const { der: _der, ...info } = certificateInfo(parseCertificate(der));
  return { ...info, keyAlgorithm: keyAlgorithmOf(der), status: certificateStatus(info.notBefore, info.notAfter, now) };
}

/**
 * Every configured server-side signer and the TSA, for administrators (`signature.keys.read`):
 * certificates, custody and status; never key material or credentials.
 *
 * @example const { signers, tsa } = await signingConfiguration(ctx);
 */
export async function signingConfiguration(ctx: RequestContext): Promise<SigningConfiguration> {
  ensureCan(ctx, 'read', 'SigningKey');
  const now = ctx.clock.now();
  const signers = await Promise.all(allKeys().map(async ([keyId, key]) => ({
    keyId, role: key.role, custody: key.custody ?? 'IN_MEMORY',
    openToAllSigners: key.operators.includes('*'), operatorCount: key.operators.filter((o) => o !== '*').length,
    certificate: standing(await key.signer.certificate(), now),
  })));
  const tsa = configuredTsa();
  return { signers, tsa: tsa ? { kind: tsa.kind, url: tsa.url ?? null, certificate: tsa.certificate ? standing(tsa.certificate, now) : null } : null };
}
