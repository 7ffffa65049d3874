import { createPrivateKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { sha256Hex } from '../src/pki/der.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import { configureSigning } from '../src/signers/registry.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { testPki, testTimestamper } from './support.js';

let t: TestApp;
let pki: TestPki;
let admin: string;
let adminId: string;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function ok<T = any>(result: { data?: T; errors?: unknown[] }, label: string): T {
  expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data as T;
}
function refused(result: { errors?: Array<{ extensions: { code: string } }> }, code: string) {
  expect(result.errors?.map((e) => e.extensions.code), JSON.stringify(result.errors)).toEqual([code]);
}

const UPLOAD = 'mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { id sha256 documentId kind } }';
const SIGN = 'mutation($i: SignDocumentInput!) { signDocument(input: $i) { id status role level outputVersionId timestampTime signerSubject } }';
const VERIFY = `mutation($i: VerifyDocumentInput!) { verifyDocument(input: $i) { id overall trustListVersion
  signatures { index indication subIndication level coversWholeDocument signer { commonName } checks { name passed } } } }`;
const VERSION = 'query($id: ID!) { documentVersion(id: $id) { id sha256 kind previousVersionId } }';
const PREPARE = 'mutation($i: PrepareClientSignatureInput!) { prepareClientSignature(input: $i) { sessionId digestBase64 signedAttributesBase64 digestAlgorithm } }';
const COMPLETE = 'mutation($i: CompleteClientSignatureInput!) { completeClientSignature(input: $i) { id status outputVersionId } }';

async function upload(pdf: Uint8Array, previousVersionId?: string) {
  return ok(await t.gql(UPLOAD, { i: { contentBase64: b64(pdf), previousVersionId } }, { token: admin }), 'upload').uploadDocument;
}

async function auditActions(): Promise<string[]> {
  const rows = await t.app.orm.em.fork().execute<{ action: string }[]>("select action from kernel_audit where action like 'signature.%' order by seq");
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  [t, pki] = await Promise.all([createTestApp(), testPki()]);
  admin = await t.login('admin');
  adminId = ok(await t.gql('{ me { id } }', {}, { token: admin }), 'me').me.id;
  configureSigning({
    keys: {
      'officer-rsa': { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: [adminId] },
      'seal-ec': { signer: pki.organisation.EC.signer(), role: 'AGENCY_SEAL', operators: [adminId] },
      'officer-other': { signer: pki.officer.EC.signer(), role: 'OFFICER_PERSONAL', operators: ['someone-else'] },
    },
    timestamper: testTimestamper(pki),
  });
  ok(await t.gql('mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number } }', { i: { name: 'Motcua Test Root', certificateBase64: b64(pki.root.certificate) } }, { token: admin }), 'anchor');
});
afterAll(() => t?.close());

describe('signDocument and verifyDocument over GraphQL', () => {
  test('officer then agency seal: new versions, idempotent, both signatures pass, audited', async () => {
    const draft = await upload(await sampleResultPdf({ number: '7/QD-STP', date: '2026-11-26' }));
    refused(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: '0'.repeat(64), role: 'OFFICER_PERSONAL', keyId: 'officer-rsa' } }, { token: admin }), 'CONFLICT');
    refused(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'AGENCY_SEAL', keyId: 'seal-ec' } }, { token: admin }), 'INVALID_TRANSITION');
    refused(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer-other' } }, { token: admin }), 'FORBIDDEN');

    const box = { x: 350, y: 80, width: 180, height: 90 };
    refused(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer-rsa', appearance: { ...box, width: -1 } } }, { token: admin }), 'BAD_USER_INPUT');
    const officer = ok(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer-rsa', appearance: box } }, { token: admin }), 'officer').signDocument;
    expect(officer).toMatchObject({ status: 'COMPLETED', level: 'B_B', timestampTime: null });
    const again = ok(await t.gql(SIGN, { i: { documentVersionId: draft.id, expectedSha256: draft.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer-rsa' } }, { token: admin }), 'retry').signDocument;
    expect(again.id).toBe(officer.id);

    const signed1 = ok(await t.gql(VERSION, { id: officer.outputVersionId }, { token: admin }), 'v1').documentVersion;
    expect(signed1).toMatchObject({ kind: 'SIGNED', previousVersionId: draft.id });
    const seal = ok(await t.gql(SIGN, { i: { documentVersionId: signed1.id, expectedSha256: signed1.sha256, role: 'AGENCY_SEAL', level: 'B_T', keyId: 'seal-ec', appearance: box } }, { token: admin }), 'seal').signDocument;
    expect(seal.timestampTime).toBeTruthy();

    const report = ok(await t.gql(VERIFY, { i: { documentVersionId: seal.outputVersionId } }), 'verify (anonymous)').verifyDocument;
    expect(report.overall).toBe('TOTAL_PASSED');
    expect(report.trustListVersion).toMatch(/^v1:/);
    expect(report.signatures.map((s: any) => [s.indication, s.level, s.coversWholeDocument])).toEqual([['TOTAL_PASSED', 'PADES_B_B', false], ['TOTAL_PASSED', 'PADES_B_T', true]]);
    const records = ok(await t.gql('query($id: ID!) { signatureRecords(documentVersionId: $id) { role status } }', { id: draft.id }, { token: admin }), 'records').signatureRecords;
    expect(records).toEqual([{ role: 'OFFICER_PERSONAL', status: 'COMPLETED' }, { role: 'AGENCY_SEAL', status: 'COMPLETED' }]);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'signature.sign')).toHaveLength(2);
    expect(actions.filter((a) => a === 'signature.sign.failed').length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('signature.verify');
  });

  test('verifies an upload (public) against the trust list, including an uploaded CRL', async () => {
    const pdf = await signPdf(await sampleResultPdf({ number: '8/QD', date: '2026-11-26' }), pki.revokedOfficer.signer(), { fieldName: 'CaNhan', claimedTime: new Date(), level: 'B_B' });
    const before = ok(await t.gql(VERIFY, { i: { contentBase64: b64(pdf) } }), 'verify').verifyDocument;
    expect(before.overall).toBe('TOTAL_PASSED');
    const crl = await pki.crl(pki.issuing.RSA, [pki.revokedOfficer]);
    refused(await t.gql('mutation($i: UploadCrlInput!) { uploadCrl(input: $i) { number } }', { i: { crlBase64: b64(crl) } }, { token: admin }), 'BAD_USER_INPUT');
    const list = ok(await t.gql('mutation($i: UploadCrlInput!) { uploadCrl(input: $i) { number label crls { subject } } }', { i: { crlBase64: b64(crl), issuerCertificateBase64: b64(pki.issuing.RSA.certificate) } }, { token: admin }), 'crl').uploadCrl;
    expect(list.crls).toHaveLength(1);
    const after = ok(await t.gql(VERIFY, { i: { contentBase64: b64(pdf) } }), 'verify').verifyDocument;
    expect([after.overall, after.signatures[0].subIndication, after.trustListVersion]).toEqual(['INDETERMINATE', 'REVOKED_NO_POE', list.label]);
    const stored = ok(await t.gql('query($id: ID!) { verificationReport(id: $id) { overall trustListVersion } }', { id: after.id }), 'report').verificationReport;
    expect(stored).toEqual({ overall: 'INDETERMINATE', trustListVersion: list.label });
  });

  test('refuses callers without permission, bad input and oversized uploads (the cap sits under the 1 MB body limit)', async () => {
    const citizen = await t.login('congdan');
    refused(await t.gql(UPLOAD, { i: { contentBase64: b64(await sampleResultPdf({ number: '1', date: '2' })) } }, { token: citizen }), 'FORBIDDEN');
    refused(await t.gql('mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number } }', { i: { name: 'x', certificateBase64: b64(pki.rogueRoot.certificate) } }, { token: citizen }), 'FORBIDDEN');
    refused(await t.gql(VERIFY, { i: { contentBase64: b64(new TextEncoder().encode('hello')) } }), 'BAD_USER_INPUT');
    const big = new Uint8Array(700_001).fill(0x20);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    refused(await t.gql(VERIFY, { i: { contentBase64: b64(big) } }), 'BAD_USER_INPUT');
  });
});

test('signingKeys lists only the keys the caller operates, with their certificates', async () => {
  const keys = ok(await t.gql('{ signingKeys { keyId role certificate { commonName sha256 notAfter } } }', {}, { token: admin }), 'keys').signingKeys;
  expect(keys.map((k: any) => [k.keyId, k.role, k.certificate.commonName])).toEqual([
    ['officer-rsa', 'OFFICER_PERSONAL', 'Nguyễn Văn Ánh'],
    ['seal-ec', 'AGENCY_SEAL', 'Sở Tư pháp tỉnh Thanh Hóa (EC)'],
  ]);
});

test('private keys never reach the database or the logs', async () => {
  const secrets = [pki.officer.RSA, pki.organisation.EC, pki.officer.EC].map((identity) => Buffer.from(identity.pkcs8).toString('base64').slice(40, 100));
  const em = t.app.orm.em.fork();
  const tables = ['signature_record', 'signature_document_version', 'signature_trust_list', 'signature_verification', 'kernel_audit'];
  const dump = JSON.stringify(await Promise.all(tables.map((table) => em.execute(`select * from ${table}`))));
  expect(dump).toContain('signature.sign');
  for (const secret of secrets) {
    expect(dump).not.toContain(secret);
    expect(JSON.stringify(t.logs)).not.toContain(secret);
  }
});

describe('two-phase client (USB token) flow', () => {
  const token = () => pki.officer.EC;
  const prepare = async (version: { id: string; sha256: string }) =>
    ok(await t.gql(PREPARE, { i: { documentVersionId: version.id, expectedSha256: version.sha256, role: 'OFFICER_PERSONAL', certificateBase64: b64(token().certificate), chainBase64: token().chain.map(b64) } }, { token: admin }), 'prepare').prepareClientSignature;

  test('prepare, sign on the token, complete: the result verifies', async () => {
    const draft = await upload(await sampleResultPdf({ number: '9/QD', date: '2026-11-26' }));
    const session = await prepare(draft);
    expect(session.digestBase64).toBe(Buffer.from(sha256Hex(Buffer.from(session.signedAttributesBase64, 'base64')), 'hex').toString('base64'));
    // The token answers raw r‖s (IEEE P1363), as many do; the server converts it to DER.
    const key = createPrivateKey({ key: Buffer.from(token().pkcs8), format: 'der', type: 'pkcs8' });
    const value = new Uint8Array(sign('sha256', Buffer.from(session.signedAttributesBase64, 'base64'), { key, dsaEncoding: 'ieee-p1363' }));
    expect(value).toHaveLength(64);
    refused(await t.gql(COMPLETE, { i: { sessionId: session.sessionId, signatureValueBase64: b64(value.map((b, i) => (i === 10 ? b ^ 1 : b))) } }, { token: admin }), 'BAD_USER_INPUT');
    const done = ok(await t.gql(COMPLETE, { i: { sessionId: session.sessionId, signatureValueBase64: b64(value) } }, { token: admin }), 'complete').completeClientSignature;
    expect(done.status).toBe('COMPLETED');
    const report = ok(await t.gql(VERIFY, { i: { documentVersionId: done.outputVersionId } }), 'verify').verifyDocument;
    expect(report.signatures.map((s: any) => [s.indication, s.signer.commonName])).toEqual([['TOTAL_PASSED', 'Trần Thị Bình']]);
  });

  test('a document changed between prepare and complete is refused', async () => {
    const draft = await upload(await sampleResultPdf({ number: '10/QD', date: '2026-11-26' }));
    const session = await prepare(draft);
    await upload(await sampleResultPdf({ number: '10/QD', date: '2026-11-27' }), draft.id);
    const value = await token().signer().sign(new Uint8Array(Buffer.from(session.signedAttributesBase64, 'base64')));
    refused(await t.gql(COMPLETE, { i: { sessionId: session.sessionId, signatureValueBase64: b64(value) } }, { token: admin }), 'CONFLICT');
    expect(await auditActions()).toContain('signature.complete.failed');
  });
});
