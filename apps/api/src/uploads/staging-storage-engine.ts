import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { rm } from 'node:fs/promises';
import { writeStaged } from './upload-staging';

/**
 * A multer storage engine that writes each file to the staging directory as it arrives and hashes it on the way,
 * so that a request's files are never all held in memory. Multer calls `_removeFile` for the files of a request it
 * aborts (a limit exceeded, the client gone); the controller's StagedFilesCleanupInterceptor removes the rest.
 */
export class StagingStorageEngine implements StorageEngine {
  constructor(private readonly dir: string) {}

  _handleFile(
    _request: Request,
    file: Express.Multer.File,
    callback: (error?: Error | null, info?: Partial<Express.Multer.File> & { sha256?: string }) => void,
  ): void {
    writeStaged(this.dir, file.stream).then(
      ({ path, size, sha256 }) => callback(null, { path, size, sha256 }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
