import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { sha256Hex } from '../src/pki/der.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import { DevelopmentOnlyError, openPkcs12 } from '../src/signers/pkcs12.js';
import { RemoteHashSigner } from '../src/signers/remote-hash.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { startSignHashServer } from './sign-hash-server.js';
import { hasTool, tempDir, testPki, testTimestamper } from './support.js';

let pki: TestPki;
let unsigned: Uint8Array;
const trust = () => ({ anchors: [pki.root.certificate], crls: [], version: 'test' });
const pem = (label: string, der: Uint8Array) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;

beforeAll(async () => {
  pki = await testPki();
  unsigned = await sampleResultPdf({ number: '5/QD', date: '2026-11-26' });
});

describe('remote sign-hash service', () => {
  let server: Awaited<ReturnType<typeof startSignHashServer>>;
  beforeAll(async () => {
    server = await startSignHashServer({ 'officer-rsa': pki.officer.RSA, 'seal-ec': pki.organisation.EC }, 'secret-token');
  });
  afterAll(() => server?.close());

  test.each(['officer-rsa', 'seal-ec'])('%s signs a PAdES B-T that verifies; only the hash leaves', async (credentialId) => {
    const signer = await RemoteHashSigner.connect({ baseUrl: server.baseUrl, credentialId, apiToken: 'secret-token' });
    const signed = await signPdf(unsigned, signer, { fieldName: 'Remote', claimedTime: new Date(), level: 'B_T', timestamper: testTimestamper(pki), reason: 'Ký số từ xa' });
    const report = await verifyPdf(signed, trust(), { now: new Date() });
    expect([report.overall, report.signatures[0]!.level]).toEqual(['TOTAL_PASSED', 'PADES_B_T']);
    const signRequest = server.requests.at(-1)!;
    expect(signRequest.path).toBe(`/credentials/${credentialId}/sign-hash`);
    expect(Object.keys(signRequest.body).sort()).toEqual(['documentSha256', 'hash', 'hashAlgorithm', 'purpose']);
    expect(signRequest.body.documentSha256).toBe(sha256Hex(unsigned));
  });

  test('a wrong token or credential fails with the service message', async () => {
    await expect(RemoteHashSigner.connect({ baseUrl: server.baseUrl, credentialId: 'officer-rsa', apiToken: 'wrong' })).rejects.toThrow(/HTTP 401 bad token/);
    await expect(RemoteHashSigner.connect({ baseUrl: server.baseUrl, credentialId: 'nobody', apiToken: 'secret-token' })).rejects.toThrow(/HTTP 404/);
  });
});

describe('PKCS#12 (development only)', () => {
  const HAS_OPENSSL = hasTool('openssl');

  /** Exports an identity as a password-protected .p12 with OpenSSL's defaults (PBES2/AES-256, PBKDF2-SHA256). */
  function p12Of(identity: TestPki['officer']['RSA'], password: string): Uint8Array {
    const dir = tempDir();
    writeFileSync(join(dir, 'key.pem'), pem('PRIVATE KEY', identity.pkcs8));
    writeFileSync(join(dir, 'cert.pem'), pem('CERTIFICATE', identity.certificate));
    writeFileSync(join(dir, 'chain.pem'), identity.chain.map((c) => pem('CERTIFICATE', c)).join(''));
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(dir, 'key.pem'), '-in', join(dir, 'cert.pem'), '-certfile', join(dir, 'chain.pem'), '-out', join(dir, 'id.p12'), '-passout', `pass:${password}`]);
    return new Uint8Array(readFileSync(join(dir, 'id.p12')));
  }

  test.skipIf(!HAS_OPENSSL).each(['RSA', 'EC'] as const)('opens an encrypted %s .p12 and signs with it', async (kind) => {
    const signer = await openPkcs12(p12Of(pki.officer[kind], 'Mật khẩu 2026'), 'Mật khẩu 2026', 'development');
    expect(Buffer.from(await signer.certificate()).equals(Buffer.from(pki.officer[kind].certificate))).toBe(true);
    const signed = await signPdf(unsigned, signer, { fieldName: 'P12', claimedTime: new Date(), level: 'B_B' });
    expect((await verifyPdf(signed, trust(), { now: new Date() })).overall).toBe('TOTAL_PASSED');
  });

  test.skipIf(!HAS_OPENSSL)('refuses a wrong password, and refuses to run at all in production', async () => {
    const p12 = p12Of(pki.officer.RSA, 'right');
    await expect(openPkcs12(p12, 'wrong', 'development')).rejects.toThrow();
    await expect(openPkcs12(p12, 'right', 'production')).rejects.toBeInstanceOf(DevelopmentOnlyError);
  });
});
