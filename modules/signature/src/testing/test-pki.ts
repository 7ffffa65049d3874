import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { KeyObjectSigner } from '../signers/key-signer.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type KeyKind = 'RSA' | 'EC';

/** A generated certificate with its private key (PKCS#8 DER) and issuer. */
export interface TestIdentity {
  certificate: Uint8Array;
  pkcs8: Uint8Array;
  keys: CryptoKeyPair;
  name: string;
  serialHex: string;
  /** Issuing CAs, nearest first, without the root. */
  chain: Uint8Array[];
  signer(): KeyObjectSigner;
}

const ALGORITHMS = {
  RSA: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
  EC: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
} as const;
const SIGNING = { RSA: { name: 'RSASSA-PKCS1-v1_5' }, EC: { name: 'ECDSA', hash: 'SHA-256' } } as const;
const DAY = 86_400_000;
/** id-kp-documentSigning (RFC 9336) and emailProtection, which NSS (pdfsig) requires of signers, as real VN certificates carry. */
const LEAF_EKU = ['1.3.6.1.5.5.7.3.36', '1.3.6.1.5.5.7.3.4'];
let serialCounter = 0x1000;

interface IssueOptions {
  name: string;
  kind: KeyKind;
  issuer?: Issued;
  ca?: boolean;
  eku?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

type Issued = TestIdentity & { kind: KeyKind; issuer?: Issued };

async function issue(options: IssueOptions): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHMS[options.kind], true, ['sign', 'verify'])) as CryptoKeyPair;
  const issuerKeys = options.issuer?.keys ?? keys;
  const serialHex = (serialCounter++).toString(16).padStart(4, '0') + Date.now().toString(16);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(!!options.ca, undefined, true),
    new x509.KeyUsagesExtension(options.ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerKeys.publicKey),
  ];
  if (options.eku) extensions.push(new x509.ExtendedKeyUsageExtension(options.eku, options.eku.includes('1.3.6.1.5.5.7.3.8')));
  const now = Date.now();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialHex,
    subject: options.name,
    issuer: options.issuer?.name ?? options.name,
    notBefore: options.notBefore ?? new Date(now - 30 * DAY),
    notAfter: options.notAfter ?? new Date(now + 365 * DAY),
    signingAlgorithm: SIGNING[options.issuer?.kind ?? options.kind],
    publicKey: keys.publicKey,
    signingKey: issuerKeys.privateKey,
    extensions,
  });
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const der = new Uint8Array(certificate.rawData);
  const chain = options.issuer && options.issuer.issuer ? [options.issuer.certificate, ...options.issuer.chain] : [];
  return { certificate: der, pkcs8, keys, name: options.name, serialHex, chain, kind: options.kind, issuer: options.issuer, signer: () => KeyObjectSigner.fromPkcs8(pkcs8, der, chain) };
}

/**
 * A throw-away PKI for development and tests: root → issuing CAs (RSA and ECDSA) → officer,
 * organisation and TSA certificates, plus a revoked officer, an expired officer and a rogue
 * root outside the trust list. Subjects are Vietnamese UTF-8.
 *
 * @example
 * const pki = await createTestPki();
 * const signer = pki.officer.RSA.signer();
 * const crl = await pki.crl(pki.issuing.RSA, [pki.revokedOfficer]);
 */
export async function createTestPki() {
  const root = await issue({ name: 'CN=Motcua Test Root CA, O=Motcua, C=VN', kind: 'RSA', ca: true, notBefore: new Date(Date.now() - 3650 * DAY), notAfter: new Date(Date.now() + 3650 * DAY) });
  const issuing = {
    RSA: await issue({ name: 'CN=Motcua Test Issuing CA RSA, O=Motcua, C=VN', kind: 'RSA', ca: true, issuer: root }),
    EC: await issue({ name: 'CN=Motcua Test Issuing CA ECDSA, O=Motcua, C=VN', kind: 'EC', ca: true, issuer: root }),
  };
  const leaf = (name: string, kind: KeyKind, extra: Partial<IssueOptions> = {}) => issue({ name, kind, issuer: issuing[kind], eku: LEAF_EKU, ...extra });
  const officer = {
    RSA: await leaf('CN=Nguyễn Văn Ánh, O=Sở Tư pháp tỉnh Thanh Hóa, C=VN', 'RSA'),
    EC: await leaf('CN=Trần Thị Bình, O=Sở Tư pháp tỉnh Thanh Hóa, C=VN', 'EC'),
  };
  const organisation = {
    RSA: await leaf('CN=Sở Tư pháp tỉnh Thanh Hóa, O=UBND tỉnh Thanh Hóa, C=VN', 'RSA'),
    EC: await leaf('CN=Sở Tư pháp tỉnh Thanh Hóa (EC), O=UBND tỉnh Thanh Hóa, C=VN', 'EC'),
  };
  const tsa = await issue({ name: 'CN=Motcua Test TSA, O=Motcua, C=VN', kind: 'RSA', issuer: issuing.RSA, eku: ['1.3.6.1.5.5.7.3.8'] });
  const revokedOfficer = await leaf('CN=Lê Văn Cường, O=Sở Tư pháp tỉnh Thanh Hóa, C=VN', 'RSA');
  const expiredOfficer = await leaf('CN=Phạm Thị Dung, O=Sở Tư pháp tỉnh Thanh Hóa, C=VN', 'RSA', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 10 * DAY) });
  const rogueRoot = await issue({ name: 'CN=Motcua Test Root CA, O=Rogue, C=VN', kind: 'RSA', ca: true });
  const rogueOfficer = await issue({ name: 'CN=Nguyễn Văn Ánh, O=Giả mạo, C=VN', kind: 'RSA', issuer: rogueRoot, eku: LEAF_EKU });

  /** A CRL by `issuer` revoking `revoked` at `revokedAt` (default: one day ago). DER. */
  const crl = async (issuer: Issued, revoked: TestIdentity[], revokedAt = new Date(Date.now() - DAY)) => {
    const generated = await x509.X509CrlGenerator.create({
      issuer: issuer.name,
      thisUpdate: new Date(Date.now() - 60_000),
      nextUpdate: new Date(Date.now() + 7 * DAY),
      entries: revoked.map((r) => ({ serialNumber: r.serialHex, revocationDate: revokedAt, reason: x509.X509CrlReason.keyCompromise })),
      signingKey: issuer.keys.privateKey,
      signingAlgorithm: SIGNING[issuer.kind],
      extensions: [await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey)],
    });
    return new Uint8Array(generated.rawData);
  };
  return { root, issuing, officer, organisation, tsa, revokedOfficer, expiredOfficer, rogueRoot, rogueOfficer, crl };
}

export type TestPki = Awaited<ReturnType<typeof createTestPki>>;

/** A certificate and its PKCS#8 key, as the development PKI keeps them on disk (base64 DER). */
export interface StoredIdentity {
  certificate: string;
  pkcs8: string;
  chain: string[];
}

/** The development PKI as persisted: its root (to trust), an officer key, an agency seal key and a TSA key. */
export interface DevelopmentPki {
  root: string;
  officer: StoredIdentity;
  seal: StoredIdentity;
  tsa: StoredIdentity;
}

const stored = (identity: TestIdentity): StoredIdentity => ({
  certificate: Buffer.from(identity.certificate).toString('base64'),
  pkcs8: Buffer.from(identity.pkcs8).toString('base64'),
  chain: identity.chain.map((c) => Buffer.from(c).toString('base64')),
});

/**
 * A small PKI for running the demo without real keys: root → issuing CA → an officer (RSA), an
 * agency seal (ECDSA) and a TSA. Clearly named as a test PKI; never used in production.
 *
 * @example const pki = await createDevelopmentPki('Sở Tư pháp tỉnh Thanh Hóa');
 */
export async function createDevelopmentPki(agency = 'Sở Tư pháp tỉnh Thanh Hóa'): Promise<DevelopmentPki> {
  const root = await issue({ name: 'CN=Motcua Development Root CA (không dùng thật), O=Motcua, C=VN', kind: 'RSA', ca: true, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 3650 * DAY) });
  const issuing = await issue({ name: 'CN=Motcua Development Issuing CA, O=Motcua, C=VN', kind: 'RSA', ca: true, issuer: root, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 1825 * DAY) });
  const leaf = (name: string, kind: KeyKind, eku = LEAF_EKU) => issue({ name, kind, issuer: issuing, eku, notBefore: new Date(Date.now() - DAY) });
  return {
    root: Buffer.from(root.certificate).toString('base64'),
    officer: stored(await leaf(`CN=Chuyên viên thử nghiệm, O=${agency}, C=VN`, 'RSA')),
    seal: stored(await leaf(`CN=${agency}, O=UBND tỉnh Thanh Hóa, C=VN`, 'EC')),
    tsa: stored(await leaf('CN=Motcua Development TSA, O=Motcua, C=VN', 'RSA', ['1.3.6.1.5.5.7.3.8'])),
  };
}
