import { createHash } from 'node:crypto';

/** What a blob store returns for stored content. */
export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content: its address. */
  sha256: string;
  byteLength: number;
}

/**
 * Immutable, content-addressed storage: content is stored once under its SHA-256 and never
 * overwritten, so a key always means the same bytes.
 *
 * @example
 * const { sha256 } = await blobs.put(pdfBytes);
 * const same = await blobs.get(sha256); // the same bytes, checked against the address
 */
export interface BlobStore {
  /** Stores content (a no-op when it is already there) and returns its address. */
  put(content: Uint8Array): Promise<StoredBlob>;
  /** The content at an address; throws when missing or when the stored bytes no longer match. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
}

/** Lower-case hex SHA-256 of content. @example blobAddress(new Uint8Array()) // 'e3b0c442…' */
export function blobAddress(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Whether a string is a well-formed blob address (64 lower-case hex digits). */
export function isBlobAddress(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
