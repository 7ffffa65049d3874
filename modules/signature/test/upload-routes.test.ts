import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, expectOk, type TestApp } from '@motcua/server/testing';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { sha256Hex } from '../src/pki/der.js';
import { documentBlobs } from '../src/store/blobs.js';
import { configureSigning } from '../src/signers/registry.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { testPki } from './support.js';

/**
 * PDFs over GraphQL's 700 000-byte base64 limit go as raw bytes to POST /signature/documents
 * (signers) and POST /signature/verify (public), up to 20 MB.
 */
let t: TestApp;
let pki: TestPki;
let admin: string;
let large: Uint8Array;

async function post(path: string, body: Uint8Array | string, options: { token?: string; lang?: string; method?: string } = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: options.method ?? 'POST',
    headers: { 'content-type': 'application/pdf', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.lang ? { 'accept-language': options.lang } : {}) },
    body: options.method === 'GET' ? undefined : Buffer.from(body),
  });
  return { status: response.status, json: await response.json() as any };
}

/** A refusal: the status, one typed error with Vietnamese and English messages. */
function refusedWith(answer: { status: number; json: any }, status: number, code: string) {
  expect([answer.status, answer.json.errors?.map((e: any) => e.extensions.code)], JSON.stringify(answer.json)).toEqual([status, [code]]);
  expect(answer.json.errors[0].extensions.messages).toEqual({ vi: expect.any(String), en: expect.any(String) });
}

beforeAll(async () => {
  [t, pki] = await Promise.all([createTestApp(), testPki()]);
  admin = await t.login('admin');
  configureSigning({ keys: { officer: { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: ['*'] } } });
  expectOk(await t.gql('mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number } }', { i: { name: 'Test root', certificateBase64: Buffer.from(pki.root.certificate).toString('base64') } }, { token: admin }));
  // A 1.2 MB result: a one-page PDF followed by a long comment (scanned attachments make results this big).
  const pdf = await sampleResultPdf({ number: '41/QD', date: '2026-11-26' });
  large = new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(`\n%${'x'.repeat(1_200_000)}\n`)]));
});
afterAll(() => t?.close());

describe('POST /signature/documents and /signature/verify', () => {
  test('a 1.2 MB result is stored, signed by id and verified publicly', async () => {
    const stored = await post('/signature/documents', large, { token: admin });
    expect(stored.status).toBe(200);
    expect(stored.json.data).toMatchObject({ sha256: sha256Hex(large), byteLength: large.length, kind: 'UPLOADED', previousVersionId: null });
    const again = await post('/signature/documents', large, { token: admin });
    expect(again.json.data.id).toBe(stored.json.data.id); // content-addressed: idempotent

    const signed = expectOk(await t.gql('mutation($i: SignDocumentInput!) { signDocument(input: $i) { status outputVersionId } }', {
      i: { documentVersionId: stored.json.data.id, expectedSha256: stored.json.data.sha256, role: 'OFFICER_PERSONAL', keyId: 'officer' },
    }, { token: admin })).signDocument;
    expect(signed.status).toBe('COMPLETED');

    const version = expectOk(await t.gql('query($id: ID!) { documentVersion(id: $id) { sha256 } }', { id: signed.outputVersionId }, { token: admin })).documentVersion;
    const bytes = await documentBlobs().get(version.sha256);
    expect(bytes.length).toBeGreaterThan(1_200_000);
    const verified = await post('/signature/verify', bytes); // anonymous
    expect(verified.status).toBe(200);
    expect(verified.json.data).toMatchObject({ overall: 'TOTAL_PASSED', id: expect.any(String), signatures: [{ indication: 'TOTAL_PASSED', level: 'PADES_B_B' }] });
    expect(JSON.stringify(verified.json)).not.toContain('"der"');
    const stored2 = expectOk(await t.gql('query($id: ID!) { verificationReport(id: $id) { overall } }', { id: verified.json.data.id })).verificationReport;
    expect(stored2.overall).toBe('TOTAL_PASSED');
  });

  test('refusals are typed, bilingual, with a matching status, and write nothing', async () => {
    const before = await t.count('signature_document_version', 'signature_verification');
    refusedWith(await post('/signature/documents', large), 401, 'UNAUTHENTICATED');
    refusedWith(await post('/signature/documents', large, { token: await t.login('chuyenvien') }), 403, 'FORBIDDEN');
    const notPdf = await post('/signature/documents', 'hello', { token: admin, lang: 'en' });
    refusedWith(notPdf, 400, 'BAD_USER_INPUT');
    expect(notPdf.json.errors[0].message).toMatch(/not a PDF/);
    refusedWith(await post('/signature/verify', new Uint8Array()), 400, 'BAD_USER_INPUT');
    refusedWith(await post('/signature/verify', new Uint8Array(20_000_001)), 413, 'PAYLOAD_TOO_LARGE');
    refusedWith(await post('/signature/verify', '', { method: 'GET' }), 405, 'BAD_REQUEST');
    expect(await t.count('signature_document_version', 'signature_verification')).toEqual(before);
  });
});
