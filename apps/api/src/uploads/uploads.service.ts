import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AgenciesRepository, FILE_STORAGE, UploadsRepository, type FileStorage } from '@nianbao/persistence';
import { INGEST_QUEUE, IngestJobName, parseUploadJobOptions, type ParseUploadPayload } from '@nianbao/queue-contracts';
import type { UploadStatus } from '@nianbao/persistence';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { UploadError, UploadErrorCode } from './upload.error';

export interface IncomingFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

export interface UploadOptions {
  agencyId?: string;
  year?: number;
  isDemo?: boolean;
}

export interface AcceptedUpload {
  id: string;
  status: UploadStatus;
}

export interface UploadStatusView {
  id: string;
  status: UploadStatus;
  fileName: string;
  reportId?: string;
  error?: { code: string; message: string };
}

const MAX_FILE_NAME = 255;
const ENQUEUE_TIMEOUT_MS = 5000;

/** A display name only (storage keys come from the content): no path, no control characters, bounded length. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'upload').slice(0, MAX_FILE_NAME);
}

@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly agencies: AgenciesRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @InjectQueue(INGEST_QUEUE) private readonly ingest: Queue<ParseUploadPayload>,
  ) {}

  /** Stores each file, records it `queued` and enqueues its parse job; parsing happens in the worker. */
  async accept(files: readonly IncomingFile[], options: UploadOptions = {}): Promise<AcceptedUpload[]> {
    if (files.length === 0) throw new UploadError(UploadErrorCode.NoFiles);
    if (options.agencyId && !(await this.agencies.findById(options.agencyId))) {
      throw new UploadError(UploadErrorCode.UnknownAgency);
    }
    const accepted: AcceptedUpload[] = [];
    for (const file of files) {
      const stored = await this.storage.put(file.buffer);
      const id = randomUUID();
      await this.uploads.create({
        id,
        agencyId: options.agencyId ?? null,
        declaredYear: options.year ?? null,
        fileName: safeFileName(file.originalname),
        mediaType: (file.mimetype || 'application/octet-stream').slice(0, 255),
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        isDemo: options.isDemo ?? false,
      });
      await this.enqueue(id);
      accepted.push({ id, status: 'queued' });
    }
    return accepted;
  }

  async status(id: string): Promise<UploadStatusView> {
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

  /**
   * Adds the upload's job, or answers 503 within ENQUEUE_TIMEOUT_MS when the queue is down instead of hanging. The
   * upload stays `queued`; its job id is deterministic, so a late or repeated add still makes one job.
   */
  private async enqueue(uploadId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the queue in ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
    });
    try {
      await Promise.race([
        this.ingest.add(IngestJobName.ParseUpload, { uploadId }, parseUploadJobOptions(uploadId)),
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
