import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AgenciesRepository,
  FILE_STORAGE,
  ReportsRepository,
  UploadsRepository,
  type AgencySummary,
  type FileStorage,
  type UploadState,
} from '@nianbao/persistence';
import type { ParseUploadPayload } from '@nianbao/queue-contracts';
import { PARSER_VERSION, ParseError } from '@nianbao/report-parser';
import type { ParsedReport } from '@nianbao/report-format';
import { UnrecoverableError, type Job } from 'bullmq';
import { declarationFindings } from './declaration-findings';
import { INGEST_FAILURE_MESSAGES, IngestFailureCode } from './ingest-failure';
import { ParseLimitError, ParsePool } from './parse-pool';

export type ParseUploadOutcome =
  | { status: 'parsed'; reportId: string; versionNumber: number; created: boolean }
  | { status: 'already_parsed' };

/**
 * parse-upload: load the upload → read its bytes → parse (pure lib) → store everything in one transaction.
 * Bad input marks the upload failed with a code and stops retries; other errors retry with backoff.
 */
@Injectable()
export class ParseUploadHandler {
  private readonly logger = new Logger(ParseUploadHandler.name);

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly reports: ReportsRepository,
    private readonly parsePool: ParsePool,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async handle(job: Job<ParseUploadPayload>): Promise<ParseUploadOutcome> {
    const started = Date.now();
    const { uploadId } = job.data;
    const upload = await this.uploads.findById(uploadId);
    if (!upload) throw new UnrecoverableError(`upload ${uploadId} does not exist`);
    if (upload.status === 'parsed') {
      this.logger.log(`upload ${uploadId} already parsed; nothing to do`);
      return { status: 'already_parsed' };
    }
    this.logger.log(`parse-upload start: upload ${uploadId} (${upload.fileName}), attempt ${job.attemptsMade + 1}`);
    await this.uploads.markParsing(uploadId);
    try {
      const report = await this.parse(upload);
      const year = report.year ?? upload.declaredYear;
      if (year === null) return await this.reject(upload, IngestFailureCode.YearUnknown);
      const agency = await this.agencyOf(upload, report);
      if (!agency) return await this.reject(upload, IngestFailureCode.AgencyUnknown);
      const declaredAgency = upload.agencyId ? agency : null;
      const findings = [
        ...report.findings,
        ...declarationFindings({ year: upload.declaredYear, agency: declaredAgency }, report),
      ];
      const saved = await this.reports.saveParsedVersion({
        uploadId,
        agencyId: agency.id,
        year,
        parserVersion: PARSER_VERSION,
        report,
        findings,
      });
      this.logger.log(
        `parse-upload finish: upload ${uploadId}, agency ${agency.name} (${agency.id}), year ${year}, ` +
          `version ${saved.versionNumber}${saved.created ? '' : ' (existed)'}, ${Date.now() - started} ms`,
      );
      return { status: 'parsed', reportId: saved.reportId, versionNumber: saved.versionNumber, created: saved.created };
    } catch (error) {
      if (error instanceof UnrecoverableError) throw error;
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      this.logger.warn(
        `parse-upload error: upload ${uploadId}, ${Date.now() - started} ms, ` +
          `${lastAttempt ? 'giving up' : 'will retry'}: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (lastAttempt) {
        await this.uploads.markFailed(uploadId, {
          code: IngestFailureCode.ProcessingFailed,
          message: INGEST_FAILURE_MESSAGES[IngestFailureCode.ProcessingFailed],
        });
      }
      throw error;
    }
  }

  /** The report, parsed in the parse thread; input the parser refuses or that breaks a limit fails the upload. */
  private async parse(upload: UploadState): Promise<ParsedReport> {
    const bytes = await this.storage.get(upload.storageKey);
    try {
      return await this.parsePool.parse(bytes, upload.fileName);
    } catch (error) {
      if (error instanceof ParseLimitError) {
        this.logger.warn(`parse-upload stopped: upload ${upload.id}, ${error.code} (${error.message})`);
        return this.reject(upload, error.code);
      }
      if (!(error instanceof ParseError)) throw error;
      await this.uploads.markFailed(upload.id, { code: error.code, message: error.message });
      this.logger.log(`parse-upload rejected: upload ${upload.id}, ${error.code}`);
      throw new UnrecoverableError(error.code);
    }
  }

  /** The declared body; else the registered body the report names; else the report's body, registered now. */
  private async agencyOf(upload: UploadState, report: ParsedReport): Promise<AgencySummary | null> {
    if (upload.agencyId) return this.agencies.findById(upload.agencyId);
    if (!report.agency) return null;
    const { agency } = await this.agencies.findOrRegister({
      name: report.agency,
      regionName: report.region,
      isDemo: upload.isDemo,
    });
    return agency;
  }

  private async reject(upload: UploadState, code: IngestFailureCode): Promise<never> {
    await this.uploads.markFailed(upload.id, { code, message: INGEST_FAILURE_MESSAGES[code] });
    this.logger.log(`parse-upload rejected: upload ${upload.id}, ${code}`);
    throw new UnrecoverableError(code);
  }
}
