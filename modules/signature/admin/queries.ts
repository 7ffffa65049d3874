import { gql } from '@motcua/kernel/admin';

/** Largest upload the server accepts over GraphQL (decoded bytes; base64 under the 1 MB body cap). */
export const MAX_UPLOAD_BYTES = 700_000;

/** Larger PDFs go as raw bytes to `POST /signature/verify`, up to this size. */
export const MAX_STREAMED_UPLOAD_BYTES = 20_000_000;

const TRUST_LIST_FIELDS = 'number label hash change anchors { name subject sha256 } crls { name subject sha256 thisUpdate nextUpdate }';

export const TRUST_LIST = gql`query TrustList { trustList { ${TRUST_LIST_FIELDS} } }`;

export const ADD_TRUST_ANCHOR = gql`mutation AddTrustAnchor($input: AddTrustAnchorInput!) { addTrustAnchor(input: $input) { ${TRUST_LIST_FIELDS} } }`;

export const REMOVE_TRUST_ANCHOR = gql`mutation RemoveTrustAnchor($sha256: String!) { removeTrustAnchor(sha256: $sha256) { ${TRUST_LIST_FIELDS} } }`;

export const UPLOAD_CRL = gql`mutation UploadCrl($input: UploadCrlInput!) { uploadCrl(input: $input) { ${TRUST_LIST_FIELDS} } }`;

export const VERIFY_DOCUMENT = gql`mutation VerifyDocument($input: VerifyDocumentInput!) {
  verifyDocument(input: $input) {
    id documentSha256 overall trustListVersion verifiedAt
    signatures {
      index indication subIndication level coversWholeDocument claimedTime timestampTime validationTime validationTimeSource
      modificationsAfterSigning signer { commonName subjectDn issuerDn notBefore notAfter }
    }
  }
}`;

const STANDING = 'subjectDn commonName issuerDn serialHex notBefore notAfter sha256 keyAlgorithm status';

export const SIGNING_CONFIGURATION = gql`query SigningConfiguration {
  signingConfiguration {
    signers { keyId role custody openToAllSigners operatorCount certificate { ${STANDING} } }
    tsa { kind url certificate { ${STANDING} } }
  }
}`;

export const AUDIT_ANCHOR_REPORT = gql`query AuditAnchorReport {
  auditAnchorReport { ok chain { ok checked firstBrokenSeq firstBrokenReason } anchors { seq genTime tsa tokenValid hashMatches problems } }
}`;

export type CertificateStatus = 'OK' | 'EXPIRING_SOON' | 'EXPIRED' | 'NOT_YET_VALID';
export interface CertificateStanding {
  subjectDn: string; commonName: string; issuerDn: string; serialHex: string; notBefore: string; notAfter: string; sha256: string; keyAlgorithm: string; status: CertificateStatus;
}
export interface ConfiguredSigner {
  keyId: string; role: 'OFFICER_PERSONAL' | 'AGENCY_SEAL'; custody: string; openToAllSigners: boolean; operatorCount: number; certificate: CertificateStanding;
}
export interface SigningConfiguration {
  signers: ConfiguredSigner[];
  tsa: { kind: 'HTTP' | 'IN_PROCESS'; url: string | null; certificate: CertificateStanding | null } | null;
}
export interface AuditAnchorReport {
  ok: boolean;
  chain: { ok: boolean; checked: number; firstBrokenSeq: number | null; firstBrokenReason: string | null };
  anchors: Array<{ seq: number; genTime: string; tsa: string; tokenValid: boolean; hashMatches: boolean; problems: string[] }>;
}

export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

export interface TrustListEntry { name: string | null; subject: string; sha256: string; thisUpdate?: string | null; nextUpdate?: string | null }
export interface TrustList { number: number; label: string; hash: string; change: string; anchors: TrustListEntry[]; crls: TrustListEntry[] }

export interface SignatureVerification {
  index: number;
  indication: Indication;
  subIndication: string | null;
  level: string;
  coversWholeDocument: boolean;
  claimedTime: string | null;
  timestampTime: string | null;
  validationTime: string;
  validationTimeSource: string;
  modificationsAfterSigning: string[];
  signer: { commonName: string; subjectDn: string; issuerDn: string; notBefore: string; notAfter: string } | null;
}

export interface VerificationReport {
  id: string;
  documentSha256: string;
  overall: Indication;
  trustListVersion: string;
  verifiedAt: string;
  signatures: SignatureVerification[];
}

/** Base64 of bytes (chunked, so large files do not overflow the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The DER bytes of a PEM block, or null when the text holds none. */
export function pemToBase64(text: string): string | null {
  const match = /-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/.exec(text);
  return match ? match[1].replace(/\s+/g, '') : null;
}
