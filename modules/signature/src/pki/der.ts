import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Object identifiers used by the signature module. */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ekuTimeStamping: '1.3.6.1.5.5.7.3.8',
  extKeyUsage: '2.5.29.37',
  keyUsage: '2.5.29.15',
} as const;

/**
 * SHA-256 of some bytes.
 *
 * @example sha256(new TextEncoder().encode('abc')).length // 32
 */
export function sha256(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

/** Lower-case hex of bytes. @example toHex(new Uint8Array([255])) // 'ff' */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
}

/** SHA-256 as lower-case hex. @example sha256Hex(bytes) // '9f86…' */
export function sha256Hex(...parts: Uint8Array[]): string {
  return toHex(sha256(...parts));
}

/** A fresh ArrayBuffer holding exactly these bytes (pkijs and asn1js want ArrayBuffers). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * Parses DER into a pkijs certificate.
 *
 * @example parseCertificate(der).subject.typesAndValues
 */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBuffer(der));
}

/** DER bytes of a pkijs object that has `toSchema()`. */
export function derOf(value: { toSchema(): asn1js.BaseBlock<any> }): Uint8Array {
  return new Uint8Array(value.toSchema().toBER(false));
}

/** The SHA-256 AlgorithmIdentifier. */
export function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });
}

/** `CN=…, O=…` rendering of an X.500 name. @example nameToString(cert.subject) // 'CN=Nguyễn Văn An, O=…' */
export function nameToString(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '0.9.2342.19200300.100.1.1': 'UID' };
  return name.typesAndValues.map((tv) => `${short[tv.type] ?? tv.type}=${tv.value.valueBlock.value}`).join(', ');
}

/** The common name of a certificate's subject, or '' when it has none. */
export function commonName(certificate: pkijs.Certificate): string {
  return String(certificate.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3')?.value.valueBlock.value ?? '');
}

/** Converts a raw ECDSA signature r‖s into the DER SEQUENCE{r,s} CMS expects. @example ecdsaRawToDer(raw64) */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = bytes.subarray(start);
    const padded = trimmed[0]! & 0x80 ? new Uint8Array([0, ...trimmed]) : trimmed;
    return new asn1js.Integer({ valueHex: arrayBuffer(padded) });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [integer(raw.subarray(0, half)), integer(raw.subarray(half))] }).toBER(false));
}
