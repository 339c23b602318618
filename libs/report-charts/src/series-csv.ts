import type { Locale } from '@nianbao/report-format';
import type { SeriesTable, SeriesTableCell } from './series-table';
import { kindLabel, yearLabel } from './value-kind-labels';

const HEADERS: Readonly<Record<Locale, { agency: string; region: string }>> = {
  'zh-CN': { agency: '单位', region: '地区' },
  en: { agency: 'Agency', region: 'Region' },
};

/** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP ASVS 1.2.10). */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r\0]/.test(text) ? `'${text}` : text;
}

function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText(cell: SeriesTableCell, locale: Locale): string {
  if (cell.kind === 'number' && cell.value !== null) return String(cell.value);
  return kindLabel(cell.kind === 'number' ? 'blank' : cell.kind, locale).short;
}

/**
 * The table as CSV (RFC 4180, CRLF line ends): agency, region, then one column per year. Values that are not
 * numbers are written as their label (`空白`, `不适用`, `未提交`, …), so they never read as 0.
 */
export function seriesTableCsv(table: SeriesTable, locale: Locale): string {
  const header = [HEADERS[locale].agency, HEADERS[locale].region, ...table.years.map((y) => yearLabel(y, locale))];
  const lines = [header.map((field) => quoteField(neutraliseFormula(field)))];
  for (const row of table.rows) {
    lines.push([
      quoteField(neutraliseFormula(row.agency)),
      quoteField(neutraliseFormula(row.region)),
      ...row.cells.map((cell) => quoteField(cellText(cell, locale))),
    ]);
  }
  return lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
