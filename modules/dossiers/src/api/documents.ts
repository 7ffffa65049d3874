import { AppError, type RequestContext, uuid7 } from '@motcua/kernel/contract';
import { type Dossier, DossierDocument } from '../dossier/dossier.entity.js';
import { dossierBlobs } from '../store/blobs.js';
import type { AttachDocumentInput } from './dossier.types.js';

/** Largest document accepted (bytes). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Checks a document before it is stored (e.g. a virus scanner); throws to refuse it. */
export interface DocumentScanner {
  scan(content: Uint8Array, fileName: string): Promise<void>;
}

let scanner: DocumentScanner = { scan: async () => undefined };

/** Installs the document scanner (ClamAV adapter, …); the default accepts everything. */
export function useDocumentScanner(next: DocumentScanner): void {
  scanner = next;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]], // .docx, .xlsx
];

/** The media type from the content's first bytes, or null when not an accepted type. @example sniffType(pdfBytes) // 'application/pdf' */
export function sniffType(content: Uint8Array): string | null {
  return SIGNATURES.find(([, magic]) => magic.every((byte, i) => content[i] === byte))?.[0] ?? null;
}

/** Decodes base64 content, refusing it when empty, over 10 MB, or not of an accepted type (or not `only`). */
export function documentFromBase64(base64: string, only?: string, field = 'contentBase64'): Uint8Array {
  const content = new Uint8Array(Buffer.from(base64, 'base64'));
  if (!content.length || content.length > MAX_DOCUMENT_BYTES) {
    throw AppError.badInput(field, { vi: 'Tệp rỗng hoặc lớn hơn 10 MB', en: 'The file is empty or larger than 10 MB' });
  }
  const mediaType = sniffType(content);
  if (!mediaType || (only && mediaType !== only)) {
    throw AppError.badInput(field, { vi: `Loại tệp không được nhận (${only ?? 'PDF, PNG, JPEG, DOCX, XLSX'})`, en: `File type not accepted (${only ?? 'PDF, PNG, JPEG, DOCX, XLSX'})` });
  }
  return content;
}

/** Decodes, checks (size, type, scanner) and stores a document as a blob, recording it on the dossier. */
export async function storeDocument(ctx: RequestContext, dossier: Dossier, input: AttachDocumentInput): Promise<DossierDocument> {
  const content = documentFromBase64(input.contentBase64);
  const mediaType = sniffType(content)!;
  await scanner.scan(content, input.fileName);
  const { sha256 } = await dossierBlobs().put(content);
  const now = ctx.clock.now();
  const document = ctx.em.create(DossierDocument, {
    id: uuid7(now.getTime()), dossierId: dossier.id, componentCode: input.componentCode, fileName: input.fileName.slice(0, 300), mediaType,
    byteLength: content.length, sha256, digitised: input.digitised ?? false, reused: input.reused ?? false, fromNationalStore: input.fromNationalStore ?? false,
    attachedAt: now, attachedBy: ctx.principal?.userId ?? null,
  });
  await ctx.em.flush();
  return document;
}
