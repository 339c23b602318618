import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { FileStorage, StoredFile } from './file-storage';

const KEY_PATTERN = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** Stores each distinct content once, as `sha256/<first two hex>/<sha256>` under the root directory. */
export class DirectoryFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    const path = this.pathOf(key);
    if (!(await this.exists(path))) {
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      try {
        await writeFile(partial, bytes, { flag: 'wx' });
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
    }
    return { key, sha256, sizeBytes: bytes.byteLength };
  }

  async putFile(path: string, digest: { sha256: string; sizeBytes: number }): Promise<StoredFile> {
    if (!/^[0-9a-f]{64}$/.test(digest.sha256)) throw new Error(`Not a sha256 digest: ${digest.sha256}`);
    const key = `sha256/${digest.sha256.slice(0, 2)}/${digest.sha256}`;
    const target = this.pathOf(key);
    if (await this.exists(target)) {
      await rm(path, { force: true });
    } else {
      await mkdir(dirname(target), { recursive: true });
      await rename(path, target);
    }
    return { key, sha256: digest.sha256, sizeBytes: digest.sizeBytes };
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.root, key);
  }

  private async exists(path: string): Promise<boolean> {
    try {
      return (await stat(path)).isFile();
    } catch {
      return false;
    }
  }
}
