import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendAudit, FixedClock } from '@motcua/kernel/contract';
import { createTestApp, expectOk, expectRefused, type TestApp } from '@motcua/server/testing';
import { ANCHOR_EVERY_MS, checkAuditAnchors } from '../src/anchor/audit-anchor.js';
import { LocalTsa, TsaClient } from '../src/cms/timestamp.js';
import { configureSigning } from '../src/signers/registry.js';
import type { TestPki } from '../src/testing/test-pki.js';
import { testPki } from './support.js';
import identity from '@motcua/identity';
import kernel from '@motcua/kernel';
import signature from '../src/index.js';

/**
 * The periodic job that timestamps the head of the kernel's hash-chained audit log, and the
 * check that re-verifies every stored anchor against the chain. Time is a FixedClock: the job
 * runs when the clock says so and the in-process TSA stamps the clock's time.
 */
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000); // inside the test certificates' validity
const REPORT = `{ auditAnchorReport { ok chain { ok checked firstBrokenSeq firstBrokenReason }
  anchors { seq headHash genTime tsa tokenValid hashMatches problems } } }`;
const clock = new FixedClock(T0);
let t: TestApp;
let pki: TestPki;
let admin: string;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sql = <T = any>(query: string, params: unknown[] = []) => t.app.orm.em.fork().execute<T[]>(query, params);
const head = async () => (await sql<{ seq: number; hash: string }>('select seq, hash from kernel_audit order by seq desc limit 1'))[0]!;
/** The check through GraphQL (signing in writes an audit row, so the steps below call the service). */
const reportOverGraphql = async () => expectOk(await t.gql(REPORT, {}, { token: await t.login('admin') })).auditAnchorReport;
const report = () => checkAuditAnchors(t.app.orm.em.fork());
/** Something audited happens (the log grows by one row). */
const somethingAudited = async (what: string) => {
  const em = t.app.orm.em.fork();
  await em.transactional((tx) => appendAudit(tx, { actorId: null, action: 'test.event', entityType: 'Test', entityId: what }, clock.now()));
};
const anchors = () => sql<{ seq: number }>('select seq from signature_audit_anchor order by seq');

beforeAll(async () => {
  // Only the modules it needs: the job counts below must not include other modules' recurring jobs.
  [t, pki] = await Promise.all([createTestApp({ clock, modules: [kernel, identity, signature] }), testPki()]);
  admin = await t.login('admin');
  expectOk(await t.gql('mutation($i: AddTrustAnchorInput!) { addTrustAnchor(input: $i) { number } }', { i: { name: 'Test root', certificateBase64: b64(pki.root.certificate) } }, { token: admin }));
  await t.app.jobs.ensureRecurring();
});
afterAll(() => t?.close());

describe('anchoring the audit-log head', () => {
  test('without a TSA the job skips (and says so) and stores nothing', async () => {
    expect(await t.app.jobs.drain()).toBe(1);
    expect(await anchors()).toEqual([]);
    expect(t.logs.some((l) => l.msg === 'audit anchor skipped: no TSA configured')).toBe(true);
  });

  test('with a TSA: stamps the head once per period, only when the log grew, at the TSA time', async () => {
    configureSigning({ timestamper: new TsaClient(new LocalTsa(pki.tsa.signer(), clock)), tsa: { kind: 'IN_PROCESS', certificate: pki.tsa.certificate } });
    clock.advance(ANCHOR_EVERY_MS - 1);
    expect(await t.app.jobs.drain()).toBe(0); // not due yet
    clock.advance(1);
    expect(await t.app.jobs.drain()).toBe(1);
    const first = await head();
    const [stored] = (await report()).anchors;
    expect(stored).toMatchObject({ seq: Number(first.seq), headHash: first.hash, genTime: new Date(T0.getTime() + ANCHOR_EVERY_MS), tsa: 'IN_PROCESS', tokenValid: true, hashMatches: true, problems: [] });

    clock.advance(ANCHOR_EVERY_MS);
    expect(await t.app.jobs.drain()).toBe(1); // ran, but the head is already anchored
    expect(await anchors()).toHaveLength(1);

    await somethingAudited('after the first anchor');
    clock.advance(ANCHOR_EVERY_MS);
    expect(await t.app.jobs.drain()).toBe(1);
    expect((await anchors()).map((a) => Number(a.seq))).toEqual([Number(first.seq), Number((await head()).seq)]);
    const checked = await reportOverGraphql();
    expect(checked.ok).toBe(true);
    expect(checked.chain).toEqual({ ok: true, checked: Number((await head()).seq), firstBrokenSeq: null, firstBrokenReason: null });
    expect(checked.anchors.map((a: any) => [a.tokenValid, a.hashMatches, a.genTime])).toEqual([
      [true, true, new Date(T0.getTime() + ANCHOR_EVERY_MS).toISOString()], [true, true, new Date(T0.getTime() + 3 * ANCHOR_EVERY_MS).toISOString()],
    ]);
  });

  test('the check catches a rewritten row at an anchored position and a tampered token', async () => {
    const [first, second] = (await report()).anchors;
    await sql('update kernel_audit set hash = ? where seq = ?', ['f'.repeat(64), first.seq]);
    const token = Buffer.from((await sql<{ token: string }>('select token from signature_audit_anchor where seq = ?', [second.seq]))[0]!.token, 'base64');
    token[token.length - 10] ^= 0x01; // inside the TSA's signature value
    await sql('update signature_audit_anchor set token = ? where seq = ?', [token.toString('base64'), second.seq]);
    const checked = await reportOverGraphql();
    expect(checked.ok).toBe(false);
    expect(checked.chain).toMatchObject({ ok: false, firstBrokenSeq: first.seq });
    expect(checked.anchors[0]).toMatchObject({ tokenValid: true, hashMatches: false, problems: [`audit row ${first.seq} no longer has the anchored hash`] });
    expect(checked.anchors[1]).toMatchObject({ tokenValid: false, hashMatches: true });
    expect(checked.anchors[1].problems.join()).toMatch(/signature/);
  });

  test('only holders of signature.keys.read may run the check', async () => {
    for (const username of ['quantri', 'giamsat', 'congdan']) expectRefused(await t.gql(REPORT, {}, { token: await t.login(username) }), 'FORBIDDEN', username);
    expectRefused(await t.gql(REPORT), 'UNAUTHENTICATED');
  });
});
