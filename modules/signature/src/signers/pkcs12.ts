import { createPrivateKey } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBuffer, derOf, parseCertificate } from '../pki/der.js';
import { KeyObjectSigner } from './key-signer.js';

/** Thrown when a development-only key store is used in production. */
export class DevelopmentOnlyError extends Error {}

async function decryptBags(pfx: pkijs.PFX, password: ArrayBuffer): Promise<pkijs.SafeBag[]> {
  await pfx.parseInternalValues({ password, checkIntegrity: true });
  const authenticated = pfx.parsedValue!.authenticatedSafe!;
  await authenticated.parseInternalValues({ safeContents: authenticated.safeContents.map(() => ({ password })) });
  return authenticated.parsedValue.safeContents.flatMap((contents: { value: pkijs.SafeContents }) => contents.value.safeBags);
}

async function privateKeyOf(bag: pkijs.SafeBag, password: ArrayBuffer): Promise<Uint8Array> {
  if (bag.bagId === '1.2.840.113549.1.12.10.1.1') return derOf(bag.bagValue as pkijs.PrivateKeyInfo);
  const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
  // Public at run time, protected in pkijs' typings.
  await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password });
  return derOf(shrouded.parsedValue!);
}

/**
 * Opens an encrypted PKCS#12 file (development only: production keys live in an HSM or a
 * remote signing service, and this refuses to run when NODE_ENV is `production`).
 * The key is decrypted into a node:crypto KeyObject in memory and never written anywhere.
 *
 * @example const signer = await openPkcs12(readFileSync('dev-officer.p12'), process.env.DEV_P12_PASSWORD!);
 */
export async function openPkcs12(p12: Uint8Array, password: string, env: string | undefined = process.env.NODE_ENV): Promise<KeyObjectSigner> {
  if (env === 'production') throw new DevelopmentOnlyError('PKCS#12 key files are for development only; use an HSM or a remote signing service in production');
  const pass = arrayBuffer(new TextEncoder().encode(password));
  const bags = await decryptBags(pkijs.PFX.fromBER(arrayBuffer(p12)), pass);
  const keyBag = bags.find((b) => b.bagId === '1.2.840.113549.1.12.10.1.2' || b.bagId === '1.2.840.113549.1.12.10.1.1');
  if (!keyBag) throw new Error('the PKCS#12 holds no private key');
  const certificates = bags.filter((b) => b.bagId === '1.2.840.113549.1.12.10.1.3').map((b) => certificateOf(b.bagValue as pkijs.CertBag));
  const key = createPrivateKey({ key: Buffer.from(await privateKeyOf(keyBag, pass)), format: 'der', type: 'pkcs8' });
  const [leaf, ...chain] = orderLeafFirst(certificates);
  if (!leaf) throw new Error('the PKCS#12 holds no certificate');
  return new KeyObjectSigner(key, derOf(leaf), chain.map(derOf));
}

function certificateOf(bag: pkijs.CertBag): pkijs.Certificate {
  const value = bag.certValue as unknown;
  if (value instanceof pkijs.Certificate) return value;
  if (value instanceof asn1js.OctetString) return parseCertificate(new Uint8Array(value.valueBlock.valueHexView));
  return parseCertificate(new Uint8Array((value as asn1js.BaseBlock).toBER(false)));
}

/** The certificate that issued no other one is the leaf; the rest follow. */
function orderLeafFirst(certificates: pkijs.Certificate[]): pkijs.Certificate[] {
  const leaf = certificates.find((c) => !certificates.some((other) => other !== c && other.issuer.isEqual(c.subject)));
  return leaf ? [leaf, ...certificates.filter((c) => c !== leaf && !c.subject.isEqual(c.issuer))] : certificates;
}
