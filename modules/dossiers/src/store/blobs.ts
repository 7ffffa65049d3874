import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlobStore, LocalDirectoryBlobStore } from '@motcua/kernel/contract';

let store: BlobStore | undefined;

/**
 * Where dossier documents and generated forms live: `MOTCUA_BLOB_DIR`, else `data/blobs` (a
 * per-process temporary directory under tests). Content-addressed, so the directory may be
 * shared with the signature module.
 *
 * @example const { sha256 } = await dossierBlobs().put(pdf);
 */
export function dossierBlobs(): BlobStore {
  const testing = process.env.NODE_ENV === 'test' || process.env.VITEST;
  store ??= new LocalDirectoryBlobStore(process.env.MOTCUA_BLOB_DIR ?? (testing ? join(tmpdir(), `motcua-blobs-${process.pid}`) : 'data/blobs'));
  return store;
}
