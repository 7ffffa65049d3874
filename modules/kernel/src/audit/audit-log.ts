import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { isPostgres } from '../db/dialect.js';
import { AuditRecord } from './audit-record.entity.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Arbitrary constant naming the PostgreSQL advisory lock that serialises appends. */
const AUDIT_LOCK_KEY = 7_710_001;

/** What a mutation records about itself. */
export interface AuditEntry {
  actorId: string | null;
  /** Domain action, e.g. `identity.staff.create`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** What changed; keep personal data out of it unless the law requires it. */
  data?: unknown;
}

/**
 * JSON with object keys sorted at every level, so equal data always hashes alike. Like
 * JSON.stringify it honours `toJSON` (a Date becomes its ISO string, not `{}`).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = Pick<AuditRecord, 'seq' | 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'data' | 'prevHash'>;

/** The hash a row must carry: sha256 over its content and the previous row's hash. */
export function auditHash(row: HashedFields): string {
  const content = canonicalJson([row.seq, row.at, row.actorId ?? null, row.action, row.entityType, row.entityId ?? null, row.data ?? null, row.prevHash]);
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Appends one entry to the hash chain, inside the caller's transaction (so the entry exists
 * only if the change it describes commits). Appends are serialised: by an advisory
 * transaction lock on PostgreSQL, by SQLite's single writer there.
 *
 * @example
 * await appendAudit(ctx.em, { actorId: ctx.principal.userId, action: 'identity.agency.create', entityType: 'Agency', entityId: id, data: input }, ctx.clock.now());
 */
export async function appendAudit(em: EntityManager, entry: AuditEntry, now: Date): Promise<AuditRecord> {
  if (isPostgres(em)) await em.execute('select pg_advisory_xact_lock(?)', [AUDIT_LOCK_KEY]);
  const [last] = await em.execute<{ seq: number; hash: string }[]>('select seq, hash from kernel_audit order by seq desc limit 1');
  const fields: HashedFields = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: now.getTime(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data === undefined ? null : JSON.parse(canonicalJson(entry.data)),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const record = em.create(AuditRecord, { ...fields, hash: auditHash(fields) });
  await em.insert(AuditRecord, record);
  return record;
}

/** The outcome of checking the chain: ok, or the first row where it breaks and why. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: 'HASH_MISMATCH' | 'PREVIOUS_HASH_MISMATCH' | 'MISSING_ROW' };
}

/**
 * Walks the whole chain in order and reports the first row whose content no longer matches
 * its hash, whose `prevHash` does not match its predecessor, or that is missing.
 */
export async function verifyAuditChain(em: EntityManager, pageSize = 1_000): Promise<AuditVerification> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await em.find(AuditRecord, { seq: { $gte: expectedSeq } }, { orderBy: { seq: 'asc' }, limit: pageSize, disableIdentityMap: true });
    for (const row of rows) {
      const broken = checkRow(row, expectedSeq, previousHash);
      if (broken) return { ok: false, checked: expectedSeq - 1, firstBroken: { seq: expectedSeq, reason: broken } };
      previousHash = row.hash;
      expectedSeq++;
    }
    if (rows.length < pageSize) return { ok: true, checked: expectedSeq - 1 };
  }
}

function checkRow(row: AuditRecord, expectedSeq: number, previousHash: string): NonNullable<AuditVerification['firstBroken']>['reason'] | null {
  if (Number(row.seq) !== expectedSeq) return 'MISSING_ROW';
  if (row.prevHash !== previousHash) return 'PREVIOUS_HASH_MISMATCH';
  if (auditHash({ ...row, seq: Number(row.seq), at: Number(row.at) }) !== row.hash) return 'HASH_MISMATCH';
  return null;
}
