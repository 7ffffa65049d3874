import { ensureCan, type HttpRouteDefinition } from '@motcua/kernel/contract';
import { checkedDocument, documentVersionOrFail, MAX_STREAMED_DOCUMENT_BYTES, storeDocumentVersion } from './documents.service.js';
import { verifyBytes, withoutCertificateBytes } from './verification.service.js';

/**
 * PDFs larger than GraphQL's base64 limit (700 000 bytes) travel as raw bytes (any content
 * type; `application/pdf` by convention) to these routes, up to 20 MB:
 *
 * - `POST /signature/documents[?previousVersionId=…]` (`signature.sign`): stores the PDF as a
 *   document version, like `uploadDocument`; answers `{ "data": { id, documentId, sha256, byteLength, kind, previousVersionId } }`.
 *   Then sign it by id with `signDocument`.
 * - `POST /signature/verify[?requireRevocation=true]` (public, rate-limited like anonymous
 *   GraphQL): verifies the PDF like `verifyDocument`; answers `{ "data": <VerificationReport> }`.
 *
 * @example curl -H 'authorization: Bearer …' --data-binary @ket-qua.pdf https://…/signature/documents
 */
export const uploadRoutes: HttpRouteDefinition[] = [
  {
    path: '/signature/documents',
    maxBodyBytes: MAX_STREAMED_DOCUMENT_BYTES,
    handle: async (body, ctx, { search }) => {
      ensureCan(ctx, 'sign', 'Document');
      const previousId = search.get('previousVersionId');
      const previous = previousId ? await documentVersionOrFail(ctx.em, previousId) : undefined;
      const version = await storeDocumentVersion(ctx, checkedDocument('body', body, MAX_STREAMED_DOCUMENT_BYTES), { kind: 'UPLOADED', previous });
      const { id, documentId, sha256, byteLength, kind, previousVersionId, createdAt } = version;
      return { id, documentId, sha256, byteLength, kind, previousVersionId: previousVersionId ?? null, createdAt };
    },
  },
  {
    path: '/signature/verify',
    maxBodyBytes: MAX_STREAMED_DOCUMENT_BYTES,
    handle: async (body, ctx, { search }) => {
      const report = await verifyBytes(ctx, checkedDocument('body', body, MAX_STREAMED_DOCUMENT_BYTES), search.get('requireRevocation') === 'true');
      return { ...(withoutCertificateBytes(report) as object), id: report.id };
    },
  },
];
