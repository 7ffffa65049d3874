import { assembleCms, prepareCms, type PreparedCms } from '../cms/cms-builder.js';
import { timestampAttribute, type Timestamper } from '../cms/timestamp.js';
import { addSignaturePlaceholder, byteRangeContent, embedCms, type PreparedPdf, type SignatureFieldInfo } from '../pdf/placeholder.js';
import { OID, sha256, sha256Hex } from '../pki/der.js';
import { verifySignatureValue, type KeySigner } from '../signers/key-signer.js';

export type PadesLevel = 'B_B' | 'B_T';

/** How to sign: the field, the level, the timestamper for B-T. */
export interface PadesOptions extends Omit<SignatureFieldInfo, 'contentsSize'> {
  level: PadesLevel;
  timestamper?: Timestamper;
}

/** State between the two phases of a signature: persisted by the client-token flow. */
export interface PreparedSignature {
  pdf: PreparedPdf;
  cms: PreparedCms;
  level: PadesLevel;
  /** SHA-256 hex of the input document. */
  inputSha256: string;
  /** SHA-256 hex of the prepared PDF (with the empty placeholder). */
  preparedSha256: string;
  /** SHA-256 of the signed attributes: what a hash-signing client or token signs. */
  tbsDigest: Uint8Array;
}

const CONTENTS_SIZE: Record<PadesLevel, number> = { B_B: 16_384, B_T: 24_576 };

/**
 * Phase one: appends a signature field and computes the signed attributes over its byte range.
 *
 * @example
 * const prepared = await preparePades(pdf, certDer, chainDer, { fieldName: 'Officer', claimedTime, level: 'B_B' });
 * // hand prepared.tbsDigest to the USB token, then:
 * const signed = await completePades(prepared, signatureValue);
 */
export async function preparePades(pdf: Uint8Array, certificate: Uint8Array, chain: Uint8Array[], options: PadesOptions): Promise<PreparedSignature> {
  const prepared = await addSignaturePlaceholder(pdf, { ...options, contentsSize: CONTENTS_SIZE[options.level] });
  const cms = prepareCms({ contentType: OID.data, digest: sha256(byteRangeContent(prepared.bytes, prepared.byteRange)) }, certificate, chain);
  return { pdf: prepared, cms, level: options.level, inputSha256: sha256Hex(pdf), preparedSha256: sha256Hex(prepared.bytes), tbsDigest: sha256(cms.tbs) };
}

/**
 * Phase two: checks the signature value against the certificate, adds the timestamp for B-T and
 * embeds the CMS. Refuses a prepared PDF whose bytes changed since phase one.
 */
export async function completePades(prepared: PreparedSignature, signatureValue: Uint8Array, timestamper?: Timestamper): Promise<Uint8Array> {
  if (sha256Hex(prepared.pdf.bytes) !== prepared.preparedSha256) throw new SigningError('DOCUMENT_CHANGED', 'the prepared document changed between prepare and complete');
  if (!verifySignatureValue(prepared.cms.certificate, prepared.cms.tbs, signatureValue)) throw new SigningError('BAD_SIGNATURE_VALUE', 'the signature value does not match the certificate and the prepared data');
  const unsigned = [];
  if (prepared.level === 'B_T') {
    if (!timestamper) throw new SigningError('NO_TIMESTAMPER', 'PAdES B-T needs a timestamp authority');
    unsigned.push(timestampAttribute(await timestamper.stamp(signatureValue)));
  }
  return embedCms(prepared.pdf, assembleCms(prepared.cms, signatureValue, unsigned));
}

/**
 * Signs a PDF in one call with a server-side key (local, HSM, remote hash service).
 *
 * @example const signed = await signPdf(pdf, pki.officer.RSA.signer(), { fieldName: 'Officer', claimedTime: new Date(), level: 'B_B' });
 */
export async function signPdf(pdf: Uint8Array, signer: KeySigner, options: PadesOptions): Promise<Uint8Array> {
  const prepared = await preparePades(pdf, await signer.certificate(), await signer.chain(), options);
  const value = await signer.sign(prepared.cms.tbs, { documentSha256: prepared.inputSha256, purpose: options.reason });
  return completePades(prepared, value, options.timestamper);
}

/** A refused signing step, with a stable code. */
export class SigningError extends Error {
  constructor(readonly code: 'DOCUMENT_CHANGED' | 'BAD_SIGNATURE_VALUE' | 'NO_TIMESTAMPER', message: string) {
    super(message);
  }
}
