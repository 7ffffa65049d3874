import * as pkijs from 'pkijs';
import { AppError, appendAudit, canonicalJson, ensureCan, uuid7, type RequestContext } from '@motcua/kernel/contract';
import type { EntityManager } from '@mikro-orm/knex';
import { arrayBuffer, nameToString, parseCertificate, sha256Hex } from '../pki/der.js';
import { TrustListVersion, type TrustItem } from '../store/entities.js';
import { crlDer, validateChain, type TrustContext } from '../verify/trust.js';

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));

/** The current trust-list version, or an empty version 0 before the first change. */
export async function currentTrustList(em: EntityManager): Promise<TrustListVersion> {
  const [latest] = await em.find(TrustListVersion, {}, { orderBy: { number: 'desc' }, limit: 1 });
  return latest ?? Object.assign(new TrustListVersion(), { id: '', number: 0, hash: sha256Hex(new TextEncoder().encode('[[],[]]')), anchors: [], crls: [], change: 'empty', createdAt: new Date(0) });
}

/** `v<number>:<first 12 hex of the hash>`, as recorded in verification reports. */
export function trustListLabel(version: TrustListVersion): string {
  return `v${version.number}:${version.hash.slice(0, 12)}`;
}

/** The verifier's view of a trust-list version. */
export function trustContext(version: TrustListVersion): TrustContext {
  return { anchors: version.anchors.map((a) => fromBase64(a.der)), crls: version.crls.map((c) => fromBase64(c.der)), version: trustListLabel(version) };
}

async function appendVersion(ctx: RequestContext, change: string, edit: (anchors: TrustItem[], crls: TrustItem[]) => { anchors: TrustItem[]; crls: TrustItem[] }): Promise<TrustListVersion> {
  ensureCan(ctx, 'manage', 'TrustList');
  return writeTrustListVersion(ctx.em, { actorId: ctx.principal!.userId, now: ctx.clock.now() }, change, edit);
}

/** Writes the next trust-list version (and its audit entry) from an edit of the current one. */
async function writeTrustListVersion(
  em: EntityManager, by: { actorId: string | null; now: Date }, change: string, edit: (anchors: TrustItem[], crls: TrustItem[]) => { anchors: TrustItem[]; crls: TrustItem[] },
): Promise<TrustListVersion> {
  const current = await currentTrustList(em);
  const next = edit([...current.anchors], [...current.crls]);
  const version = Object.assign(new TrustListVersion(), {
    id: uuid7(), number: current.number + 1, hash: sha256Hex(new TextEncoder().encode(canonicalJson([next.anchors.map((a) => a.sha256), next.crls.map((c) => c.sha256)]))),
    ...next, change, createdAt: by.now, createdBy: by.actorId,
  });
  em.persist(version);
  await appendAudit(em, { actorId: by.actorId, action: 'signature.trust.change', entityType: 'TrustListVersion', entityId: version.id, data: { number: version.number, hash: version.hash, change } }, by.now);
  return version;
}

/**
 * Development start-up only: trusts the generated development root, once, as a system change
 * of the trust list (so the demo's own signatures verify). Returns whether it added it.
 */
export async function trustDevelopmentRoot(em: EntityManager, rootDer: Uint8Array, now: Date): Promise<boolean> {
  const sha256 = sha256Hex(rootDer);
  if ((await currentTrustList(em)).anchors.some((a) => a.sha256 === sha256)) return false;
  const item: TrustItem = { sha256, subject: nameToString(parseCertificate(rootDer).subject), der: Buffer.from(rootDer).toString('base64'), name: 'Motcua development root (demo only)' };
  await em.transactional((tx) => writeTrustListVersion(tx as EntityManager, { actorId: null, now }, `add anchor ${item.subject} (development PKI)`, (anchors, crls) => ({ anchors: [...anchors, item], crls })));
  return true;
}

function certificateOrFail(der: Uint8Array): pkijs.Certificate {
  try {
    return parseCertificate(der);
  } catch {
    throw AppError.badInput('certificateBase64', { vi: 'không phải chứng thư số X.509 (DER)', en: 'not an X.509 certificate (DER)' });
  }
}

/**
 * Adds a root to trust, as a new trust-list version.
 *
 * @example await addTrustAnchor(ctx, { name: 'Government CA Root', certificateBase64 })
 */
export async function addTrustAnchor(ctx: RequestContext, input: { name: string; certificateBase64: string }): Promise<TrustListVersion> {
  const der = fromBase64(input.certificateBase64);
  const certificate = certificateOrFail(der);
  const item: TrustItem = { sha256: sha256Hex(der), subject: nameToString(certificate.subject), der: input.certificateBase64, name: input.name.trim().slice(0, 200) };
  return appendVersion(ctx, `add anchor ${item.subject}`, (anchors, crls) => {
    if (anchors.some((a) => a.sha256 === item.sha256)) throw AppError.conflict({ vi: 'chứng thư gốc đã có trong danh sách', en: 'the root is already trusted' });
    return { anchors: [...anchors, item], crls };
  });
}

/** Removes a root (by certificate SHA-256) as a new trust-list version. */
export async function removeTrustAnchor(ctx: RequestContext, sha256: string): Promise<TrustListVersion> {
  return appendVersion(ctx, `remove anchor ${sha256}`, (anchors, crls) => {
    if (!anchors.some((a) => a.sha256 === sha256)) throw AppError.notFound({ vi: 'chứng thư gốc', en: 'trust anchor' }, sha256);
    return { anchors: anchors.filter((a) => a.sha256 !== sha256), crls };
  });
}

async function verifiedByAnchorOrIntermediate(crl: pkijs.CertificateRevocationList, issuers: pkijs.Certificate[]): Promise<boolean> {
  for (const issuer of issuers) if (crl.issuer.isEqual(issuer.subject) && (await crl.verify({ issuerCertificate: issuer }).catch(() => false))) return true;
  return false;
}

/**
 * Stores a CRL (DER or PEM, base64) as a new trust-list version. Its issuer certificate must be
 * given (or be a trusted root); the CRL signature is checked and a CRL from the future refused.
 * A newer CRL of the same issuer replaces the older one.
 */
export async function uploadCrl(ctx: RequestContext, input: { crlBase64: string; issuerCertificateBase64?: string | null }): Promise<TrustListVersion> {
  let crl: pkijs.CertificateRevocationList;
  let der: Uint8Array;
  try {
    der = crlDer(fromBase64(input.crlBase64));
    crl = pkijs.CertificateRevocationList.fromBER(arrayBuffer(der));
  } catch {
    throw AppError.badInput('crlBase64', { vi: 'không phải CRL hợp lệ', en: 'not a valid CRL' });
  }
  if (crl.thisUpdate.value > ctx.clock.now()) throw AppError.badInput('crlBase64', { vi: 'CRL có thời điểm phát hành trong tương lai', en: 'the CRL is dated in the future' });
  const current = await currentTrustList(ctx.em);
  const anchors = current.anchors.map((a) => fromBase64(a.der));
  const intermediate = input.issuerCertificateBase64 ? certificateOrFail(fromBase64(input.issuerCertificateBase64)) : undefined;
  const intermediateTrusted = intermediate && (await validateChain(intermediate, [], anchors, ctx.clock.now())).trusted;
  const issuers = [...anchors.map(parseCertificate), ...(intermediateTrusted ? [intermediate] : [])];
  if (!(await verifiedByAnchorOrIntermediate(crl, issuers))) throw AppError.badInput('crlBase64', { vi: 'chữ ký của CRL không kiểm tra được với bên phát hành', en: 'the CRL signature does not verify against its issuer' });
  const subject = nameToString(crl.issuer);
  const item: TrustItem = { sha256: sha256Hex(der), subject, der: Buffer.from(der).toString('base64'), thisUpdate: crl.thisUpdate.value.toISOString(), nextUpdate: crl.nextUpdate?.value.toISOString() ?? null };
  return appendVersion(ctx, `CRL from ${subject}`, (anchors, crls) => ({ anchors, crls: [...crls.filter((c) => c.subject !== subject), item] }));
}
