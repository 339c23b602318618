import type { CellRecord, Finding, ReportFormat, SectionKey, TableFormats } from '@nianbao/report-format';
import type { AgencyView } from './agency';

/** The answer of `GET /api/reports/:id`: the report with its current version's values, cells, findings, sections. */
export interface ReportView {
  id: string;
  agency: AgencyView | null;
  year: number;
  format: ReportFormat;
  tableFormats: TableFormats;
  title: string | null;
  values: Record<string, number | null>;
  cells: Record<string, CellRecord>;
  findings: Finding[];
  sections: Partial<Record<SectionKey, string>>;
  uploadId: string;
  versionNumber: number;
  /** Made by the demo seed (its upload or its agency), not by a real body. */
  isDemo: boolean;
}
