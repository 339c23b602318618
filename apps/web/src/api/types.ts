import type {
  CellRecord,
  Finding,
  ReportFormat,
  SectionKey,
  SeriesResponse,
  TableFormats,
} from '@nianbao/report-format';

/** Response shapes of the HTTP API, as agreed in the interfaces brief. */

export type AgencyKind = 'township' | 'town' | 'subdistrict' | 'department' | 'government';

export interface Agency {
  id: string;
  name: string;
  kind: AgencyKind;
  /** Null when the agency is not yet placed in a region. */
  region: string | null;
}

export type UploadStatus = 'queued' | 'parsing' | 'parsed' | 'failed';

export interface UploadAccepted {
  id: string;
  status: UploadStatus;
}

export interface Upload {
  id: string;
  status: UploadStatus;
  fileName: string;
  reportId?: string;
  error?: { code: string; message: string };
}

export interface ReportDetail {
  id: string;
  agency: Agency | null;
  year: number | null;
  format: ReportFormat;
  tableFormats: TableFormats;
  title: string | null;
  values: Record<string, number | null>;
  cells: Record<string, CellRecord>;
  findings: Finding[];
  sections: Partial<Record<SectionKey, string>>;
  uploadId: string;
  versionNumber: number;
  isDemo: boolean;
}

export type { SeriesResponse };
