import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  proactiveBands,
  REQUEST_COLUMNS,
  requestRows,
  type ColumnDef,
  type FormatVersion,
  type Locale,
  type ReportFormat,
  type RowDef,
  type TableFormats,
} from '@nianbao/report-format';

export interface GridColumn {
  key: string;
  label: string;
}

export interface GridRow {
  key: string;
  label: string;
  /** Canonical cell key per column, in column order. */
  cellKeys: string[];
}

/** One printed table (or one band of table 二) laid out with the format's own labels. */
export interface Grid {
  id: string;
  caption: string;
  columns: GridColumn[];
  rows: GridRow[];
}

export interface ReportGrids {
  proactive: { version: FormatVersion; grids: Grid[] };
  requests: { version: FormatVersion; grid: Grid };
  appeals: Grid;
}

function labelOf(def: RowDef | ColumnDef, locale: Locale): string {
  return locale === 'en' ? def.labelEn : def.label;
}

/** The layout of a table: what the parser found, else the report's overall format, else the current (2021) one. */
function versionOf(found: FormatVersion | undefined, format: ReportFormat): FormatVersion {
  return found ?? (format === '2019' ? '2019' : '2021');
}

function grid(
  id: string,
  caption: string,
  rows: readonly RowDef[],
  columns: readonly ColumnDef[],
  keyOf: (row: RowDef, column: ColumnDef) => string,
  locale: Locale,
): Grid {
  return {
    id,
    caption,
    columns: columns.map((column) => ({ key: column.key, label: labelOf(column, locale) })),
    rows: rows.map((row) => ({
      key: row.key,
      label: labelOf(row, locale),
      cellKeys: columns.map((column) => keyOf(row, column)),
    })),
  };
}

/** Tables 二, 三 and 四 of a report in the layout of the format each table was printed in. */
export function reportGrids(format: ReportFormat, tableFormats: TableFormats, locale: Locale): ReportGrids {
  const proactiveVersion = versionOf(tableFormats.proactive, format);
  const requestVersion = versionOf(tableFormats.requests, format);
  return {
    proactive: {
      version: proactiveVersion,
      grids: proactiveBands(proactiveVersion).map((band, index) =>
        grid(`proactive-${index}`, band.item, band.rows, band.columns, (r, c) => `proactive.${r.key}.${c.key}`, locale),
      ),
    },
    requests: {
      version: requestVersion,
      grid: grid(
        'requests',
        '',
        requestRows(requestVersion),
        REQUEST_COLUMNS,
        (r, c) => `requests.${r.key}.${c.key}`,
        locale,
      ),
    },
    appeals: grid('appeals', '', APPEAL_GROUPS, APPEAL_COLUMNS, (r, c) => `appeals.${r.key}.${c.key}`, locale),
  };
}

/** An element id for a cell key (`requests.granted.total` → `cell-requests-granted-total`). */
export function cellAnchor(key: string): string {
  return `cell-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
