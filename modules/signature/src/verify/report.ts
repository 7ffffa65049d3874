import type * as pkijs from 'pkijs';
import { commonName, derOf, nameToString, sha256Hex } from '../pki/der.js';
import type { RevocationResult } from './trust.js';

export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';
export type SignatureLevel = 'PADES_B_B' | 'PADES_B_T' | 'PKCS7_DETACHED' | 'NOT_PADES';

/** A certificate as shown in reports and the API. */
export interface CertificateInfo {
  subjectDn: string;
  commonName: string;
  issuerDn: string;
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  der: Uint8Array;
}

/** One named check and its outcome (null: not applicable / not reached). */
export interface SignatureCheck {
  name: string;
  passed: boolean | null;
  detail?: string;
}

/** The ETSI EN 319 102-1 style result for one signature. */
export interface SignatureVerification {
  index: number;
  indication: Indication;
  subIndication?: string;
  signer?: CertificateInfo;
  chain: CertificateInfo[];
  validationTime: Date;
  validationTimeSource: 'TIMESTAMP' | 'CURRENT_TIME';
  claimedTime?: Date;
  timestampTime?: Date;
  level: SignatureLevel;
  coversWholeDocument: boolean;
  modificationsAfterSigning: string[];
  revocation: RevocationResult[];
  checks: SignatureCheck[];
}

/** The report of one verification of one document. */
export interface VerificationReport {
  documentSha256: string;
  verifiedAt: Date;
  overall: Indication;
  trustListVersion: string;
  signatures: SignatureVerification[];
}

/** Reportable facts of a pkijs certificate. @example certificateInfo(cert).commonName */
export function certificateInfo(certificate: pkijs.Certificate): CertificateInfo {
  const der = derOf(certificate);
  return {
    subjectDn: nameToString(certificate.subject),
    commonName: commonName(certificate),
    issuerDn: nameToString(certificate.issuer),
    serialHex: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    sha256: sha256Hex(der),
    der,
  };
}

/**
 * The overall indication of a document: failed if any signature failed, indeterminate if any is
 * indeterminate or there is none, passed otherwise.
 *
 * @example overallIndication([{ indication: 'TOTAL_PASSED' }]) // 'TOTAL_PASSED'
 */
export function overallIndication(signatures: Array<Pick<SignatureVerification, 'indication'>>): Indication {
  if (signatures.some((s) => s.indication === 'TOTAL_FAILED')) return 'TOTAL_FAILED';
  if (!signatures.length || signatures.some((s) => s.indication === 'INDETERMINATE')) return 'INDETERMINATE';
  return 'TOTAL_PASSED';
}
