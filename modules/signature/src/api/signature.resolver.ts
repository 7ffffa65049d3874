import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AppError, ensureCan, type RequestContext } from '@motcua/kernel/contract';
import { parseCertificate } from '../pki/der.js';
import { keysOperableBy } from '../signers/registry.js';
import { certificateInfo } from '../verify/report.js';
import { DocumentVersion, SignatureRecord, TrustListVersion, VerificationRecord } from '../store/entities.js';
import { decodeDocument, documentVersionOrFail, storeDocumentVersion } from './documents.service.js';
import { completeClientSignature, ownSignatureRequest, pollSignatureRequest, prepareClientSignature, signDocument } from './signing.service.js';
import { addTrustAnchor, currentTrustList, removeTrustAnchor, trustListLabel, uploadCrl } from './trust-list.service.js';
import { auditAnchorReport } from '../anchor/audit-anchor.js';
import {
  AddTrustAnchorInput, AuditAnchorReportNode, ClientSigningSessionNode, CompleteClientSignatureInput, DocumentVersionNode, PrepareClientSignatureInput, SignatureRecordNode,
  SignDocumentInput, SigningConfigurationNode, SigningKeyNode, SignatureRoleEnum, TrustListNode, UploadCrlInput, UploadDocumentInput, VerificationReportNode, VerifyDocumentInput,
} from './types.js';
import { signingConfiguration } from './signers.service.js';
import { verifyDocument } from './verification.service.js';

const fromBase64 = (value: string) => new Uint8Array(Buffer.from(value, 'base64'));
const toTrustList = (v: TrustListVersion): TrustListNode => ({ number: v.number, hash: v.hash, label: trustListLabel(v), anchors: v.anchors, crls: v.crls, change: v.change });
const toRecord = (r: SignatureRecord) => r as unknown as SignatureRecordNode;
const toVersion = (v: DocumentVersion) => v as unknown as DocumentVersionNode;

/** Documents, signing (server keys and USB tokens), verification and the trust list. */
@Resolver()
export class SignatureResolver {
  @Mutation(() => DocumentVersionNode, { description: 'Stores a PDF (base64, ≤ 700 000 bytes) as an immutable document version (`signature.sign`). Idempotent by content.' })
  async uploadDocument(@Arg('input') input: UploadDocumentInput, @Ctx() ctx: RequestContext): Promise<DocumentVersionNode> {
    ensureCan(ctx, 'sign', 'Document');
    const previous = input.previousVersionId ? await documentVersionOrFail(ctx.em, input.previousVersionId) : undefined;
    return toVersion(await storeDocumentVersion(ctx, decodeDocument('contentBase64', input.contentBase64), { kind: 'UPLOADED', previous }));
  }

  @Query(() => DocumentVersionNode, { description: 'One document version (`signature.sign`).' })
  async documentVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<DocumentVersionNode> {
    ensureCan(ctx, 'sign', 'Document');
    return toVersion(await documentVersionOrFail(ctx.em, id));
  }

  @Mutation(() => SignatureRecordNode, {
    description: 'Signs a document version with a server-side key (PAdES; officer first, then the agency seal as an incremental update). Idempotent per (version, role); refused when the version is not `expectedSha256`. Remote services that wait for the key holder return `PENDING_USER_CONFIRMATION` with `remoteTransactionId`: then poll `pollSignatureRequest`.',
  })
  async signDocument(@Arg('input') input: SignDocumentInput, @Ctx() ctx: RequestContext): Promise<SignatureRecordNode> {
    return toRecord(await signDocument(ctx, input));
  }

  @Query(() => SignatureRecordNode, { description: "One of the caller's signing requests, as stored (e.g. a remote signature still `PENDING_USER_CONFIRMATION`) (`signature.sign`)." })
  async signatureRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SignatureRecordNode> {
    return toRecord(await ownSignatureRequest(ctx, id));
  }

  @Mutation(() => SignatureRecordNode, {
    description: 'Asks the remote signing service once about a pending request: `COMPLETED` once the key holder confirmed (the signed version is stored), `FAILED` when refused or expired, otherwise still `PENDING_USER_CONFIRMATION`. Poll every few seconds.',
  })
  async pollSignatureRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SignatureRecordNode> {
    return toRecord(await pollSignatureRequest(ctx, id));
  }

  @Mutation(() => ClientSigningSessionNode, { description: 'USB-token signing, phase one: prepares the signature and returns the digest for the token to sign.' })
  async prepareClientSignature(@Arg('input') input: PrepareClientSignatureInput, @Ctx() ctx: RequestContext): Promise<ClientSigningSessionNode> {
    const { record, digest, tbs } = await prepareClientSignature(ctx, { ...input, certificate: fromBase64(input.certificateBase64), chain: input.chainBase64.map(fromBase64) });
    return { sessionId: record.id, digestBase64: Buffer.from(digest).toString('base64'), signedAttributesBase64: Buffer.from(tbs).toString('base64'), digestAlgorithm: 'SHA-256' };
  }

  @Mutation(() => SignatureRecordNode, { description: "USB-token signing, phase two: embeds the token's signature value; refused if the document changed since phase one." })
  async completeClientSignature(@Arg('input') input: CompleteClientSignatureInput, @Ctx() ctx: RequestContext): Promise<SignatureRecordNode> {
    return toRecord(await completeClientSignature(ctx, { sessionId: input.sessionId, signatureValue: fromBase64(input.signatureValueBase64) }));
  }

  @Query(() => [SigningKeyNode], { description: 'The server-side signing keys the caller may use, with their certificates (`signature.sign`).' })
  async signingKeys(@Ctx() ctx: RequestContext): Promise<SigningKeyNode[]> {
    ensureCan(ctx, 'sign', 'Document');
    const keys = keysOperableBy(ctx.principal!.userId);
    return Promise.all(keys.map(async ([keyId, key]) => ({ keyId, role: key.role as SignatureRoleEnum, certificate: certificateInfo(parseCertificate(await key.signer.certificate())) })));
  }

  @Query(() => SigningConfigurationNode, { description: 'Keys and certificates: every server-side signer configured at start-up (role, custody, certificate, status) and the TSA (`signature.keys.read`).' })
  async signingConfiguration(@Ctx() ctx: RequestContext): Promise<SigningConfigurationNode> {
    return (await signingConfiguration(ctx)) as unknown as SigningConfigurationNode;
  }

  @Query(() => AuditAnchorReportNode, { description: "Verifies the audit log's hash chain and every stored RFC 3161 timestamp of its head (token valid, hash still at that position) (`signature.keys.read`)." })
  async auditAnchorReport(@Ctx() ctx: RequestContext): Promise<AuditAnchorReportNode> {
    const { ok, chain, anchors } = await auditAnchorReport(ctx);
    return { ok, anchors, chain: { ok: chain.ok, checked: chain.checked, firstBrokenSeq: chain.firstBroken?.seq ?? null, firstBrokenReason: chain.firstBroken?.reason ?? null } };
  }

  @Query(() => [SignatureRecordNode], { description: 'Signature records of every version of the document this version belongs to, oldest first (`signature.sign`).' })
  async signatureRecords(@Arg('documentVersionId', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SignatureRecordNode[]> {
    ensureCan(ctx, 'sign', 'Document');
    const version = await documentVersionOrFail(ctx.em, id);
    const versions = await ctx.em.find(DocumentVersion, { documentId: version.documentId });
    const records = await ctx.em.find(SignatureRecord, { inputVersionId: { $in: versions.map((v) => v.id) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return records.map(toRecord);
  }

  @Mutation(() => VerificationReportNode, { description: 'Verifies every signature of a PDF (base64 upload or stored version) against the current trust list and stores the report. Public.' })
  async verifyDocument(@Arg('input') input: VerifyDocumentInput, @Ctx() ctx: RequestContext): Promise<VerificationReportNode> {
    return (await verifyDocument(ctx, input)) as unknown as VerificationReportNode;
  }

  @Query(() => VerificationReportNode, { description: 'A stored verification report by id. Public (the id is unguessable).' })
  async verificationReport(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<VerificationReportNode> {
    const record = await ctx.em.findOne(VerificationRecord, { id });
    if (!record) throw AppError.notFound({ vi: 'báo cáo kiểm tra', en: 'verification report' }, id);
    return { ...(record.report as object), id } as unknown as VerificationReportNode;
  }

  @Query(() => TrustListNode, { description: 'The current trust list (roots and CRLs), or an older version by number. Public.' })
  async trustList(@Arg('number', () => Int, { nullable: true }) number: number | undefined, @Ctx() ctx: RequestContext): Promise<TrustListNode> {
    if (number === undefined || number === null) return toTrustList(await currentTrustList(ctx.em));
    const version = await ctx.em.findOne(TrustListVersion, { number });
    if (!version) throw AppError.notFound({ vi: 'phiên bản danh sách tin cậy', en: 'trust list version' }, String(number));
    return toTrustList(version);
  }

  @Mutation(() => TrustListNode, { description: 'Adds a root certificate to trust, as a new trust-list version (`signature.trust.manage`).' })
  async addTrustAnchor(@Arg('input') input: AddTrustAnchorInput, @Ctx() ctx: RequestContext): Promise<TrustListNode> {
    return toTrustList(await addTrustAnchor(ctx, input));
  }

  @Mutation(() => TrustListNode, { description: 'Removes a root certificate (by SHA-256), as a new trust-list version (`signature.trust.manage`).' })
  async removeTrustAnchor(@Arg('sha256') sha256: string, @Ctx() ctx: RequestContext): Promise<TrustListNode> {
    return toTrustList(await removeTrustAnchor(ctx, sha256));
  }

  @Mutation(() => TrustListNode, { description: 'Stores a CRL after checking its signature, as a new trust-list version (`signature.trust.manage`).' })
  async uploadCrl(@Arg('input') input: UploadCrlInput, @Ctx() ctx: RequestContext): Promise<TrustListNode> {
    return toTrustList(await uploadCrl(ctx, input));
  }
}
