import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/knex';
import { appendAudit, AuditRecord, auditHash, type AuditVerification, verifyAuditChain } from '@motcua/kernel/contract';
import { createTestApp, type TestApp } from '@motcua/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, runTypeScript, type SharedDatabase, sharedDatabase, sql, startKernelApp, T0 } from './support/harness.js';

/**
 * Acceptance (audit): tampering with one row in the database is reported by the verify
 * command at exactly that row. The chain is built by real audited mutations (identity's
 * createAgency as the demo administrator).
 */
const CREATE_AGENCY = 'mutation($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id } } }';

class Rollback extends Error {}

/** Tampers inside a transaction, verifies what that transaction sees, then rolls it all back. */
async function verifyTampered(t: TestApp, tamper: (em: EntityManager) => Promise<unknown>, pageSize?: number): Promise<AuditVerification> {
  let result: AuditVerification | undefined;
  await t.app.orm.em
    .fork()
    .transactional(async (tx) => {
      await tamper(tx);
      result = await verifyAuditChain(tx, pageSize);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result!;
}

describe('audit chain built by real mutations', () => {
  let database: SharedDatabase;
  let t: TestApp;
  let length: number;
  let middle: number;

  beforeAll(async () => {
    database = await sharedDatabase();
    t = await createTestApp({ databaseUrl: database.url });
    const token = await t.login('admin');
    for (let i = 1; i <= 5; i++) {
      const input = { code: `AUDIT.${i}`, name: `Tỉnh kiểm thử nhật ký ${i}`, kind: 'PROVINCE' };
      const result = await t.gql(CREATE_AGENCY, { input }, { token });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    }
    length = (await t.count('kernel_audit')).kernel_audit;
    middle = Math.ceil(length / 2);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('verifies while untouched', async () => {
    expect(length).toBeGreaterThanOrEqual(5);
    const [row] = await sql(t, 'select action from kernel_audit where seq = ?', [middle]);
    expect(row?.action).toBe('identity.agency.create'); // the rows being tampered with are real ones
    expect(await verifyAuditChain(t.app.orm.em.fork())).toEqual({ ok: true, checked: length });
  });

  const hex = (c: string) => c.repeat(64);
  const TAMPERING: Array<{ name: string; reason: NonNullable<AuditVerification['firstBroken']>['reason']; tamper: (em: EntityManager, seq: number) => Promise<unknown> }> = [
    { name: 'changed data', reason: 'HASH_MISMATCH', tamper: (em, seq) => em.execute('update kernel_audit set data = ? where seq = ?', [JSON.stringify({ code: 'FORGED' }), seq]) },
    { name: 'changed action', reason: 'HASH_MISMATCH', tamper: (em, seq) => em.execute(`update kernel_audit set action = 'identity.agency.delete' where seq = ?`, [seq]) },
    { name: 'removed actor', reason: 'HASH_MISMATCH', tamper: (em, seq) => em.execute('update kernel_audit set actor_id = null where seq = ?', [seq]) },
    { name: 'moved time by 1 ms', reason: 'HASH_MISMATCH', tamper: (em, seq) => em.execute('update kernel_audit set at = at + 1 where seq = ?', [seq]) },
    { name: 'replaced hash', reason: 'HASH_MISMATCH', tamper: (em, seq) => em.execute('update kernel_audit set hash = ? where seq = ?', [hex('a'), seq]) },
    { name: 'rewritten previous hash', reason: 'PREVIOUS_HASH_MISMATCH', tamper: (em, seq) => em.execute('update kernel_audit set prev_hash = ? where seq = ?', [hex('b'), seq]) },
    { name: 'deleted row', reason: 'MISSING_ROW', tamper: (em, seq) => em.execute('delete from kernel_audit where seq = ?', [seq]) },
  ];

  describe.each(TAMPERING)('a $name', ({ reason, tamper }) => {
    it.each([1, 2, 1_000])(`is reported at exactly that row as ${reason} (page size %i)`, async (pageSize) => {
      const result = await verifyTampered(t, (em) => tamper(em, middle), pageSize);
      expect(result).toEqual({ ok: false, checked: middle - 1, firstBroken: { seq: middle, reason } });
    });
  });

  it('a tampered first or last row is found too', async () => {
    for (const seq of [1, length]) {
      const result = await verifyTampered(t, (em) => TAMPERING[0].tamper(em, seq));
      expect(result.firstBroken).toEqual({ seq, reason: 'HASH_MISMATCH' });
    }
  });

  it('a row forged together with a recomputed hash breaks the link from the next row', async () => {
    const result = await verifyTampered(t, async (em) => {
      const row = await em.findOneOrFail(AuditRecord, { seq: middle }, { disableIdentityMap: true });
      const forged = { ...row, seq: Number(row.seq), at: Number(row.at), action: 'identity.agency.delete' };
      await em.execute('update kernel_audit set action = ?, hash = ? where seq = ?', [forged.action, auditHash(forged), middle]);
    });
    expect(result).toEqual({ ok: false, checked: middle, firstBroken: { seq: middle + 1, reason: 'PREVIOUS_HASH_MISMATCH' } });
  });

  it('the audit:verify command exits 0 on the intact chain and 1 naming the tampered seq', async () => {
    const verify = () => runTypeScript(['src/cli.ts', 'audit:verify'], { DATABASE_URL: database.url });
    const intact = await verify();
    expect({ code: intact.code, stdout: intact.stdout.trim() }, intact.stderr).toEqual({ code: 0, stdout: `audit chain intact: ${length} records` });

    await sql(t, 'update kernel_audit set data = ? where seq = ?', [JSON.stringify({ code: 'FORGED' }), middle]);
    const broken = await verify();
    expect(broken.code, broken.stderr).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at seq ${middle} (HASH_MISMATCH); ${middle - 1} records before it are intact`);
  }, 60_000);
});

describe('audit entries and the mutation transaction', () => {
  const AUDIT = 'mutation($fail: Boolean!, $tag: String!) { testAudit(fail: $fail, tag: $tag) }';
  let t: TestApp;
  beforeAll(async () => {
    t = await startKernelApp();
  });
  afterAll(() => t?.close());

  it('a mutation that fails after appending leaves no audit row, and the chain has no gap', async () => {
    expect(await mutate(t, AUDIT, { fail: false, tag: 'kept' })).toEqual({ testAudit: 1 });
    const failed = await t.gql(AUDIT, { fail: true, tag: 'rolled-back' });
    expect(failed.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await sql(t, 'select entity_id from kernel_audit order by seq')).toEqual([{ entity_id: 'kept' }]);
    expect(await mutate(t, AUDIT, { fail: false, tag: 'next' })).toEqual({ testAudit: 2 });
    expect(await verifyAuditChain(t.app.orm.em.fork())).toEqual({ ok: true, checked: 2 });
  });

  it('concurrent audited mutations form one gapless chain', async () => {
    const before = (await t.count('kernel_audit')).kernel_audit;
    const seqs = await Promise.all(Array.from({ length: 12 }, (_, i) => mutate<{ testAudit: number }>(t, AUDIT, { fail: false, tag: `parallel-${i}` })));
    expect(seqs.map((s) => s.testAudit).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(await verifyAuditChain(t.app.orm.em.fork())).toEqual({ ok: true, checked: before + 12 });
  });

  it('data round-trips through the database with its hash intact (key order, unicode, numbers, dates)', async () => {
    const data = { z: [3, 1.5, -0.25, null, 'Đà Nẵng'], a: { 'khóa dài hơn': true, k: 'x' }, when: new Date(T0), big: 2 ** 40 };
    const record = await t.app.orm.em.fork().transactional((tx) => appendAudit(tx, { actorId: null, action: 'test.data', entityType: 'Test', data }, T0));
    const [stored] = await t.app.orm.em.fork().find(AuditRecord, { seq: record.seq });
    expect(stored.data).toEqual({ ...data, when: T0.toISOString() });
    expect(await verifyAuditChain(t.app.orm.em.fork())).toMatchObject({ ok: true });
  });
});
