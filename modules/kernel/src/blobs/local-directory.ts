import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { blobAddress, isBlobAddress, type BlobStore, type StoredBlob } from './blob-store.js';

/**
 * A blob store in a local directory: `<root>/ab/cd/abcd…` per SHA-256. Writes go to a temporary
 * file renamed into place, so a reader never sees a partial blob; reads re-hash the bytes.
 *
 * @example
 * const blobs = new LocalDirectoryBlobStore('/var/lib/motcua/blobs');
 * const { sha256 } = await blobs.put(bytes);
 */
export class LocalDirectoryBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!isBlobAddress(sha256)) throw new Error(`not a blob address: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Uint8Array): Promise<StoredBlob> {
    const sha256 = blobAddress(content);
    const path = this.pathOf(sha256);
    if (!(await this.has(sha256))) {
      await mkdir(join(path, '..'), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, content, { flag: 'wx' });
      await rename(temporary, path);
    }
    return { sha256, byteLength: content.byteLength };
  }

  async get(sha256: string): Promise<Uint8Array> {
    const content = new Uint8Array(await readFile(this.pathOf(sha256)));
    if (blobAddress(content) !== sha256) throw new Error(`blob ${sha256} is corrupted`);
    return content;
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(() => true, () => false);
  }
}
