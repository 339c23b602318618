import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AcceptedUpload, RejectedUpload, UploadResult, UploadView } from '@nianbao/api-contract';
import { AgenciesRepository, FILE_STORAGE, UploadsRepository, type FileStorage } from '@nianbao/persistence';
import { INGEST_QUEUE, IngestJobName, parseUploadJobOptions, type ParseUploadPayload } from '@nianbao/queue-contracts';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkUploadFile, type FileCheck } from './upload-file-check';
import { UploadStaging, type StagedFile } from './upload-staging';
import { UploadError, UploadErrorCode } from './upload.error';

/** A file made on the server (the demo seed), uploaded through the same path as a person's. */
export interface BufferedFile {
  originalname: string;
  mimetype: string;
  buffer: Uint8Array;
}

export interface UploadOptions {
  agencyId?: string;
  year?: number;
  isDemo?: boolean;
}

const MAX_FILE_NAME = 255;
const ENQUEUE_TIMEOUT_MS = 5000;

/** A display name only (storage keys come from the content): no path, no control characters, bounded length. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'upload').slice(0, MAX_FILE_NAME);
}

function rejection(file: StagedFile, check: Extract<FileCheck, { ok: false }>): RejectedUpload<UploadErrorCode> {
  return { fileName: safeFileName(file.originalname), status: 'rejected', error: { code: check.code, message: check.message } };
}

@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly agencies: AgenciesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectQueue(INGEST_QUEUE) private readonly ingest: Queue<ParseUploadPayload>,
    private readonly staging: UploadStaging,
  ) {}

  /**
   * Checks each staged file (name and content, see UploadResult; read one file at a time); moves each file that
   * passes into the store, records it `queued` and enqueues its parse job (parsing happens in the worker). Rejected
   * files are answered beside the accepted ones; when no file passes, the request fails with the rejections. Staged
   * files not moved into the store stay for the caller to discard.
   */
  async accept(files: readonly StagedFile[], options: UploadOptions = {}): Promise<UploadResult[]> {
    if (files.length === 0) throw new UploadError(UploadErrorCode.NoFiles);
    if (options.agencyId && !(await this.agencies.findById(options.agencyId))) {
      throw new UploadError(UploadErrorCode.UnknownAgency);
    }
    const checked: { file: StagedFile; check: FileCheck }[] = [];
    for (const file of files) checked.push({ file, check: checkUploadFile(file.originalname, await readFile(file.path)) });
    const rejections = checked.flatMap(({ file, check }) => (check.ok ? [] : [rejection(file, check)]));
    if (rejections.length === files.length) throw this.allRejected(rejections);
    const results: UploadResult[] = [];
    for (const { file, check } of checked) {
      results.push(check.ok ? await this.store(file, options) : rejection(file, check));
    }
    return results;
  }

  /** Stages in-memory files, accepts them like uploaded ones, and removes what is left of them. */
  async acceptBuffers(files: readonly BufferedFile[], options: UploadOptions = {}): Promise<UploadResult[]> {
    const staged: StagedFile[] = [];
    try {
      for (const file of files) staged.push(await this.staging.stageBytes(file.originalname, file.mimetype, file.buffer));
      return await this.accept(staged, options);
    } finally {
      await this.staging.discard(staged);
    }
  }

  async status(id: string): Promise<UploadView> {
    const upload = await this.uploads.findById(id);
    if (!upload) throw new UploadError(UploadErrorCode.NotFound);
    return {
      id: upload.id,
      status: upload.status,
      fileName: upload.fileName,
      ...(upload.reportId ? { reportId: upload.reportId } : {}),
      ...(upload.error ? { error: upload.error } : {}),
    };
  }

  private async store(file: StagedFile, options: UploadOptions): Promise<AcceptedUpload> {
    const stored = await this.storage.putFile(file.path, { sha256: file.sha256, sizeBytes: file.size });
    const id = randomUUID();
    const fileName = safeFileName(file.originalname);
    await this.uploads.create({
      id,
      agencyId: options.agencyId ?? null,
      declaredYear: options.year ?? null,
      fileName,
      mediaType: (file.mimetype || 'application/octet-stream').slice(0, 255),
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.key,
      isDemo: options.isDemo ?? false,
    });
    await this.enqueue(id);
    return { id, status: 'queued', fileName };
  }

  /** The whole request fails: with the files' common code, or files_rejected when their reasons differ. */
  private allRejected(rejections: readonly RejectedUpload<UploadErrorCode>[]): UploadError {
    const codes = new Set(rejections.map((r) => r.error.code));
    if (codes.size > 1) return new UploadError(UploadErrorCode.FilesRejected, undefined, rejections);
    const [{ error }] = rejections;
    return new UploadError(error.code, error.message, rejections);
  }

  /**
   * Adds the upload's job, or answers 503 within ENQUEUE_TIMEOUT_MS when the queue is down instead of hanging. The
   * upload stays `queued`; its job id is deterministic, so a late or repeated add still makes one job.
   */
  async enqueue(uploadId: string, revision = 0): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the queue in ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([
        this.ingest.add(IngestJobName.ParseUpload, { uploadId }, parseUploadJobOptions(uploadId, revision)),
        timeout,
      ]);
    } catch (error) {
      this.logger.error(`enqueue failed for upload ${uploadId}: ${error instanceof Error ? error.message : String(error)}`);
      throw new UploadError(UploadErrorCode.QueueUnavailable);
    } finally {
      clearTimeout(timer);
    }
  }
}
