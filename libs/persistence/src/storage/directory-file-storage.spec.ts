import { mkdtemp, readdir, rm } from 'node:fs/promises';
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

  it('refuses a key that could leave the store', async () => {
    const storage = new DirectoryFileStorage(root);
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('Not a storage key');
  });
});
