import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Clock } from '@motcua/kernel/contract';
import type { KeySigner } from '../signers/key-signer.js';
import { OID, arrayBuffer, derOf, sha256, sha256Algorithm } from '../pki/der.js';
import { signCms } from './cms-builder.js';

/** Something that turns a time-stamp request (DER) into a time-stamp response (DER): a TSA. */
export interface TimestampAuthority {
  respond(request: Uint8Array): Promise<Uint8Array>;
}

/** RFC 3161 client: stamps data and returns the TimeStampToken (a DER ContentInfo). */
export interface Timestamper {
  stamp(data: Uint8Array): Promise<Uint8Array>;
}

/**
 * An in-process RFC 3161 TSA for development, tests and anchoring our own audit log. It is a
 * trusted time for ourselves, not a licensed trust service (Decree 23/2025).
 *
 * @example
 * const tsa = new LocalTsa(tsaSigner, clock);
 * const token = await new TsaClient(tsa).stamp(signatureValue);
 */
export class LocalTsa implements TimestampAuthority {
  private serial = 1;

  constructor(private readonly signer: KeySigner, private readonly clock: Clock, private readonly policy = '1.3.6.1.4.1.99999.1.1') {}

  async respond(requestDer: Uint8Array): Promise<Uint8Array> {
    const request = pkijs.TimeStampReq.fromBER(arrayBuffer(requestDer));
    const info = new pkijs.TSTInfo({
      version: 1,
      policy: this.policy,
      messageImprint: request.messageImprint,
      serialNumber: new asn1js.Integer({ value: this.serial++ }),
      genTime: new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    const infoDer = derOf(info);
    const { cms } = await signCms(this.signer, { contentType: OID.tstInfo, encapsulated: infoDer, digest: sha256(infoDer) }, { documentSha256: '', purpose: 'timestamp' });
    const response = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: pkijs.ContentInfo.fromBER(arrayBuffer(cms)),
    });
    return derOf(response);
  }
}

/** Posts RFC 3161 requests to a TSA URL (production: a licensed TSA from configuration). */
export class HttpTsa implements TimestampAuthority {
  constructor(private readonly url: string) {}

  async respond(request: Uint8Array): Promise<Uint8Array> {
    const response = await fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/timestamp-query' }, body: Buffer.from(request) });
    if (!response.ok) throw new Error(`TSA ${this.url} answered HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** Builds requests (SHA-256 imprint, random nonce, certReq) and checks the answers. */
export class TsaClient implements Timestamper {
  constructor(private readonly tsa: TimestampAuthority) {}

  async stamp(data: Uint8Array): Promise<Uint8Array> {
    const imprint = sha256(data);
    const nonce = new asn1js.Integer({ valueHex: arrayBuffer(new Uint8Array([0x01, ...randomBytes(7)])) });
    const request = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({ hashAlgorithm: sha256Algorithm(), hashedMessage: new asn1js.OctetString({ valueHex: arrayBuffer(imprint) }) }),
      nonce,
      certReq: true,
    });
    const response = pkijs.TimeStampResp.fromBER(arrayBuffer(await this.tsa.respond(derOf(request))));
    if (response.status.status !== pkijs.PKIStatus.granted && response.status.status !== pkijs.PKIStatus.grantedWithMods) throw new Error(`TSA refused the request (status ${response.status.status})`);
    if (!response.timeStampToken) throw new Error('TSA answered without a token');
    const info = readTstInfo(derOf(response.timeStampToken));
    if (Buffer.compare(Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView), Buffer.from(imprint)) !== 0) throw new Error('TSA token imprint does not match');
    if (!info.nonce?.isEqual(nonce)) throw new Error('TSA token nonce does not match');
    return derOf(response.timeStampToken);
  }
}

/** Parses the TSTInfo inside a TimeStampToken (DER ContentInfo). @example readTstInfo(token).genTime */
export function readTstInfo(token: Uint8Array): pkijs.TSTInfo {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(arrayBuffer(token)).content });
  const eContent = signedData.encapContentInfo.eContent;
  if (!eContent) throw new Error('timestamp token has no TSTInfo');
  return pkijs.TSTInfo.fromBER(arrayBuffer(new Uint8Array(eContent.getValue())));
}

/** The unsigned attribute carrying a signature timestamp (id-aa-signatureTimeStampToken). */
export function timestampAttribute(token: Uint8Array): pkijs.Attribute {
  return new pkijs.Attribute({ type: OID.timeStampToken, values: [asn1js.fromBER(arrayBuffer(token)).result] });
}
