import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, expectOk, expectRefused, type TestApp } from '@motcua/server/testing';
import { certificateStatus } from '../src/api/signers.service.js';
import { signingSettings, SigningConfigurationError } from '../src/config/settings.js';
import { sampleResultPdf } from '../src/pdf/sample.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { startSignHashServer } from './sign-hash-server.js';
import { hasTool, tempDir, testPki } from './support.js';

/**
 * Server-side keys and the TSA come from configuration at start-up (the module's onStart):
 * validated settings, PKCS#12 refused in production, and in development a generated PKI and
 * in-process TSA so the demo can sign. Administrators see the configured keys and certificates.
 */
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const SECRET = 'pin-and-token-s3cret';
const CONFIGURATION = `{ signingConfiguration {
  signers { keyId role custody openToAllSigners operatorCount certificate { subjectDn issuerDn serialHex notBefore notAfter sha256 keyAlgorithm status } }
  tsa { kind url certificate { commonName status } } } }`;

describe('signingSettings', () => {
  const hsm = { SIGNING_SEAL_PKCS11_LIBRARY: '/usr/lib/softhsm/libsofthsm2.so', SIGNING_SEAL_PKCS11_TOKEN: 'motcua', SIGNING_SEAL_PKCS11_PIN: SECRET, SIGNING_SEAL_PKCS11_KEY_LABEL: 'seal', SIGNING_SEAL_PKCS11_CERTIFICATE: '/etc/motcua/seal.pem' };
  const remote = { SIGNING_OFFICER_REMOTE_URL: 'https://rs.example.vn/api', SIGNING_OFFICER_REMOTE_CREDENTIAL: 'cred-1', SIGNING_OFFICER_REMOTE_TOKEN: SECRET, SIGNING_OFFICER_OPERATORS: 'u1, u2' };

  test.each([
    ['nothing configured', {}, false, { roles: {}, developmentPki: 'auto' }],
    ['an HSM seal and a remote officer key with named operators, in production', { ...hsm, ...remote, SIGNING_TSA_URL: 'https://tsa.example.vn/tsr' }, true, {
      roles: {
        AGENCY_SEAL: { source: { custody: 'PKCS11_HSM', library: hsm.SIGNING_SEAL_PKCS11_LIBRARY, token: 'motcua', pin: SECRET, keyLabel: 'seal', certificateFile: '/etc/motcua/seal.pem' }, operators: ['*'] },
        OFFICER_PERSONAL: { source: { custody: 'REMOTE_SIGN_HASH', baseUrl: 'https://rs.example.vn/api', credentialId: 'cred-1', apiToken: SECRET }, operators: ['u1', 'u2'] },
      },
      tsaUrl: 'https://tsa.example.vn/tsr',
    }],
    ['a development PKCS#12', { SIGNING_OFFICER_P12_FILE: '/tmp/dev.p12', SIGNING_OFFICER_P12_PASSWORD: SECRET }, false, { roles: { OFFICER_PERSONAL: { source: { custody: 'PKCS12_FILE', file: '/tmp/dev.p12', password: SECRET } } } }],
  ])('%s', (_label, env, production, expected) => {
    expect(signingSettings(env, production)).toMatchObject(expected);
  });

  test.each([
    ['PKCS#12 in production', { SIGNING_OFFICER_P12_FILE: '/tmp/dev.p12', SIGNING_OFFICER_P12_PASSWORD: SECRET }, true, /SIGNING_OFFICER_P12_FILE: PKCS#12 key files are for development only/],
    ['the development PKI forced in production', { SIGNING_DEV_PKI: 'true' }, true, /SIGNING_DEV_PKI=true is refused in production/],
    ['two custodies for one role', { ...hsm, SIGNING_SEAL_REMOTE_URL: 'https://rs.example.vn' }, false, /SIGNING_SEAL_PKCS11_LIBRARY and SIGNING_SEAL_REMOTE_URL are exclusive/],
    ['an HSM without its PIN and certificate', { ...hsm, SIGNING_SEAL_PKCS11_PIN: '', SIGNING_SEAL_PKCS11_CERTIFICATE: '' }, false, /SIGNING_SEAL_PKCS11_PIN, SIGNING_SEAL_PKCS11_CERTIFICATE required/],
    ['a TSA URL that is not http(s)', { SIGNING_TSA_URL: 'ftp://tsa.example.vn' }, false, /SIGNING_TSA_URL/],
    ['an unknown SIGNING_DEV_PKI value', { SIGNING_DEV_PKI: 'yes' }, false, /SIGNING_DEV_PKI/],
  ])('refuses %s, naming the variable and never its value', (_label, env, production, message) => {
    const error = (() => {
      try {
        signingSettings({ ...env, SIGNING_OFFICER_REMOTE_TOKEN: SECRET }, production);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(SigningConfigurationError);
    expect(error!.message).toMatch(message);
    expect(error!.message).not.toContain(SECRET);
  });
});

describe('certificateStatus', () => {
  const day = 86_400_000;
  const from = new Date('2026-01-01T00:00:00Z');
  const to = new Date('2027-01-01T00:00:00Z');
  test.each([
    [new Date(from.getTime() - 1), 'NOT_YET_VALID'],
    [from, 'OK'],
    [new Date(to.getTime() - 30 * day - 1), 'OK'],
    [new Date(to.getTime() - 30 * day), 'EXPIRING_SOON'],
    [new Date(to.getTime() - 1), 'EXPIRING_SOON'],
    [to, 'EXPIRED'],
  ])('at %s → %s', (now, status) => expect(certificateStatus(from, to, now)).toBe(status));
});

describe('development start-up: a generated PKI and an in-process TSA', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: string;
  const env = () => ({ SIGNING_DEV_PKI: 'true', DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = tempDir();
    t = await createTestApp({ env: env() });
    admin = await t.login('admin');
  });
  afterAll(() => t?.close());

  test('keeps the PKI in the data directory (0600), trusts its root, and logs the active signers without secrets', async () => {
    const file = join(dataDir, 'signing', 'development-pki.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    const line = t.logs.find((l) => l.msg === 'signers configured');
    expect(line?.signers.map((s: any) => [s.keyId, s.role, s.custody])).toEqual([['officer', 'OFFICER_PERSONAL', 'DEVELOPMENT_TEST_PKI'], ['seal', 'AGENCY_SEAL', 'DEVELOPMENT_TEST_PKI']]);
    expect(line?.tsa).toEqual({ kind: 'IN_PROCESS' });
    const list = expectOk(await t.gql('{ trustList { number anchors { name } } }')).trustList;
    expect(list.anchors.map((a: any) => a.name)).toEqual(['Motcua development root (demo only)']);
    const dump = JSON.stringify(await Promise.all(['signature_trust_list', 'kernel_audit'].map((table) => t.app.orm.em.fork().execute(`select * from ${table}`))));
    for (const key of [stored.officer.pkcs8, stored.seal.pkcs8, stored.tsa.pkcs8].map((k: string) => k.slice(40, 100))) {
      expect(JSON.stringify(t.logs)).not.toContain(key);
      expect(dump).not.toContain(key);
    }
  });

  test('the demo signs: officer (B-B) then agency seal (B-T), both verify', async () => {
    const upload = expectOk(await t.gql('mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { id sha256 } }', { i: { contentBase64: b64(await sampleResultPdf({ number: '31/QD', date: '2026-11-26' })) } }, { token: admin })).uploadDocument;
    const SIGN = 'mutation($i: SignDocumentInput!) { signDocument(input: $i) { status outputVersionId } }';
    const officer = expectOk(await t.gql(SIGN, { i: { documentVersionId: upload.id, expectedSha256: upload.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer' } }, { token: admin })).signDocument;
    const signed = expectOk(await t.gql('query($id: ID!) { documentVersion(id: $id) { id sha256 } }', { id: officer.outputVersionId }, { token: admin })).documentVersion;
    const seal = expectOk(await t.gql(SIGN, { i: { documentVersionId: signed.id, expectedSha256: signed.sha256, role: 'AGENCY_SEAL', keyId: 'seal', level: 'B_T' } }, { token: admin })).signDocument;
    const report = expectOk(await t.gql('mutation($i: VerifyDocumentInput!) { verifyDocument(input: $i) { overall signatures { level } } }', { i: { documentVersionId: seal.outputVersionId } })).verifyDocument;
    expect(report).toEqual({ overall: 'TOTAL_PASSED', signatures: [{ level: 'PADES_B_B' }, { level: 'PADES_B_T' }] });
  });

  test('signingConfiguration lists the signers and the TSA for administrators only', async () => {
    const { signers, tsa } = expectOk(await t.gql(CONFIGURATION, {}, { token: admin })).signingConfiguration;
    expect(signers.map((s: any) => [s.keyId, s.role, s.custody, s.openToAllSigners, s.certificate.keyAlgorithm, s.certificate.status])).toEqual([
      ['officer', 'OFFICER_PERSONAL', 'DEVELOPMENT_TEST_PKI', true, 'RSA-2048', 'OK'],
      ['seal', 'AGENCY_SEAL', 'DEVELOPMENT_TEST_PKI', true, 'EC P-256', 'OK'],
    ]);
    expect(signers[0].certificate).toMatchObject({ issuerDn: 'CN=Motcua Development Issuing CA, O=Motcua, C=VN', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), serialHex: expect.stringMatching(/^[0-9a-f]+$/) });
    expect(tsa).toEqual({ kind: 'IN_PROCESS', url: null, certificate: { commonName: 'Motcua Development TSA', status: 'OK' } });
    for (const username of ['quantri', 'chuyenvien', 'congdan']) expectRefused(await t.gql(CONFIGURATION, {}, { token: await t.login(username) }), 'FORBIDDEN', username);
    expectRefused(await t.gql(CONFIGURATION), 'UNAUTHENTICATED');
  });

  test('a restart on the same data directory reuses the PKI and does not trust its root twice', async () => {
    const before = readFileSync(join(dataDir, 'signing', 'development-pki.json'), 'utf8');
    const again = await createTestApp({ env: env() });
    try {
      expect(readFileSync(join(dataDir, 'signing', 'development-pki.json'), 'utf8')).toBe(before);
      expect(again.logs.find((l) => l.msg?.startsWith('signing with the development PKI'))).toMatchObject({ generated: false });
    } finally {
      await again.close();
    }
  });
});

describe('configured signers', () => {
  let pki: TestPki;
  let server: Awaited<ReturnType<typeof startSignHashServer>>;
  beforeAll(async () => {
    pki = await testPki();
    server = await startSignHashServer({ seal: pki.organisation.EC }, SECRET);
  });
  afterAll(() => server?.close());

  test('a remote seal key and a TSA URL come from the environment; nothing about them is logged but the URL', async () => {
    const t = await createTestApp({ env: { SIGNING_SEAL_REMOTE_URL: server.baseUrl, SIGNING_SEAL_REMOTE_CREDENTIAL: 'seal', SIGNING_SEAL_REMOTE_TOKEN: SECRET, SIGNING_TSA_URL: 'https://user:pw@tsa.example.vn/tsr' } });
    try {
      const { signers, tsa } = expectOk(await t.gql(CONFIGURATION, {}, { token: await t.login('admin') })).signingConfiguration;
      expect(signers.map((s: any) => [s.keyId, s.custody, s.openToAllSigners])).toEqual([['seal', 'REMOTE_SIGN_HASH', true]]);
      expect(tsa).toEqual({ kind: 'HTTP', url: 'https://tsa.example.vn/tsr', certificate: null });
      expect(JSON.stringify(t.logs)).not.toContain(SECRET);
      expect(JSON.stringify(t.logs)).not.toContain('pw@');
    } finally {
      await t.close();
    }
  });

  const HAS_OPENSSL = hasTool('openssl');
  test.skipIf(!HAS_OPENSSL)('a PKCS#12 file signs in development and stops the start-up in production', async () => {
    const dir = tempDir();
    const pem = (label: string, der: Uint8Array) => `-----BEGIN ${label}-----\n${b64(der).match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
    writeFileSync(join(dir, 'key.pem'), pem('PRIVATE KEY', pki.officer.RSA.pkcs8));
    writeFileSync(join(dir, 'cert.pem'), pem('CERTIFICATE', pki.officer.RSA.certificate));
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-out', join(dir, 'officer.p12'), '-passout', `pass:${SECRET}`]);
    const env = { SIGNING_OFFICER_P12_FILE: join(dir, 'officer.p12'), SIGNING_OFFICER_P12_PASSWORD: SECRET };
    const t = await createTestApp({ env });
    try {
      const { signers } = expectOk(await t.gql(CONFIGURATION, {}, { token: await t.login('admin') })).signingConfiguration;
      expect(signers.map((s: any) => [s.keyId, s.custody, s.certificate.sha256])).toEqual([['officer', 'PKCS12_FILE', expect.any(String)]]);
      expect(JSON.stringify(t.logs)).not.toContain(SECRET);
    } finally {
      await t.close();
    }
    await expect(createTestApp({ env: { ...env, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) } })).rejects.toThrow(/PKCS#12 key files are for development only/);
  });
});
