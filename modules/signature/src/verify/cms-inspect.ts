import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, arrayBuffer, derOf, sha256 } from '../pki/der.js';
import { verifySignatureValue } from '../signers/key-signer.js';

/** What one SignerInfo of a CMS proves about itself, before any trust decision. */
export interface CmsInspection {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  signer?: pkijs.Certificate;
  signerDer?: Uint8Array;
  /** Certificates carried in the CMS other than the signer. */
  others: pkijs.Certificate[];
  digestMatches: boolean;
  signatureValid: boolean;
  /** ESS signing-certificate(-v2) names exactly the signer certificate. */
  signingCertificateMatches: boolean;
  signerInfoCount: number;
  hasSigningTime: boolean;
  contentType?: string;
  signatureValue: Uint8Array;
}

function attribute(info: pkijs.SignerInfo, type: string, signed = true): pkijs.Attribute | undefined {
  return (signed ? info.signedAttrs : info.unsignedAttrs)?.attributes.find((a) => a.type === type);
}

/** The first value of an unsigned attribute of a SignerInfo. */
export function unsignedValue(info: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return attribute(info, type, false)?.values[0];
}

function sameIssuerSerial(certificate: pkijs.Certificate, sid: pkijs.IssuerAndSerialNumber): boolean {
  return certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber);
}

function essCertHash(info: pkijs.SignerInfo): Uint8Array | undefined {
  const value = attribute(info, OID.signingCertificateV2)?.values[0] as asn1js.Sequence | undefined;
  const certs = value?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const first = certs?.valueBlock.value[0] as asn1js.Sequence | undefined;
  const hash = first?.valueBlock.value.find((v) => v instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
  return hash ? new Uint8Array(hash.valueBlock.valueHexView) : undefined;
}

function signedAttributesDer(info: pkijs.SignerInfo): Uint8Array {
  const der = new Uint8Array(info.signedAttrs!.encodedValue.slice(0));
  der[0] = 0x31;
  return der;
}

function messageDigest(info: pkijs.SignerInfo): Uint8Array | undefined {
  const value = attribute(info, OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  return value ? new Uint8Array(value.valueBlock.valueHexView) : undefined;
}

const equalBytes = (a?: Uint8Array, b?: Uint8Array) => !!a && !!b && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * Checks a CMS SignedData on its own terms: the digest of the content, the signature value
 * over the signed attributes, and the ESS signing-certificate binding.
 * `content` is the detached content; omit it for encapsulated content (timestamp tokens).
 *
 * @example const inspection = inspectCms(cmsDer, byteRangeContent(pdf, range)); inspection.digestMatches
 */
export function inspectCms(cms: Uint8Array, content?: Uint8Array): CmsInspection {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(arrayBuffer(cms)).content });
  const signerInfo = signedData.signerInfos[0]!;
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const signer = signerInfo.sid instanceof pkijs.IssuerAndSerialNumber ? certificates.find((c) => sameIssuerSerial(c, signerInfo.sid as pkijs.IssuerAndSerialNumber)) : undefined;
  const signerDer = signer ? derOf(signer) : undefined;
  const data = content ?? new Uint8Array(signedData.encapContentInfo.eContent?.getValue() ?? new ArrayBuffer(0));
  const signatureValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const contentType = attribute(signerInfo, OID.contentType)?.values[0] as asn1js.ObjectIdentifier | undefined;
  return {
    signedData, signerInfo, signer, signerDer,
    others: certificates.filter((c) => c !== signer),
    digestMatches: equalBytes(messageDigest(signerInfo), sha256(data)),
    signatureValid: !!signerDer && !!signerInfo.signedAttrs && verifySignatureValue(signerDer, signedAttributesDer(signerInfo), signatureValue),
    signingCertificateMatches: !!signerDer && equalBytes(essCertHash(signerInfo), sha256(signerDer)),
    signerInfoCount: signedData.signerInfos.length,
    hasSigningTime: !!attribute(signerInfo, OID.signingTime),
    contentType: contentType?.valueBlock.toString(),
    signatureValue,
  };
}
