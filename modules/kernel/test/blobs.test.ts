import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { blobAddress, isBlobAddress, LocalDirectoryBlobStore } from '../src/contract.js';

const store = () => new LocalDirectoryBlobStore(mkdtempSync(join(tmpdir(), 'motcua-blobs-')));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('LocalDirectoryBlobStore', () => {
  test('stores content under its SHA-256 and gives it back', async () => {
    const blobs = store();
    const stored = await blobs.put(bytes('abc'));
    expect(stored).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', byteLength: 3 });
    expect(new TextDecoder().decode(await blobs.get(stored.sha256))).toBe('abc');
    expect(await blobs.has(stored.sha256)).toBe(true);
    expect(await blobs.has(blobAddress(bytes('other')))).toBe(false);
  });

  test('is idempotent: the same content is stored once', async () => {
    const blobs = store();
    const [a, b] = await Promise.all([blobs.put(bytes('same')), blobs.put(bytes('same'))]);
    expect(a).toEqual(b);
    const dir = join(blobs.root, a.sha256.slice(0, 2), a.sha256.slice(2, 4));
    expect(readdirSync(dir)).toEqual([a.sha256]);
  });

  test('refuses corrupted content, missing blobs and malformed addresses', async () => {
    const blobs = store();
    const { sha256 } = await blobs.put(bytes('original'));
    writeFileSync(join(blobs.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256), 'tampered');
    await expect(blobs.get(sha256)).rejects.toThrow(/corrupted/);
    await expect(blobs.get(blobAddress(bytes('never stored')))).rejects.toThrow();
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow(/not a blob address/);
    expect(isBlobAddress('A'.repeat(64))).toBe(false);
  });
});
