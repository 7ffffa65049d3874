import { AppError, uuid7, type RequestContext } from '@motcua/kernel/contract';
import type { EntityManager } from '@mikro-orm/knex';
import { sha256Hex } from '../pki/der.js';
import { documentBlobs } from '../store/blobs.js';
import { DocumentVersion } from '../store/entities.js';

/**
 * Largest document accepted over GraphQL, decoded. Base64 inflates by 4/3 and the server's body
 * cap is 1 MB by default, so about 700 KB fits; larger files go as raw bytes to the HTTP routes
 * (`POST /signature/documents`, `POST /signature/verify`), capped at `MAX_STREAMED_DOCUMENT_BYTES`.
 */
export const MAX_DOCUMENT_BYTES = 700_000;

/** Largest document the HTTP upload routes accept (raw bytes, no base64). */
export const MAX_STREAMED_DOCUMENT_BYTES = 20_000_000;

/** Decodes a base64 field, refusing oversized, empty or non-PDF content. */
export function decodeDocument(field: string, base64: string): Uint8Array {
  return checkedDocument(field, new Uint8Array(Buffer.from(base64, 'base64')), MAX_DOCUMENT_BYTES);
}

/**
 * Refuses empty, oversized or non-PDF bytes with a bilingual BAD_USER_INPUT naming `field`.
 *
 * @example checkedDocument('body', bytes, MAX_STREAMED_DOCUMENT_BYTES)
 */
export function checkedDocument(field: string, bytes: Uint8Array, maxBytes: number): Uint8Array {
  if (!bytes.length) throw AppError.badInput(field, { vi: 'tệp rỗng hoặc không phải base64', en: 'empty or not base64' });
  if (bytes.length > maxBytes) throw AppError.badInput(field, { vi: `tệp lớn hơn ${maxBytes} byte`, en: `larger than ${maxBytes} bytes` });
  if (Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') throw AppError.badInput(field, { vi: 'không phải tệp PDF', en: 'not a PDF file' });
  return bytes;
}

/** A document version by id, or NOT_FOUND. */
export async function documentVersionOrFail(em: EntityManager, id: string): Promise<DocumentVersion> {
  const version = await em.findOne(DocumentVersion, { id });
  if (!version) throw AppError.notFound({ vi: 'phiên bản văn bản', en: 'document version' }, id);
  return version;
}

/**
 * Stores bytes in the blob store and records them as a version (the existing version when the
 * same bytes were stored before: content addressing makes uploads idempotent).
 *
 * @example const version = await storeDocumentVersion(ctx, pdf, { kind: 'UPLOADED' });
 */
export async function storeDocumentVersion(ctx: RequestContext, bytes: Uint8Array, options: { kind: 'UPLOADED' | 'SIGNED'; previous?: DocumentVersion }): Promise<DocumentVersion> {
  const sha256 = sha256Hex(bytes);
  const existing = await ctx.em.findOne(DocumentVersion, { sha256 });
  if (existing) return existing;
  await documentBlobs().put(bytes);
  const id = uuid7();
  const version = Object.assign(new DocumentVersion(), {
    id, documentId: options.previous?.documentId ?? id, previousVersionId: options.previous?.id ?? null, sha256, byteLength: bytes.length,
    kind: options.kind, createdAt: ctx.clock.now(), createdBy: ctx.principal?.userId ?? null,
  });
  ctx.em.persist(version);
  return version;
}

/** The bytes of a version, from the blob store. */
export function documentBytes(version: DocumentVersion): Promise<Uint8Array> {
  return documentBlobs().get(version.sha256);
}

/** Whether a later version of the same document exists (then the version is no longer current). */
export async function hasNewerVersion(em: EntityManager, version: DocumentVersion): Promise<boolean> {
  return (await em.count(DocumentVersion, { previousVersionId: version.id })) > 0;
}
