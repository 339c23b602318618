import type { CellRecord } from './cell';
import type { Finding } from './finding';
import type { SectionKey } from './sections';
import type { FormatVersion, ReportFormat } from './table-layouts';

export interface TableFormats {
  proactive?: FormatVersion;
  requests?: FormatVersion;
}

export interface StatisticsPeriod {
  from: string;
  to: string;
}

/** Everything the parser read from one document. Pure data: the CLI prints it, the worker stores it. */
export interface ParsedReport {
  /** Layout of table 二; `unknown` when table 二 is absent. */
  format: ReportFormat;
  tableFormats: TableFormats;
  title: string | null;
  agency: string | null;
  region: string | null;
  year: number | null;
  statisticsPeriod: StatisticsPeriod | null;
  values: Record<string, number | null>;
  cells: Record<string, CellRecord>;
  findings: Finding[];
  sections: Partial<Record<SectionKey, string>>;
}
