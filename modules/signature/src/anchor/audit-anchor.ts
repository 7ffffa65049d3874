import { AuditRecord, ensureCan, uuid7, verifyAuditChain, type AuditVerification, type RequestContext, type WorkContext } from '@motcua/kernel/contract';
import type { EntityManager } from '@mikro-orm/knex';
import { readTstInfo } from '../cms/timestamp.js';
import { configuredTimestamper, configuredTsa } from '../signers/registry.js';
import { AuditAnchor } from '../store/entities.js';
import { currentTrustList, trustContext } from '../api/trust-list.service.js';
import { checkTimestampToken } from '../verify/verifier.js';

/** How often the head of the audit log is timestamped. */
export const ANCHOR_EVERY_MS = 60 * 60_000;
export const ANCHOR_JOB = 'signature.audit.anchor';

/**
 * The bytes a TSA stamps for an anchor: the position and the hash, so an anchor cannot be moved
 * to another row. @example anchorMessage(42, 'ab…') // UTF-8 of 'motcua-audit-head:42:ab…'
 */
export function anchorMessage(seq: number, hash: string): Uint8Array {
  return new TextEncoder().encode(`motcua-audit-head:${seq}:${hash}`);
}

async function auditHead(em: EntityManager): Promise<AuditRecord | null> {
  const [head] = await em.find(AuditRecord, {}, { orderBy: { seq: 'desc' }, limit: 1 });
  return head ?? null;
}

/**
 * Timestamps the current head of the audit chain with the configured TSA and stores the token.
 * Does nothing when the head is already anchored, the log is empty or no TSA is configured
 * (logged). The job itself writes no audit row, so an idle log is not re-anchored.
 *
 * @example await anchorAuditHead({ em, log, clock }) // AuditAnchor { seq: 42, … }
 */
export async function anchorAuditHead(ctx: WorkContext): Promise<AuditAnchor | null> {
  const timestamper = configuredTimestamper();
  if (!timestamper) {
    ctx.log.warn('audit anchor skipped: no TSA configured');
    return null;
  }
  const head = await auditHead(ctx.em);
  if (!head || (await ctx.em.count(AuditAnchor, { seq: Number(head.seq) }))) return null;
  const token = await timestamper.stamp(anchorMessage(Number(head.seq), head.hash));
  const tsa = configuredTsa();
  const anchor = Object.assign(new AuditAnchor(), {
    id: uuid7(ctx.clock.now().getTime()), seq: Number(head.seq), headHash: head.hash, token: Buffer.from(token).toString('base64'),
    genTime: readTstInfo(token).genTime, tsa: tsa?.kind === 'HTTP' ? `HTTP ${tsa.url}` : 'IN_PROCESS', createdAt: ctx.clock.now(),
  });
  ctx.em.persist(anchor);
  await ctx.em.flush();
  ctx.log.info({ seq: anchor.seq, genTime: anchor.genTime }, 'audit head anchored');
  return anchor;
}

/** The check of one stored anchor. */
export interface AnchorCheck {
  seq: number;
  headHash: string;
  genTime: Date;
  tsa: string;
  /** The token verifies (signature, imprint, TSA chained to the trust list). */
  tokenValid: boolean;
  /** The audit row at `seq` still carries `headHash`. */
  hashMatches: boolean;
  problems: string[];
}

/** The audit chain and every anchor, checked. */
export interface AnchorReport {
  ok: boolean;
  chain: AuditVerification;
  anchors: AnchorCheck[];
}

async function checkAnchor(em: EntityManager, anchor: AuditAnchor, anchors: Uint8Array[]): Promise<AnchorCheck> {
  const { problems } = await checkTimestampToken(new Uint8Array(Buffer.from(anchor.token, 'base64')), anchorMessage(anchor.seq, anchor.headHash), anchors);
  const row = await em.findOne(AuditRecord, { seq: anchor.seq }, { disableIdentityMap: true });
  const hashMatches = row?.hash === anchor.headHash;
  if (!hashMatches) problems.push(row ? `audit row ${anchor.seq} no longer has the anchored hash` : `audit row ${anchor.seq} is missing`);
  return { seq: anchor.seq, headHash: anchor.headHash, genTime: anchor.genTime, tsa: anchor.tsa, tokenValid: !problems.some((p) => !p.startsWith('audit row')), hashMatches, problems };
}

/**
 * Verifies the audit chain and every stored anchor: each token against the current trust list,
 * and the chain's hash at the anchored position. Used by `auditAnchorReport` and
 * `pnpm audit:anchors`.
 *
 * @example const report = await checkAuditAnchors(em); report.ok
 */
export async function checkAuditAnchors(em: EntityManager): Promise<AnchorReport> {
  const trust = trustContext(await currentTrustList(em));
  const chain = await verifyAuditChain(em);
  const stored = await em.find(AuditAnchor, {}, { orderBy: { seq: 'asc' } });
  const anchors: AnchorCheck[] = [];
  for (const anchor of stored) anchors.push(await checkAnchor(em, anchor, trust.anchors));
  return { ok: chain.ok && anchors.every((a) => a.tokenValid && a.hashMatches), chain, anchors };
}

/** `checkAuditAnchors` for the API (`signature.keys.read`). */
export async function auditAnchorReport(ctx: RequestContext): Promise<AnchorReport> {
  ensureCan(ctx, 'read', 'SigningKey');
  return checkAuditAnchors(ctx.em);
}
