import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, expectOk } from '@motcua/server/testing';
import { configureSigning } from '../src/signers/registry.js';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import { Pkcs11Signer } from '../src/signers/pkcs11.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { hasPkcs11Binding, hasTool, opensslVerifyAll, tempDir, testPki, testTimestamper } from './support.js';

const LIBRARY = '/usr/lib/softhsm/libsofthsm2.so';
const HAS_SOFTHSM = hasTool('softhsm2-util') && (existsSync(LIBRARY) || !!process.env.CI) && hasPkcs11Binding();
const PIN = '123456';
let pki: TestPki;
const signers: Pkcs11Signer[] = [];

/** A fresh SoftHSM2 token (own config and token directory) holding the test organisation keys. */
function initToken(identities: Array<[string, Uint8Array]>): void {
  const dir = tempDir();
  writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = join(dir, 'softhsm2.conf');
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'motcua', '--pin', PIN, '--so-pin', '654321']);
  identities.forEach(([label, pkcs8], i) => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.from(pkcs8).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
    writeFileSync(join(dir, `${label}.pem`), pem);
    execFileSync('softhsm2-util', ['--import', join(dir, `${label}.pem`), '--token', 'motcua', '--label', label, '--id', `0${i + 1}`, '--pin', PIN]);
  });
}

describe.skipIf(!HAS_SOFTHSM)('PKCS#11 HSM (SoftHSM2)', () => {
  beforeAll(async () => {
    pki = await testPki();
    initToken([['seal-rsa', pki.organisation.RSA.pkcs8], ['seal-ec', pki.organisation.EC.pkcs8]]);
  });
  afterAll(() => signers.forEach((s) => s.close()));

  test.each(['RSA', 'EC'] as const)('the agency seal signs inside the token (%s) after the officer', async (kind) => {
    const seal = Pkcs11Signer.open({ library: LIBRARY, tokenLabel: 'motcua', pin: PIN, keyLabel: `seal-${kind.toLowerCase()}`, algorithm: kind, certificate: pki.organisation[kind].certificate, chain: pki.organisation[kind].chain });
    signers.push(seal);
    try {
      const officer = await signPdf(await sampleResultPdf({ number: '3/QD', date: '2026-11-26' }), pki.officer.RSA.signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B' });
      const signed = await signPdf(officer, seal, { fieldName: 'CoQuan', claimedTime: new Date(), level: 'B_T', timestamper: testTimestamper(pki) });
      const report = await verifyPdf(signed, { anchors: [pki.root.certificate], crls: [], version: 'test' }, { now: new Date() });
      expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
      if (hasTool('openssl')) expect(opensslVerifyAll(signed, pki.root.certificate)).toEqual([0, 0]);
    } finally {
      signers.splice(signers.indexOf(seal), 1);
      seal.close();
    }
  });

  test('a wrong PIN or an unknown key label is refused', () => {
    const base = { library: LIBRARY, tokenLabel: 'motcua', algorithm: 'EC' as const, certificate: new Uint8Array() };
    expect(() => Pkcs11Signer.open({ ...base, pin: '000000', keyLabel: 'seal-ec' })).toThrow(/PIN_INCORRECT/);
    expect(() => Pkcs11Signer.open({ ...base, pin: PIN, keyLabel: 'missing' })).toThrow(/no private key labelled missing/);
  });

  test('configured from the environment at start-up, the HSM seal signs over GraphQL and is listed as PKCS11_HSM', async () => {
    const dir = tempDir();
    const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    writeFileSync(join(dir, 'seal.pem'), [pki.organisation.EC.certificate, ...pki.organisation.EC.chain].map(pem).join(''));
    const t = await createTestApp({
      env: { SIGNING_SEAL_PKCS11_LIBRARY: LIBRARY, SIGNING_SEAL_PKCS11_TOKEN: 'motcua', SIGNING_SEAL_PKCS11_PIN: PIN, SIGNING_SEAL_PKCS11_KEY_LABEL: 'seal-ec', SIGNING_SEAL_PKCS11_CERTIFICATE: join(dir, 'seal.pem') },
    });
    try {
      const admin = await t.login('admin');
      configureSigning({ keys: { 'officer-test': { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: ['*'] } } });
      const listed = expectOk(await t.gql('{ signingConfiguration { signers { keyId custody certificate { keyAlgorithm commonName } } } }', {}, { token: admin })).signingConfiguration.signers;
      expect(listed[0]).toEqual({ keyId: 'seal', custody: 'PKCS11_HSM', certificate: { keyAlgorithm: 'EC P-256', commonName: 'Sở Tư pháp tỉnh Thanh Hóa (EC)' } });
      const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
      const SIGN = 'mutation($i: SignDocumentInput!) { signDocument(input: $i) { status outputVersionId } }';
      const VERSION = 'query($id: ID!) { documentVersion(id: $id) { id sha256 } }';
      const draft = expectOk(await t.gql('mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { id sha256 } }', { i: { contentBase64: b64(await sampleResultPdf({ number: '4/QD', date: '2026-11-26' })) } }, { token: admin })).uploadDocument;
      const officer = expectOk(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer-test' } }, { token: admin })).signDocument;
      const signed = expectOk(await t.gql(VERSION, { id: officer.outputVersionId }, { token: admin })).documentVersion;
      const seal = expectOk(await t.gql(SIGN, { i: { documentVersionId: signed.id, expectedSha256: signed.sha256, role: 'AGENCY_SEAL', keyId: 'seal' } }, { token: admin })).signDocument;
      expect(seal.status).toBe('COMPLETED');
    } finally {
      await t.close();
    }
  });
});
