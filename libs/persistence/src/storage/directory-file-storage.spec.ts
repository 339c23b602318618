import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryFileStorage } from './directory-file-storage';

describe('DirectoryFileStorage', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'nianbao-storage-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stores bytes under their sha256 once and reads them back', async () => {
    const storage = new DirectoryFileStorage(root);
    const bytes = new TextEncoder().encode('柴关乡 2023');
    const first = await storage.put(bytes);
    const second = await storage.put(bytes);
    expect(second).toEqual(first);
    expect(first.key).toBe(`sha256/${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(first.sizeBytes).toBe(bytes.byteLength);
    await expect(storage.get(first.key)).resolves.toEqual(Buffer.from(bytes));
    expect(await readdir(join(root, 'sha256', first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('moves a staged file into the store under its digest, and drops it when the content is stored already', async () => {
    const storage = new DirectoryFileStorage(root);
    const bytes = Buffer.from('柴关乡 2023 staged');
    const digest = { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.byteLength };
    const staged = join(root, 'incoming-1');
    await writeFile(staged, bytes);
    const stored = await storage.putFile(staged, digest);
    expect(stored).toEqual({ key: `sha256/${digest.sha256.slice(0, 2)}/${digest.sha256}`, ...digest });
    await expect(storage.get(stored.key)).resolves.toEqual(bytes);
    const again = join(root, 'incoming-2');
    await writeFile(again, bytes);
    await expect(storage.putFile(again, digest)).resolves.toEqual(stored);
    expect((await readdir(root)).sort()).toEqual(['sha256']);
    await expect(storage.putFile(again, { sha256: '../x', sizeBytes: 1 })).rejects.toThrow('Not a sha256 digest');
  });

  it('refuses a key that could leave the store', async () => {
    const storage = new DirectoryFileStorage(root);
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Not a storage key');
  });
});
