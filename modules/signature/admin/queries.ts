import { gql } from '@motcua/kernel/admin';

/** Largest upload the server accepts (decoded bytes). */
export const MAX_UPLOAD_BYTES = 700_000;

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
