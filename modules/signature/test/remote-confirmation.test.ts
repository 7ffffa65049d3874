import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSystemAdministrator } from '@motcua/identity/contract';
import { FixedClock } from '@motcua/kernel/contract';
import { createTestApp, expectOk, expectRefused, type TestApp } from '@motcua/server/testing';
import { MAX_CONFIRMATION_MS } from '../src/api/signing.service.js';
import { sampleResultPdf } from '../src/pdf/sample.js';
import { signPdf } from '../src/sign/sign-pdf.js';
import { configureSigning } from '../src/signers/registry.js';
import { RemoteHashSigner, RemoteSigningError } from '../src/signers/remote-hash.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { verifyPdf } from '../src/verify/verifier.js';
import { startSignHashServer } from './sign-hash-server.js';
import { testPki, testTimestamper } from './support.js';

/**
 * Remote signing services that wait for the key holder (VNPT SmartCA, Viettel MySign, …): the
 * hash is submitted, the service answers with a transaction, and the signature arrives only once
 * the key holder confirms on their phone — or never, when they refuse or let it expire.
 */
const DELAY_MS = 300;
const TOKEN = 'remote-secret';
let pki: TestPki;
let server: Awaited<ReturnType<typeof startSignHashServer>>;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const connect = (credentialId: string, extra = {}) => RemoteHashSigner.connect({ baseUrl: server.baseUrl, credentialId, apiToken: TOKEN, pollMs: 50, ...extra });

beforeAll(async () => {
  pki = await testPki();
  server = await startSignHashServer(
    { confirms: pki.officer.RSA, 'confirms-ec': pki.organisation.EC, rejects: pki.officer.EC, expires: pki.officer.RSA, instant: pki.officer.EC, 'an-hour': pki.officer.RSA },
    TOKEN,
    { confirms: { confirmAfterMs: DELAY_MS }, 'confirms-ec': { confirmAfterMs: DELAY_MS }, rejects: { rejectAfterMs: DELAY_MS }, expires: { expireAfterMs: DELAY_MS }, 'an-hour': { confirmAfterMs: 3_600_000, serviceExpiryMs: 3_600_000 } },
  );
});
afterAll(() => server?.close());

describe('the adapter waits for the confirmation', () => {
  const trust = () => ({ anchors: [pki.root.certificate], crls: [], version: 'test' });

  test('signPdf through a service that confirms after a delay verifies, and took at least the delay', async () => {
    const started = Date.now();
    const signed = await signPdf(await sampleResultPdf({ number: '1/QD', date: '2026-11-26' }), await connect('confirms'), { fieldName: 'Remote', claimedTime: new Date(), level: 'B_T', timestamper: testTimestamper(pki) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(DELAY_MS);
    expect((await verifyPdf(signed, trust(), { now: new Date() })).overall).toBe('TOTAL_PASSED');
    expect(server.requests.some((r) => r.path.startsWith('/credentials/confirms/transactions/'))).toBe(true);
  });

  test.each([
    ['rejects', {}, 'REJECTED', /refused to sign: Người dùng từ chối/],
    ['expires', {}, 'EXPIRED', /expired/],
    ['confirms', { confirmationTimeoutMs: 100 }, 'TIMEOUT', /in time/],
  ])('%s (%o) → RemoteSigningError %s', async (credential, options, code, message) => {
    const signer = await connect(credential, options);
    const error = await signer.sign(new Uint8Array([1, 2, 3]), { documentSha256: '0'.repeat(64) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteSigningError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });
});

describe('signDocument over GraphQL with a confirming service', () => {
  let t: TestApp;
  let admin: string;
  const SIGN = 'mutation($i: SignDocumentInput!) { signDocument(input: $i) { id status remoteTransactionId expiresAt outputVersionId failureReason } }';
  const POLL = 'mutation($id: ID!) { pollSignatureRequest(id: $id) { id status outputVersionId failureReason timestampTime } }';
  const REQUEST = 'query($id: ID!) { signatureRequest(id: $id) { id status remoteTransactionId failureReason } }';

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const adminId = expectOk(await t.gql('{ me { id } }', {}, { token: admin })).me.id;
    const key = async (credential: string, role: 'OFFICER_PERSONAL' | 'AGENCY_SEAL' = 'OFFICER_PERSONAL') => ({ signer: await connect(credential), role, operators: [adminId], custody: 'REMOTE_SIGN_HASH' as const });
    configureSigning({
      keys: { confirms: await key('confirms'), seal: await key('confirms-ec', 'AGENCY_SEAL'), rejects: await key('rejects'), expires: await key('expires'), instant: await key('instant') },
      timestamper: testTimestamper(pki),
    });
    expectOk(await t.gql('mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number } }', { i: { name: 'Test root', certificateBase64: b64(pki.root.certificate) } }, { token: admin }));
  });
  afterAll(() => t?.close());

  async function draft(number: string) {
    return expectOk(await t.gql('mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { id sha256 } }', { i: { contentBase64: b64(await sampleResultPdf({ number, date: '2026-11-26' })) } }, { token: admin })).uploadDocument;
  }
  const sign = async (version: { id: string; sha256: string }, keyId: string, role = 'OFFICER_PERSONAL', level = 'B_B') =>
    expectOk(await t.gql(SIGN, { i: { documentVersionId: version.id, expectedSha256: version.sha256, role, keyId, level } }, { token: admin })).signDocument;
  const poll = async (id: string) => expectOk(await t.gql(POLL, { id }, { token: admin })).pollSignatureRequest;

  test('PENDING with a transaction id until the key holder confirms, then COMPLETED; the officer signature and the remote seal both verify', async () => {
    const version = await draft('21/QD');
    const pending = await sign(version, 'confirms');
    expect(pending).toMatchObject({ status: 'PENDING_USER_CONFIRMATION', remoteTransactionId: expect.stringMatching(/^tx-/), outputVersionId: null });
    expect(new Date(pending.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await sign(version, 'confirms')).id).toBe(pending.id); // a retry finds the pending request
    expect(expectOk(await t.gql(REQUEST, { id: pending.id }, { token: admin })).signatureRequest).toMatchObject({ status: 'PENDING_USER_CONFIRMATION' });
    expect((await poll(pending.id)).status).toBe('PENDING_USER_CONFIRMATION');

    await sleep(DELAY_MS + 50);
    const done = await poll(pending.id);
    expect(done).toMatchObject({ status: 'COMPLETED', outputVersionId: expect.any(String) });
    expect((await poll(pending.id)).outputVersionId).toBe(done.outputVersionId); // polling a finished request changes nothing

    const signed = expectOk(await t.gql('query($id: ID!) { documentVersion(id: $id) { id sha256 } }', { id: done.outputVersionId }, { token: admin })).documentVersion;
    const seal = await sign(signed, 'seal', 'AGENCY_SEAL', 'B_T');
    await sleep(DELAY_MS + 50);
    const sealed = await poll(seal.id);
    expect(sealed.timestampTime).toBeTruthy();
    const report = expectOk(await t.gql('mutation($i: VerifyDocumentInput!) { verifyDocument(input: $i) { overall signatures { indication level } } }', { i: { documentVersionId: sealed.outputVersionId } })).verifyDocument;
    expect(report).toEqual({ overall: 'TOTAL_PASSED', signatures: [{ indication: 'TOTAL_PASSED', level: 'PADES_B_B' }, { indication: 'TOTAL_PASSED', level: 'PADES_B_T' }] });
  });

  test.each([
    ['rejects', /^REJECTED: Người dùng từ chối/],
    ['expires', /^EXPIRED$/],
  ])('%s: FAILED with the reason, audited, and the document may be signed again', async (keyId, reason) => {
    const version = await draft(`22/QD-${keyId}`);
    const pending = await sign(version, keyId);
    await sleep(DELAY_MS + 50);
    expect(await poll(pending.id)).toMatchObject({ status: 'FAILED', failureReason: expect.stringMatching(reason), outputVersionId: null });
    const retry = await sign(version, 'instant'); // a service that signs at once: completed in one call
    expect(retry).toMatchObject({ status: 'COMPLETED' });
    const actions = await t.app.orm.em.fork().execute<{ action: string }[]>("select action from kernel_audit where entity_id = ? order by seq", [pending.id]);
    expect(actions.map((a) => a.action)).toEqual(['signature.remote.pending', 'signature.remote.failed']);
  });

  test("a request is its requester's: other signers get NOT_FOUND, callers without signature.sign FORBIDDEN", async () => {
    const pending = await sign(await draft('23/QD'), 'confirms');
    await t.app.orm.em.fork().transactional((em) => createSystemAdministrator(em, { username: 'admin2', password: 'Another@2026pass', fullName: 'Quản trị hai' }, new Date()));
    const otherSigner = await t.login('admin2', 'Another@2026pass');
    expectRefused(await t.gql(REQUEST, { id: pending.id }, { token: otherSigner }), 'NOT_FOUND');
    expectRefused(await t.gql(POLL, { id: pending.id }, { token: otherSigner }), 'NOT_FOUND');
    for (const username of ['chuyenvien', 'giamsat']) expectRefused(await t.gql(POLL, { id: pending.id }, { token: await t.login(username) }), 'FORBIDDEN', username);
    expectRefused(await t.gql(REQUEST, { id: pending.id }), 'UNAUTHENTICATED');
  });
});

describe('our own limits on a pending request', () => {
  const clock = new FixedClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let admin: string;
  const SIGN = 'mutation($i: SignDocumentInput!) { signDocument(input: $i) { id status expiresAt } }';
  const POLL = 'mutation($id: ID!) { pollSignatureRequest(id: $id) { status failureReason } }';

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.login('admin');
    // A service that would wait an hour: our cap (5 minutes) decides.
    configureSigning({ keys: { slow: { signer: await connect('an-hour'), role: 'OFFICER_PERSONAL', operators: ['*'] } } });
  });
  afterAll(() => t?.close());

  async function pendingRequest(number: string) {
    const version = expectOk(await t.gql('mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { id sha256 } }', { i: { contentBase64: b64(await sampleResultPdf({ number, date: '2026-11-26' })) } }, { token: admin })).uploadDocument;
    return expectOk(await t.gql(SIGN, { i: { documentVersionId: version.id, expectedSha256: version.sha256, role: 'OFFICER_PERSONAL', keyId: 'slow' } }, { token: admin })).signDocument;
  }

  test('expires at the earlier of the service expiry and 5 minutes; a poll after it ends the request without asking the service', async () => {
    const pending = await pendingRequest('51/QD');
    expect(new Date(pending.expiresAt).getTime()).toBe(clock.now().getTime() + MAX_CONFIRMATION_MS); // the service would wait an hour
    clock.advance(MAX_CONFIRMATION_MS - 1);
    expect(expectOk(await t.gql(POLL, { id: pending.id }, { token: admin })).pollSignatureRequest).toEqual({ status: 'PENDING_USER_CONFIRMATION', failureReason: null });
    clock.advance(1);
    const polls = server.requests.length;
    expect(expectOk(await t.gql(POLL, { id: pending.id }, { token: admin })).pollSignatureRequest).toEqual({ status: 'FAILED', failureReason: 'EXPIRED' });
    expect(server.requests.length).toBe(polls);
  });

  test('a request whose key is no longer configured ends FAILED', async () => {
    admin = await t.login('admin');
    const pending = await pendingRequest('52/QD');
    configureSigning({ keys: { slow: { signer: pki.officer.RSA.signer(), role: 'OFFICER_PERSONAL', operators: ['*'] } } }); // replaced by a key that cannot confirm
    expect(expectOk(await t.gql(POLL, { id: pending.id }, { token: admin })).pollSignatureRequest).toEqual({ status: 'FAILED', failureReason: 'the signing key is no longer configured' });
  });
});
