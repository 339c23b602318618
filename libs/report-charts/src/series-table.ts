import type { SeriesResponse, SeriesValueKind } from '@nianbao/api-contract';

export interface SeriesTableCell {
  year: number;
  value: number | null;
  kind: SeriesValueKind;
  reportId: string | null;
}

export interface SeriesTableRow {
  agencyId: string;
  agency: string;
  region: string;
  /** The agency's name, with its region added when two agencies share a name. */
  label: string;
  /** One cell per year of the table, in the same order. */
  cells: SeriesTableCell[];
}

/** A series pivoted for people: one row per agency, one column per year. */
export interface SeriesTable {
  metric: string;
  label: string;
  years: number[];
  rows: SeriesTableRow[];
}

function distinctLabels(rows: readonly { agency: string; region: string }[]): string[] {
  const nameCount = new Map<string, number>();
  for (const row of rows) nameCount.set(row.agency, (nameCount.get(row.agency) ?? 0) + 1);
  const withRegion = rows.map((row) =>
    (nameCount.get(row.agency) ?? 0) > 1 && row.region ? `${row.agency}（${row.region}）` : row.agency,
  );
  const seen = new Map<string, number>();
  return withRegion.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} ${count}`;
  });
}

/**
 * Pivots the API's rows (agency × year) into a table. Agencies keep the order of the response; years are sorted.
 * An agency/year pair the response does not contain becomes `missing`, never 0.
 */
export function toSeriesTable(series: SeriesResponse): SeriesTable {
  const years = [...new Set([...series.years, ...series.rows.map((row) => row.year)])].sort((a, b) => a - b);
  const agencies = new Map<string, { agencyId: string; agency: string; region: string }>();
  const cellsByAgency = new Map<string, Map<number, SeriesTableCell>>();
  for (const row of series.rows) {
    if (!agencies.has(row.agencyId)) {
      agencies.set(row.agencyId, { agencyId: row.agencyId, agency: row.agency, region: row.region });
      cellsByAgency.set(row.agencyId, new Map());
    }
    cellsByAgency.get(row.agencyId)?.set(row.year, {
      year: row.year,
      value: row.kind === 'number' ? row.value : null,
      kind: row.kind,
      reportId: row.reportId,
    });
  }
  const agencyList = [...agencies.values()];
  const labels = distinctLabels(agencyList);
  const rows = agencyList.map((agency, index) => {
    const byYear = cellsByAgency.get(agency.agencyId);
    return {
      ...agency,
      label: labels[index] ?? agency.agency,
      cells: years.map(
        (year): SeriesTableCell => byYear?.get(year) ?? { year, value: null, kind: 'missing', reportId: null },
      ),
    };
  });
  return { metric: series.metric, label: series.label, years, rows };
}
