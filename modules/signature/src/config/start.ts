import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { StartContext } from '@motcua/kernel/contract';
import type { EntityManager } from '@mikro-orm/knex';
import { HttpTsa, LocalTsa, TsaClient, type Timestamper } from '../cms/timestamp.js';
import { KeyObjectSigner, type KeySigner } from '../signers/key-signer.js';
import { Pkcs11Signer } from '../signers/pkcs11.js';
import { openPkcs12 } from '../signers/pkcs12.js';
import { RemoteHashSigner } from '../signers/remote-hash.js';
import { ANY_SIGNER, allKeys, replaceSigning, type RegisteredKey, type TsaDescription } from '../signers/registry.js';
import { createDevelopmentPki, type DevelopmentPki, type StoredIdentity } from '../testing/test-pki.js';
import { trustDevelopmentRoot } from '../api/trust-list.service.js';
import { sha256Hex } from '../pki/der.js';
import { signingSettings, type KeySource, type SigningRole, type SigningSettings } from './settings.js';

/** Key ids of the configured keys, as passed to `signDocument`. */
export const KEY_IDS: Record<SigningRole, string> = { OFFICER_PERSONAL: 'officer', AGENCY_SEAL: 'seal' };

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

/** The DER certificates of a PEM bundle (leaf first), or the file itself when it is DER. */
export function certificatesOf(file: Uint8Array): Uint8Array[] {
  const text = Buffer.from(file).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => fromBase64(m[1]!.replace(/\s+/g, '')));
  return blocks.length ? blocks : [file];
}

async function openSigner(source: KeySource): Promise<KeySigner> {
  switch (source.custody) {
    case 'PKCS12_FILE':
      return openPkcs12(readFileSync(source.file), source.password, 'development');
    case 'PKCS11_HSM': {
      const [certificate, ...chain] = certificatesOf(readFileSync(source.certificateFile));
      const algorithm = new X509Certificate(Buffer.from(certificate!)).publicKey.asymmetricKeyType === 'ec' ? 'EC' : 'RSA';
      return Pkcs11Signer.open({ library: source.library, tokenLabel: source.token, pin: source.pin, keyLabel: source.keyLabel, algorithm, certificate: certificate!, chain });
    }
    case 'REMOTE_SIGN_HASH':
      return RemoteHashSigner.connect({ baseUrl: source.baseUrl, credentialId: source.credentialId, apiToken: source.apiToken });
  }
}

/**
 * The development PKI kept in `<dataDir>/signing/development-pki.json` (mode 0600): generated on
 * first use and again when its keys expired. Never written to the database or the logs.
 */
export async function developmentPki(dataDir: string): Promise<{ pki: DevelopmentPki; generated: boolean }> {
  const file = join(dataDir, 'signing', 'development-pki.json');
  if (existsSync(file)) {
    const pki = JSON.parse(readFileSync(file, 'utf8')) as DevelopmentPki;
    const expired = [pki.officer, pki.seal, pki.tsa].some((identity) => new Date(new X509Certificate(Buffer.from(fromBase64(identity.certificate))).validTo) <= new Date());
    if (!expired) return { pki, generated: false };
  }
  const pki = await createDevelopmentPki();
  mkdirSync(join(dataDir, 'signing'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(pki), { mode: 0o600 });
  chmodSync(file, 0o600);
  return { pki, generated: true };
}

const signerOf = (identity: StoredIdentity) => KeyObjectSigner.fromPkcs8(fromBase64(identity.pkcs8), fromBase64(identity.certificate), identity.chain.map(fromBase64));

interface Configured {
  keys: Record<string, RegisteredKey>;
  timestamper?: Timestamper;
  tsa?: TsaDescription;
}

async function fromSettings(settings: SigningSettings): Promise<Configured> {
  const keys: Record<string, RegisteredKey> = {};
  for (const [role, configured] of Object.entries(settings.roles) as Array<[SigningRole, NonNullable<SigningSettings['roles'][SigningRole]>]>) {
    keys[KEY_IDS[role]] = { signer: await openSigner(configured.source), role, operators: configured.operators, custody: configured.source.custody };
  }
  return settings.tsaUrl ? { keys, timestamper: new TsaClient(new HttpTsa(settings.tsaUrl)), tsa: { kind: 'HTTP', url: withoutUserInfo(settings.tsaUrl) } } : { keys };
}

async function fromDevelopmentPki(ctx: StartContext, configured: Configured): Promise<Configured> {
  const { pki, generated } = await developmentPki(ctx.dataDir);
  const trusted = await trustDevelopmentRoot(ctx.em as EntityManager, fromBase64(pki.root), ctx.clock.now());
  ctx.log.warn({ generated, trustedRootNow: trusted, root: sha256Hex(fromBase64(pki.root)) }, 'signing with the development PKI (test certificates, not legally valid)');
  const keys: Record<string, RegisteredKey> = {
    [KEY_IDS.OFFICER_PERSONAL]: { signer: signerOf(pki.officer), role: 'OFFICER_PERSONAL', operators: [ANY_SIGNER], custody: 'DEVELOPMENT_TEST_PKI' },
    [KEY_IDS.AGENCY_SEAL]: { signer: signerOf(pki.seal), role: 'AGENCY_SEAL', operators: [ANY_SIGNER], custody: 'DEVELOPMENT_TEST_PKI' },
  };
  if (configured.timestamper) return { ...configured, keys };
  return { keys, timestamper: new TsaClient(new LocalTsa(signerOf(pki.tsa), ctx.clock)), tsa: { kind: 'IN_PROCESS', certificate: fromBase64(pki.tsa.certificate) } };
}

function withoutUserInfo(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/**
 * The module's `onStart`: reads `SIGNING_*` settings, opens the configured signers and TSA, and
 * in development with nothing configured uses the development PKI and an in-process TSA.
 * Logs which signers are active (role, custody, certificate subject and fingerprint; no secrets).
 */
export async function startSigning(ctx: StartContext): Promise<void> {
  const settings = signingSettings(ctx.env, ctx.production);
  let configured = await fromSettings(settings);
  const useDevelopmentPki = settings.developmentPki === 'true' || (settings.developmentPki === 'auto' && ctx.environment === 'development');
  if (!Object.keys(configured.keys).length && useDevelopmentPki) configured = await fromDevelopmentPki(ctx, configured);
  replaceSigning(configured);
  const signers = await Promise.all(allKeys().map(async ([keyId, key]) => ({ keyId, role: key.role, custody: key.custody ?? 'IN_MEMORY', certificate: sha256Hex(await key.signer.certificate()) })));
  if (!signers.length) ctx.log.warn('no server-side signing keys configured (SIGNING_OFFICER_* / SIGNING_SEAL_*): only USB-token signing is available');
  else ctx.log.info({ signers, tsa: configured.tsa ? { kind: configured.tsa.kind, url: configured.tsa.url } : null }, 'signers configured');
  if (!configured.timestamper && ctx.production) ctx.log.warn('no TSA configured (SIGNING_TSA_URL): signatures can only be PAdES B-B');
}
