import { Injectable } from '@nestjs/common';
import type { UploadStatus } from '@nianbao/api-contract';
import { DataSource, LessThan } from 'typeorm';
import { ReportVersionEntity } from '../entities/report-version.entity';
import { UploadEntity } from '../entities/upload.entity';

export interface NewUpload {
  id: string;
  agencyId: string | null;
  declaredYear: number | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  isDemo: boolean;
}

export interface UploadState {
  id: string;
  status: UploadStatus;
  fileName: string;
  agencyId: string | null;
  declaredYear: number | null;
  storageKey: string;
  sha256: string;
  revision: number;
  attempts: number;
  isDemo: boolean;
  reportId: string | null;
  error: { code: string; message: string } | null;
}

@Injectable()
export class UploadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(upload: NewUpload): Promise<void> {
    await this.dataSource.getRepository(UploadEntity).insert({ ...upload, status: 'queued' });
  }

  async findById(id: string): Promise<UploadState | null> {
    const upload = await this.dataSource.getRepository(UploadEntity).findOne({ where: { id } });
    if (!upload) return null;
    const version = await this.dataSource
      .getRepository(ReportVersionEntity)
      .findOne({ where: { uploadId: id }, select: { id: true, reportId: true } });
    return {
      id: upload.id,
      status: upload.status,
      fileName: upload.fileName,
      agencyId: upload.agencyId,
      declaredYear: upload.declaredYear,
      storageKey: upload.storageKey,
      sha256: upload.sha256,
      revision: upload.revision,
      attempts: upload.attempts,
      isDemo: upload.isDemo,
      reportId: version?.reportId ?? null,
      error: upload.errorCode ? { code: upload.errorCode, message: upload.errorMessage ?? '' } : null,
    };
  }

  /** Whether an upload of these bytes is already stored as a demo upload (the demo seed is idempotent by content). */
  async existsDemoWithSha256(sha256: string): Promise<boolean> {
    return this.dataSource.getRepository(UploadEntity).exist({ where: { sha256, isDemo: true } });
  }

  /**
   * Uploads still `queued` that were recorded before `cutoff`, oldest first: their job may never have reached the
   * queue (it was down when they arrived), so the api adds it again (the job id is deterministic).
   */
  async findQueuedBefore(cutoff: Date, limit: number): Promise<{ id: string; revision: number }[]> {
    const rows = await this.dataSource
      .getRepository(UploadEntity)
      .find({
        select: { id: true, revision: true },
        where: { status: 'queued', createdAt: LessThan(cutoff) },
        order: { createdAt: 'ASC' },
        take: limit,
      });
    return rows.map((row) => ({ id: row.id, revision: row.revision }));
  }

  /** A worker starts on the upload; a parsed upload stays parsed (a re-delivered job changes nothing). */
  async markParsing(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE "upload" SET "status" = 'parsing', "attempts" = "attempts" + 1, "updated_at" = now()
       WHERE "id" = $1 AND "status" <> 'parsed'`,
      [id],
    );
  }

  async markFailed(id: string, error: { code: string; message: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE "upload" SET "status" = 'failed', "error_code" = $2, "error_message" = $3, "updated_at" = now(),
              "finished_at" = now()
       WHERE "id" = $1 AND "status" <> 'parsed'`,
      [id, error.code, error.message],
    );
  }
}
