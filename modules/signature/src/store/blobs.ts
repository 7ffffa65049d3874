import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDirectoryBlobStore, type BlobStore } from '@motcua/kernel/contract';

let store: BlobStore | undefined;

/**
 * The module's blob store: `MOTCUA_BLOB_DIR`, else `data/blobs` (a per-process temporary
 * directory under tests). Content-addressed, so sharing a directory is harmless.
 *
 * @example const { sha256 } = await documentBlobs().put(bytes);
 */
export function documentBlobs(): BlobStore {
  store ??= new LocalDirectoryBlobStore(process.env.MOTCUA_BLOB_DIR ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? join(tmpdir(), `motcua-blobs-${process.pid}`) : 'data/blobs'));
  return store;
}

/** Replaces the blob store (e.g. an object store with WORM retention). */
export function useBlobStore(blobs: BlobStore): void {
  store = blobs;
}
