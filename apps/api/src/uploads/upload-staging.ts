import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@nianbao/config';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** A file written to the staging directory as it arrived, with its digest computed on the way. */
export interface StagedFile {
  originalname: string;
  mimetype: string;
  /** Under STORAGE_DIR/incoming, named by a random UUID (never by the uploader's name). */
  path: string;
  size: number;
  sha256: string;
}

/** Staged files older than this were left by a process that died mid-request; the api removes them at boot. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Where uploads are staged: inside STORAGE_DIR, so that moving one into the store is a rename on one file system. */
export function stagingDirectory(config: AppConfig): string {
  return join(config.storageDir, 'incoming');
}

/** Writes a stream to a new file in `dir` while hashing it; removes the partial file when the stream fails. */
export async function writeStaged(
  dir: string,
  stream: Readable,
): Promise<{ path: string; size: number; sha256: string }> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const hash = createHash('sha256');
  let size = 0;
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.byteLength;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(stream, hashing, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, size, sha256: hash.digest('hex') };
}

/** The staging directory of uploads: files arrive here, then move into the store or are removed. */
@Injectable()
export class UploadStaging implements OnModuleInit {
  private readonly logger = new Logger(UploadStaging.name);
  private readonly dir: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dir = stagingDirectory(config);
  }

  /** Removes staged files a crashed process left behind (older than an hour, so never another request's). */
  async onModuleInit(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const cutoff = Date.now() - STALE_AFTER_MS;
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && info.mtimeMs < cutoff) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    if (removed > 0) this.logger.warn(`removed ${removed} stale staged upload(s) from ${this.dir}`);
  }

  /** Stages bytes already in memory (uploads made by the server itself, e.g. the demo seed). */
  async stageBytes(originalname: string, mimetype: string, bytes: Uint8Array): Promise<StagedFile> {
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${randomUUID()}.upload`);
    await writeFile(path, bytes, { flag: 'wx' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { originalname, mimetype, path, size: bytes.byteLength, sha256 };
  }

  /** Removes what is left of these staged files (those moved into the store are gone already). */
  async discard(files: readonly { path: string }[]): Promise<void> {
    await Promise.all(files.map((file) => rm(file.path, { force: true })));
  }
}
