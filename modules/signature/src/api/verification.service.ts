import { AppError, appendAudit, uuid7, type RequestContext } from '@motcua/kernel/contract';
import { VerificationRecord } from '../store/entities.js';
import type { VerificationReport } from '../verify/report.js';
import { verifyPdf } from '../verify/verifier.js';
import { decodeDocument, documentBytes, documentVersionOrFail } from './documents.service.js';
import { currentTrustList, trustContext } from './trust-list.service.js';

/** A stored report with its id. */
export type StoredReport = VerificationReport & { id: string };

/**
 * Verifies an uploaded PDF (base64) or a stored document version against the current trust
 * list, stores the report and records the verification in the audit chain. Public.
 *
 * @example const report = await verifyDocument(ctx, { contentBase64 });
 */
export async function verifyDocument(ctx: RequestContext, input: { contentBase64?: string | null; documentVersionId?: string | null; requireRevocation?: boolean | null }): Promise<StoredReport> {
  if (!!input.contentBase64 === !!input.documentVersionId) throw AppError.badInput('input', { vi: 'cần đúng một trong contentBase64 và documentVersionId', en: 'give exactly one of contentBase64 and documentVersionId' });
  const bytes = input.contentBase64 ? decodeDocument('contentBase64', input.contentBase64) : await documentBytes(await documentVersionOrFail(ctx.em, input.documentVersionId!));
  return verifyBytes(ctx, bytes, !!input.requireRevocation);
}

/**
 * Verifies PDF bytes, stores the report and audits it (what `verifyDocument` and the
 * `POST /signature/verify` route share). The stored report carries no certificate bytes.
 *
 * @example const report = await verifyBytes(ctx, pdf, false);
 */
export async function verifyBytes(ctx: RequestContext, bytes: Uint8Array, requireRevocation: boolean): Promise<StoredReport> {
  const report = await verifyPdf(bytes, trustContext(await currentTrustList(ctx.em)), { now: ctx.clock.now(), requireRevocation });
  const id = uuid7();
  const stored = { ...report, id };
  ctx.em.persist(Object.assign(new VerificationRecord(), {
    id, documentSha256: report.documentSha256, verifiedAt: report.verifiedAt, overall: report.overall, trustListVersion: report.trustListVersion,
    report: withoutCertificateBytes(report),
  }));
  await appendAudit(ctx.em, {
    actorId: ctx.principal?.userId ?? null, action: 'signature.verify', entityType: 'VerificationRecord', entityId: id,
    data: { document: report.documentSha256, overall: report.overall, trustList: report.trustListVersion, signatures: report.signatures.map((s) => [s.indication, s.subIndication ?? null]) },
  }, ctx.clock.now());
  return stored;
}

/** The report as JSON without the certificates' DER bytes. */
export function withoutCertificateBytes(report: VerificationReport): unknown {
  return JSON.parse(JSON.stringify(report, (key, value) => (key === 'der' ? undefined : value)));
}
