import { Injectable } from '@nestjs/common';
import type { ReportView } from '@nianbao/api-contract';
import type { CellRecord, Finding, ParsedReport } from '@nianbao/report-format';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';
import { FindingEntity } from '../entities/finding.entity';
import { ReportValueEntity } from '../entities/report-value.entity';
import { ReportVersionEntity } from '../entities/report-version.entity';
import { ReportEntity } from '../entities/report.entity';
import { chunkForInsert } from './chunk';

export interface ParsedVersionInput {
  uploadId: string;
  agencyId: string;
  year: number;
  parserVersion: string;
  report: ParsedReport;
  /** The report's findings plus those only the worker can know (X.year, X.agency). */
  findings: readonly Finding[];
}

export interface SavedVersion {
  reportId: string;
  versionId: string;
  versionNumber: number;
  /** False when this upload's version already existed: nothing was written. */
  created: boolean;
}

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: violated } = driverError as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores one parsed upload in ONE transaction: the report (agency, year) upserted, a new immutable version with
   * its values and findings, the report's current version and current values moved to it, the upload marked parsed.
   * Keyed on the upload: when the upload's version exists already (a re-delivered job), nothing is written.
   */
  async saveParsedVersion(input: ParsedVersionInput): Promise<SavedVersion> {
    try {
      return await this.dataSource.transaction((manager) => this.saveIn(manager, input));
    } catch (error) {
      if (!isUniqueViolation(error, 'UQ_report_version_upload')) throw error;
      const existing = await this.findVersionOfUpload(this.dataSource.manager, input.uploadId);
      if (!existing) throw error;
      return existing;
    }
  }

  private async saveIn(manager: EntityManager, input: ParsedVersionInput): Promise<SavedVersion> {
    await manager.query('SELECT 1 FROM "upload" WHERE "id" = $1 FOR UPDATE', [input.uploadId]);
    const existing = await this.findVersionOfUpload(manager, input.uploadId);
    if (existing) {
      await this.markParsed(manager, input.uploadId);
      return existing;
    }

    const [{ id: reportId }] = (await manager.query(
      `INSERT INTO "report" ("id", "agency_id", "year") VALUES ($1, $2, $3)
       ON CONFLICT ("agency_id", "year") DO UPDATE SET "updated_at" = now()
       RETURNING "id"`,
      [randomUUID(), input.agencyId, input.year],
    )) as { id: string }[];
    const [{ next }] = (await manager.query(
      `SELECT COALESCE(MAX("number"), 0) + 1 AS "next" FROM "report_version" WHERE "report_id" = $1`,
      [reportId],
    )) as { next: number }[];

    const { report } = input;
    const versionId = randomUUID();
    await manager.insert(ReportVersionEntity, {
      id: versionId,
      reportId,
      uploadId: input.uploadId,
      number: Number(next),
      format: report.format,
      tableFormats: report.tableFormats,
      parserVersion: input.parserVersion,
      title: report.title,
      agencyName: report.agency,
      regionName: report.region,
      year: report.year,
      statisticsPeriod: report.statisticsPeriod,
      sections: report.sections,
    });

    const values = Object.entries(report.cells).map(([key, cell]) => ({
      versionId,
      key,
      value: cell.kind === 'number' ? cell.value : null,
      kind: cell.kind,
      raw: cell.raw,
      unit: cell.unit ?? null,
      source: cell.source ?? null,
    }));
    for (const key of Object.keys(report.values)) {
      if (!(key in report.cells)) {
        const value = report.values[key];
        values.push({ versionId, key, value, kind: value === null ? 'blank' : 'number', raw: String(value ?? ''), unit: null, source: null });
      }
    }
    for (const chunk of chunkForInsert(values, 7)) await manager.insert(ReportValueEntity, chunk);

    const findings = input.findings.map((f) => ({
      versionId,
      rule: f.rule,
      severity: f.severity,
      status: f.status,
      cells: f.cells,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      message: f.message,
    }));
    for (const chunk of chunkForInsert(findings, 8)) await manager.insert(FindingEntity, chunk);

    await manager.update(ReportEntity, { id: reportId }, { currentVersionId: versionId });
    await manager.query('DELETE FROM "current_value" WHERE "report_id" = $1', [reportId]);
    await manager.query(
      `INSERT INTO "current_value" ("key", "year", "agency_id", "report_id", "version_id", "value", "kind")
       SELECT "key", $2, $3, $4, "version_id", "value", "kind" FROM "report_value" WHERE "version_id" = $1`,
      [versionId, input.year, input.agencyId, reportId],
    );
    await this.markParsed(manager, input.uploadId);
    return { reportId, versionId, versionNumber: Number(next), created: true };
  }

  private async markParsed(manager: EntityManager, uploadId: string): Promise<void> {
    await manager.query(
      `UPDATE "upload" SET "status" = 'parsed', "error_code" = NULL, "error_message" = NULL, "updated_at" = now(),
              "finished_at" = COALESCE("finished_at", now())
       WHERE "id" = $1 AND "status" <> 'parsed'`,
      [uploadId],
    );
  }

  private async findVersionOfUpload(manager: EntityManager, uploadId: string): Promise<SavedVersion | null> {
    const version = await manager.findOne(ReportVersionEntity, { where: { uploadId } });
    return version
      ? { reportId: version.reportId, versionId: version.id, versionNumber: version.number, created: false }
      : null;
  }

  /** The report with its current version's values, cells, findings and sections. */
  async findReportView(reportId: string): Promise<ReportView | null> {
    const report = await this.dataSource.getRepository(ReportEntity).findOne({ where: { id: reportId } });
    if (!report || !report.currentVersionId) return null;
    const [version, agency, values, findings] = await Promise.all([
      this.dataSource.getRepository(ReportVersionEntity).findOneOrFail({
        where: { id: report.currentVersionId },
        relations: { upload: true },
      }),
      this.dataSource.getRepository(AgencyEntity).findOne({ where: { id: report.agencyId }, relations: { region: true } }),
      this.dataSource.getRepository(ReportValueEntity).find({ where: { versionId: report.currentVersionId } }),
      this.dataSource
        .getRepository(FindingEntity)
        .find({ where: { versionId: report.currentVersionId }, order: { id: 'ASC' } }),
    ]);
    const valueByKey: Record<string, number | null> = {};
    const cells: Record<string, CellRecord> = {};
    for (const v of values) {
      valueByKey[v.key] = v.value;
      cells[v.key] = {
        kind: v.kind,
        raw: v.raw,
        value: v.value,
        ...(v.unit ? { unit: v.unit } : {}),
        ...(v.source ? { source: v.source } : {}),
      };
    }
    return {
      id: report.id,
      agency: agency
        ? { id: agency.id, name: agency.name, kind: agency.kind, region: agency.region?.name ?? null }
        : null,
      year: report.year,
      format: version.format,
      tableFormats: version.tableFormats,
      title: version.title,
      values: valueByKey,
      cells,
      findings: findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        status: f.status,
        cells: f.cells,
        expected: f.expected,
        actual: f.actual,
        message: f.message,
      })),
      sections: version.sections,
      uploadId: version.uploadId,
      versionNumber: version.number,
      isDemo: (version.upload?.isDemo ?? false) || (agency?.isDemo ?? false),
    };
  }
}
