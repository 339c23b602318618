import { AgencyEntity } from './agency.entity';
import { CurrentValueEntity } from './current-value.entity';
import { FindingEntity } from './finding.entity';
import { RegionEntity } from './region.entity';
import { ReportValueEntity } from './report-value.entity';
import { ReportVersionEntity } from './report-version.entity';
import { ReportEntity } from './report.entity';
import { UploadEntity } from './upload.entity';

export * from './agency.entity';
export * from './current-value.entity';
export * from './finding.entity';
export * from './region.entity';
export * from './report-value.entity';
export * from './report-version.entity';
export * from './report.entity';
export * from './upload.entity';

/** Every entity, listed explicitly (no globs: the built output must not depend on file layout). */
export const ENTITIES = [
  RegionEntity,
  AgencyEntity,
  UploadEntity,
  ReportEntity,
  ReportVersionEntity,
  ReportValueEntity,
  FindingEntity,
  CurrentValueEntity,
];
