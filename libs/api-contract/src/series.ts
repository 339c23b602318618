/**
 * The answer of `GET /api/stats/series`: one metric for every registered agency and requested year. Shared by the
 * API that builds it, the web app that draws it and the exports that write it.
 */

/**
 * What stands behind a value: the cell kinds; `unread` when the agency's report has no value for the cell (its table
 * or row is not in the document, or the parser flagged the cell as undecidable); `missing` when the agency has no
 * report for that year.
 */
export type SeriesValueKind = 'number' | 'blank' | 'na' | 'text' | 'unread' | 'missing';

export interface SeriesRow {
  agencyId: string;
  agency: string;
  region: string;
  year: number;
  /** The number for kind `number`; null otherwise (never a guessed zero). */
  value: number | null;
  kind: SeriesValueKind;
  reportId: string | null;
}

export interface SeriesResponse {
  /** Canonical key, e.g. `proactive.licensing.decisions`. */
  metric: string;
  label: string;
  years: number[];
  rows: SeriesRow[];
}
