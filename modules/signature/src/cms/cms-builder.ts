import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeySigner, SigningContext } from '../signers/key-signer.js';
import { OID, arrayBuffer, parseCertificate, sha256, sha256Algorithm } from '../pki/der.js';

/** What a CMS signature commits to. */
export interface CmsContent {
  /** eContentType: id-data for PAdES, id-ct-TSTInfo for timestamp tokens. */
  contentType: string;
  /** The content itself when encapsulated (timestamps); absent for detached PDF signatures. */
  encapsulated?: Uint8Array;
  /** SHA-256 of the content (the PDF byte range, or the encapsulated bytes). */
  digest: Uint8Array;
}

/** A CMS prepared up to the signature value: what a two-phase flow persists between its phases. */
export interface PreparedCms {
  /** DER of the signed attributes as a SET: the bytes the key signs. */
  tbs: Uint8Array;
  content: CmsContent;
  certificate: Uint8Array;
  chain: Uint8Array[];
}

/** ESS signing-certificate-v2 (RFC 5035) holding the SHA-256 of the signer certificate. */
function signingCertificateV2(certificate: Uint8Array): pkijs.Attribute {
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: arrayBuffer(sha256(certificate)) })] });
  const value = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [value] });
}

/** Signed attributes per PAdES baseline: content-type, message-digest, signing-certificate-v2, never signing-time. */
function signedAttributes(content: CmsContent, certificate: Uint8Array): pkijs.SignedAndUnsignedAttributes {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: content.contentType })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: arrayBuffer(content.digest) })] }),
      signingCertificateV2(certificate),
    ],
  });
}

/** DER of the signed attributes re-tagged as SET (0x31), which is what gets signed (RFC 5652 §5.4). */
function toBeSigned(attributes: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(attributes.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/**
 * First phase: the bytes a key must sign for this content and certificate.
 *
 * @example
 * const prepared = prepareCms({ contentType: OID.data, digest }, certDer, chainDer);
 * const value = await signer.sign(prepared.tbs, ctx);
 * const cms = assembleCms(prepared, value);
 */
export function prepareCms(content: CmsContent, certificate: Uint8Array, chain: Uint8Array[]): PreparedCms {
  return { tbs: toBeSigned(signedAttributes(content, certificate)), content, certificate, chain };
}

function signatureAlgorithm(certificate: pkijs.Certificate): pkijs.AlgorithmIdentifier {
  const isEc = certificate.subjectPublicKeyInfo.algorithm.algorithmId === OID.ecPublicKey;
  return isEc
    ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
    : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
}

/** Builds the SignerInfo for a prepared CMS and its signature value. */
function signerInfo(prepared: PreparedCms, signatureValue: Uint8Array, unsigned: pkijs.Attribute[]): pkijs.SignerInfo {
  const certificate = parseCertificate(prepared.certificate);
  const attributes = signedAttributes(prepared.content, prepared.certificate);
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs: attributes,
    signatureAlgorithm: signatureAlgorithm(certificate),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signatureValue) }),
    ...(unsigned.length ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: unsigned }) } : {}),
  });
}

/**
 * Second phase: the DER ContentInfo(SignedData) from a prepared CMS and its signature value,
 * optionally with unsigned attributes (the signature timestamp).
 */
export function assembleCms(prepared: PreparedCms, signatureValue: Uint8Array, unsigned: pkijs.Attribute[] = []): Uint8Array {
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: prepared.content.contentType,
      ...(prepared.content.encapsulated ? { eContent: new asn1js.OctetString({ valueHex: arrayBuffer(prepared.content.encapsulated) }) } : {}),
    }),
    digestAlgorithms: [sha256Algorithm()],
    certificates: [prepared.certificate, ...prepared.chain].map(parseCertificate),
    signerInfos: [signerInfo(prepared, signatureValue, unsigned)],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * Signs content with a key signer in one go (both phases).
 *
 * @example const cms = await signCms(signer, { contentType: OID.data, digest }, { documentSha256 });
 */
export async function signCms(signer: KeySigner, content: CmsContent, context: SigningContext): Promise<{ cms: Uint8Array; prepared: PreparedCms; signatureValue: Uint8Array }> {
  const prepared = prepareCms(content, await signer.certificate(), await signer.chain());
  const signatureValue = await signer.sign(prepared.tbs, context);
  return { cms: assembleCms(prepared, signatureValue), prepared, signatureValue };
}
