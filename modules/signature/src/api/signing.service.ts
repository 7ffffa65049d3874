import { AppError, appendAudit, ensureCan, uuid7, type RequestContext } from '@motcua/kernel/contract';
import { byteRangeContent } from '../pdf/placeholder.js';
import { sealRectOver, vietnamIsoTime, type SignatureAppearance } from '../pdf/appearance.js';
import { OID, commonName, parseCertificate, nameToString, sha256, sha256Hex } from '../pki/der.js';
import { completePades, preparePades, signPdf, SigningError, type PadesLevel, type PreparedSignature } from '../sign/sign-pdf.js';
import { normalizeSignatureValue } from '../signers/key-signer.js';
import { configuredTimestamper, mayOperate, registeredKey } from '../signers/registry.js';
import { isConfirmingSigner, type ConfirmingSigner, type RemoteOutcome } from '../signers/remote-hash.js';
import { documentBlobs } from '../store/blobs.js';
import { DocumentVersion, SignatureRecord } from '../store/entities.js';
import { verifyPdf } from '../verify/verifier.js';
import { documentBytes, documentVersionOrFail, hasNewerVersion, storeDocumentVersion } from './documents.service.js';
import { currentTrustList, trustContext } from './trust-list.service.js';

export type SignatureRole = 'OFFICER_PERSONAL' | 'AGENCY_SEAL';

/** Where the visible signature goes (the officer's box; the seal goes over its left third). */
export interface AppearanceRequest {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  imageBase64?: string | null;
}

/** What the signer saw and asks for. */
export interface SignRequest {
  documentVersionId: string;
  /** SHA-256 hex of the version as shown to the signer: refused if it differs. */
  expectedSha256: string;
  role: SignatureRole;
  level: PadesLevel;
  appearance?: AppearanceRequest | null;
}

const FIELD_NAMES: Record<SignatureRole, string> = { OFFICER_PERSONAL: 'KySoCaNhan', AGENCY_SEAL: 'KySoCoQuan' };
/** Longest we wait for a key holder to confirm a remote signature, whatever the service allows. */
export const MAX_CONFIRMATION_MS = 5 * 60_000;
const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));
const changed = (reason: string) => AppError.conflict({ vi: `văn bản đã thay đổi (${reason})`, en: `the document changed (${reason})` });

/** The widget appearance for a role: the signer's name under the signature, or the agency name and ISO time under the seal. */
function appearanceFor(request: SignRequest, certificate: Uint8Array, at: Date): SignatureAppearance | undefined {
  const look = request.appearance;
  if (!look) return undefined;
  const box: [number, number, number, number] = [look.x, look.y, look.width, look.height];
  if (!box.every(Number.isFinite) || look.width <= 0 || look.height <= 0) throw AppError.badInput('appearance', { vi: 'khung chữ ký không hợp lệ', en: 'invalid signature box' });
  const image = look.imageBase64 ? fromBase64(look.imageBase64) : undefined;
  const name = commonName(parseCertificate(certificate));
  return request.role === 'AGENCY_SEAL'
    ? { page: look.page, rect: sealRectOver(box), kind: 'SEAL', image, lines: [name, vietnamIsoTime(at)] }
    : { page: look.page, rect: box, kind: 'SIGNATURE', image, lines: [name] };
}

/** Checks the version is the one the signer saw, still current, and signable in this role. */
async function signableVersion(ctx: RequestContext, request: SignRequest): Promise<DocumentVersion> {
  ensureCan(ctx, 'sign', 'Document');
  const version = await documentVersionOrFail(ctx.em, request.documentVersionId);
  if (version.sha256 !== request.expectedSha256.toLowerCase()) throw changed('sha256 differs from what the signer saw');
  if (await hasNewerVersion(ctx.em, version)) throw changed('a newer version exists');
  if (request.role === 'AGENCY_SEAL') {
    const officer = await ctx.em.findOne(SignatureRecord, { outputVersionId: version.id, role: 'OFFICER_PERSONAL', status: 'COMPLETED' });
    if (!officer) throw new AppError('INVALID_TRANSITION', { reason: 'the agency seal needs the officer signature first' });
  }
  return version;
}

async function existingRecord(ctx: RequestContext, request: SignRequest): Promise<SignatureRecord | null> {
  return ctx.em.findOne(SignatureRecord, { idempotencyKey: `${request.documentVersionId}:${request.role}` });
}

function newRecord(ctx: RequestContext, request: SignRequest, certificate: Uint8Array, extra: Partial<SignatureRecord>): SignatureRecord {
  const parsed = parseCertificate(certificate);
  return Object.assign(new SignatureRecord(), {
    id: uuid7(), idempotencyKey: `${request.documentVersionId}:${request.role}`, inputVersionId: request.documentVersionId, role: request.role,
    level: request.level, signerSubject: nameToString(parsed.subject).slice(0, 500), signerSha256: sha256Hex(certificate),
    claimedTime: ctx.clock.now(), createdAt: ctx.clock.now(), createdBy: ctx.principal!.userId, ...extra,
  });
}

/** Re-verifies the new signature before anything is committed: catches broken adapters and wrong certificates. */
async function assertNewSignatureSound(ctx: RequestContext, signed: Uint8Array): Promise<Date | undefined> {
  const report = await verifyPdf(signed, trustContext(await currentTrustList(ctx.em)), { now: ctx.clock.now() });
  const last = report.signatures.at(-1);
  if (!last || last.indication === 'TOTAL_FAILED') throw new AppError('INVALID_TRANSITION', { reason: `the new signature does not verify (${last?.subIndication ?? 'missing'})` });
  return last.timestampTime;
}

async function finish(ctx: RequestContext, record: SignatureRecord, input: DocumentVersion, signed: Uint8Array): Promise<SignatureRecord> {
  record.timestampTime = (await assertNewSignatureSound(ctx, signed)) ?? null;
  const output = await storeDocumentVersion(ctx, signed, { kind: 'SIGNED', previous: input });
  Object.assign(record, { outputVersionId: output.id, status: 'COMPLETED', prepared: null });
  ctx.em.persist(record);
  await appendAudit(ctx.em, {
    actorId: ctx.principal!.userId, action: 'signature.sign', entityType: 'SignatureRecord', entityId: record.id,
    data: { role: record.role, level: record.level, input: input.sha256, output: output.sha256, signer: record.signerSha256, keyId: record.keyId ?? null },
  }, ctx.clock.now());
  return record;
}

/** Records a refused or failed attempt in the audit chain even though the mutation rolls back. */
function auditFailure(ctx: RequestContext, action: string, request: object, error: unknown): never {
  const reason = error instanceof AppError ? error.code : error instanceof SigningError ? error.code : 'INTERNAL';
  const { clock, principal } = ctx;
  ctx.afterRollback.push((em) => appendAudit(em, { actorId: principal?.userId ?? null, action, entityType: 'SignatureRecord', data: { ...request, failed: reason } }, clock.now()).then(() => undefined));
  if (!(error instanceof SigningError)) throw error;
  throw error.code === 'DOCUMENT_CHANGED' ? changed(error.message) : AppError.badInput('signatureValueBase64', { vi: error.message, en: error.message });
}

/**
 * Signs a document version with a server-side key (HSM, remote service, development file).
 * Idempotent per (version, role): a repeated request returns the completed or pending record.
 * A remote service that waits for its key holder's confirmation leaves the record
 * `PENDING_USER_CONFIRMATION`; `pollSignatureRequest` completes it.
 *
 * @example await signDocument(ctx, { documentVersionId, expectedSha256, role: 'OFFICER_PERSONAL', level: 'B_B', keyId: 'officer-anh' })
 */
export async function signDocument(ctx: RequestContext, request: SignRequest & { keyId: string }): Promise<SignatureRecord> {
  try {
    const existing = await existingRecord(ctx, request);
    if (existing?.status === 'COMPLETED' || existing?.status === 'PENDING_USER_CONFIRMATION') return existing;
    if (existing) throw AppError.conflict({ vi: 'đang có phiên ký khác cho văn bản này', en: 'another signing session is open for this document' });
    const key = registeredKey(request.keyId);
    if (!key) throw AppError.notFound({ vi: 'khoá ký', en: 'signing key' }, request.keyId);
    if (key.role !== request.role) throw AppError.badInput('keyId', { vi: 'khoá không dùng cho vai trò này', en: 'the key is not for this role' });
    if (!mayOperate(key, ctx.principal?.userId)) throw AppError.forbidden('sign', 'SigningKey');
    const input = await signableVersion(ctx, request);
    if (isConfirmingSigner(key.signer)) return await signRemotely(ctx, { ...request, keyId: request.keyId }, key.signer, input);
    const certificate = await key.signer.certificate();
    const signed = await signPdf(await documentBytes(input), key.signer, {
      fieldName: FIELD_NAMES[request.role], claimedTime: ctx.clock.now(), level: request.level, timestamper: configuredTimestamper(), appearance: appearanceFor(request, certificate, ctx.clock.now()),
    });
    return await finish(ctx, newRecord(ctx, request, certificate, { keyId: request.keyId, status: 'PREPARED' }), input, signed);
  } catch (error) {
    return auditFailure(ctx, 'signature.sign.failed', { ...request }, error);
  }
}

/**
 * Phase one of the USB-token flow: prepares the signature and returns the digest the token signs.
 *
 * @example const { record, digest } = await prepareClientSignature(ctx, { ...request, certificate, chain })
 */
export async function prepareClientSignature(ctx: RequestContext, request: SignRequest & { certificate: Uint8Array; chain: Uint8Array[] }) {
  try {
    if (await existingRecord(ctx, request)) throw AppError.conflict({ vi: 'văn bản đã được ký hoặc đang ký ở vai trò này', en: 'already signed or being signed in this role' });
    const input = await signableVersion(ctx, request);
    const prepared = await preparePades(await documentBytes(input), request.certificate, request.chain, {
      fieldName: FIELD_NAMES[request.role], claimedTime: ctx.clock.now(), level: request.level, appearance: appearanceFor(request, request.certificate, ctx.clock.now()),
    });
    const record = newRecord(ctx, request, request.certificate, { status: 'PREPARED', prepared: await keepPrepared(prepared) });
    record.claimedTime = ctx.clock.now();
    ctx.em.persist(record);
    await appendAudit(ctx.em, { actorId: ctx.principal!.userId, action: 'signature.prepare', entityType: 'SignatureRecord', entityId: record.id, data: { role: request.role, input: input.sha256, signer: record.signerSha256 } }, ctx.clock.now());
    return { record, digest: prepared.tbsDigest, tbs: prepared.cms.tbs };
  } catch (error) {
    return auditFailure(ctx, 'signature.prepare.failed', { ...request, certificate: undefined, chain: undefined }, error);
  }
}

/** Stores the prepared PDF in the blob store and returns what resuming it needs. */
async function keepPrepared(prepared: PreparedSignature): Promise<NonNullable<SignatureRecord['prepared']>> {
  await documentBlobs().put(prepared.pdf.bytes);
  const { pdf, cms } = prepared;
  return { pdfSha256: prepared.preparedSha256, byteRange: pdf.byteRange, tbs: toBase64(cms.tbs), certificate: toBase64(cms.certificate), chain: cms.chain.map(toBase64) };
}

async function resumePrepared(record: SignatureRecord): Promise<PreparedSignature> {
  const saved = record.prepared!;
  const bytes = await documentBlobs().get(saved.pdfSha256);
  const byteRange = saved.byteRange as [number, number, number, number];
  return {
    pdf: { bytes, byteRange }, level: record.level as PadesLevel, inputSha256: '', preparedSha256: saved.pdfSha256, tbsDigest: sha256(fromBase64(saved.tbs)),
    cms: { tbs: fromBase64(saved.tbs), certificate: fromBase64(saved.certificate), chain: saved.chain.map(fromBase64), content: { contentType: OID.data, digest: sha256(byteRangeContent(bytes, byteRange)) } },
  };
}

/**
 * Phase two of the USB-token flow: embeds the token's signature value. Refused when the document
 * got a newer version since phase one or the value does not match the prepared data.
 */
export async function completeClientSignature(ctx: RequestContext, input: { sessionId: string; signatureValue: Uint8Array }): Promise<SignatureRecord> {
  try {
    ensureCan(ctx, 'sign', 'Document');
    const record = await ctx.em.findOne(SignatureRecord, { id: input.sessionId, status: 'PREPARED', createdBy: ctx.principal!.userId });
    if (!record?.prepared) throw AppError.notFound({ vi: 'phiên ký', en: 'signing session' }, input.sessionId);
    const version = await documentVersionOrFail(ctx.em, record.inputVersionId);
    if (await hasNewerVersion(ctx.em, version)) throw changed('a newer version exists since prepare');
    const prepared = await resumePrepared(record);
    const signed = await completePades(prepared, normalizeSignatureValue(prepared.cms.certificate, input.signatureValue), configuredTimestamper());
    return await finish(ctx, record, version, signed);
  } catch (error) {
    return auditFailure(ctx, 'signature.complete.failed', { sessionId: input.sessionId }, error);
  }
}

/**
 * Remote services: prepares the signature and sends its hash. A service that signs at once
 * completes it; one that waits for its key holder leaves the record PENDING_USER_CONFIRMATION
 * with the transaction id and an expiry.
 */
async function signRemotely(ctx: RequestContext, request: SignRequest & { keyId: string }, signer: ConfirmingSigner, input: DocumentVersion): Promise<SignatureRecord> {
  if (request.level === 'B_T' && !configuredTimestamper()) throw new SigningError('NO_TIMESTAMPER', 'PAdES B-T needs a timestamp authority'); // before bothering the key holder
  const certificate = await signer.certificate();
  const now = ctx.clock.now();
  const prepared = await preparePades(await documentBytes(input), certificate, await signer.chain(), {
    fieldName: FIELD_NAMES[request.role], claimedTime: now, level: request.level, appearance: appearanceFor(request, certificate, now),
  });
  const record = newRecord(ctx, request, certificate, { keyId: request.keyId, status: 'PREPARED' });
  const outcome = await signer.submit(prepared.cms.tbs, { documentSha256: input.sha256, purpose: `Motcua: ${FIELD_NAMES[request.role]} ${input.sha256.slice(0, 12)}` });
  if (outcome.state === 'SIGNED') return finish(ctx, record, input, await completePades(prepared, normalizeSignatureValue(certificate, outcome.value), configuredTimestamper()));
  if (outcome.state !== 'PENDING') throw remoteRefusal(outcome);
  Object.assign(record, {
    status: 'PENDING_USER_CONFIRMATION', prepared: await keepPrepared(prepared), remoteTransactionId: outcome.transactionId,
    expiresAt: new Date(Math.min(outcome.expiresAt.getTime(), now.getTime() + MAX_CONFIRMATION_MS)),
  });
  ctx.em.persist(record);
  await appendAudit(ctx.em, { actorId: ctx.principal!.userId, action: 'signature.remote.pending', entityType: 'SignatureRecord', entityId: record.id, data: { role: record.role, input: input.sha256, signer: record.signerSha256, keyId: record.keyId, transaction: outcome.transactionId } }, now);
  return record;
}

function remoteRefusal(outcome: Extract<RemoteOutcome, { state: 'REJECTED' | 'EXPIRED' }>): AppError {
  return outcome.state === 'REJECTED'
    ? AppError.conflict({ vi: `người ký đã từ chối ký${outcome.reason ? ` (${outcome.reason})` : ''}`, en: `the key holder refused to sign${outcome.reason ? ` (${outcome.reason})` : ''}` })
    : AppError.conflict({ vi: 'yêu cầu ký đã hết hạn', en: 'the signing request expired' });
}

/** Ends a pending remote request without a signature; the (version, role) may be signed again. */
async function settleUnsigned(ctx: RequestContext, record: SignatureRecord, reason: string): Promise<SignatureRecord> {
  Object.assign(record, { status: 'FAILED', failureReason: reason.slice(0, 500), prepared: null, idempotencyKey: `failed:${record.id}` });
  ctx.em.persist(record);
  await appendAudit(ctx.em, { actorId: ctx.principal!.userId, action: 'signature.remote.failed', entityType: 'SignatureRecord', entityId: record.id, data: { reason: record.failureReason, transaction: record.remoteTransactionId } }, ctx.clock.now());
  return record;
}

/** The caller's own signing request, or NOT_FOUND (others' requests are not disclosed). */
export async function ownSignatureRequest(ctx: RequestContext, id: string): Promise<SignatureRecord> {
  ensureCan(ctx, 'sign', 'Document');
  const record = await ctx.em.findOne(SignatureRecord, { id, createdBy: ctx.principal!.userId });
  if (!record) throw AppError.notFound({ vi: 'yêu cầu ký', en: 'signing request' }, id);
  return record;
}

async function settle(ctx: RequestContext, record: SignatureRecord, outcome: RemoteOutcome): Promise<SignatureRecord> {
  switch (outcome.state) {
    case 'PENDING':
      return record;
    case 'REJECTED':
      return settleUnsigned(ctx, record, `REJECTED${outcome.reason ? `: ${outcome.reason}` : ''}`);
    case 'EXPIRED':
      return settleUnsigned(ctx, record, 'EXPIRED');
    case 'SIGNED': {
      const version = await documentVersionOrFail(ctx.em, record.inputVersionId);
      if (await hasNewerVersion(ctx.em, version)) return settleUnsigned(ctx, record, 'DOCUMENT_CHANGED: a newer version exists since the request');
      const prepared = await resumePrepared(record);
      return finish(ctx, record, version, await completePades(prepared, normalizeSignatureValue(prepared.cms.certificate, outcome.value), configuredTimestamper()));
    }
  }
}

/**
 * Asks the remote service once how a pending request stands: completes the signature when the
 * key holder confirmed, ends it as FAILED when refused or expired (ours or the service's
 * expiry), and otherwise leaves it pending. Anything not pending is returned as it is.
 *
 * @example const record = await pollSignatureRequest(ctx, id); record.status // 'COMPLETED'
 */
export async function pollSignatureRequest(ctx: RequestContext, id: string): Promise<SignatureRecord> {
  const record = await ownSignatureRequest(ctx, id);
  if (record.status !== 'PENDING_USER_CONFIRMATION') return record;
  try {
    const key = record.keyId ? registeredKey(record.keyId) : undefined;
    if (!key || !isConfirmingSigner(key.signer)) return await settleUnsigned(ctx, record, 'the signing key is no longer configured');
    if (ctx.clock.now() >= record.expiresAt!) return await settleUnsigned(ctx, record, 'EXPIRED');
    return await settle(ctx, record, await key.signer.poll(record.remoteTransactionId!));
  } catch (error) {
    return auditFailure(ctx, 'signature.remote.poll.failed', { id }, error);
  }
}
