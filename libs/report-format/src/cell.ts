/** What a table cell held, as the spec's "Cell values" section defines it. */
export type CellKind = 'number' | 'blank' | 'na' | 'text';

/** Where a value came from, so that the UI can show a number beside its source. All fields are 1-based. */
export interface CellSource {
  page?: number;
  table?: number;
  row?: number;
  column?: number;
  line?: number;
}

export interface CellRecord {
  kind: CellKind;
  /** The cell's text as printed (before normalisation). */
  raw: string;
  /** The number for kind `number`; null for blank, not applicable and text. */
  value: number | null;
  /** A unit printed inside the cell (`件`, `元`, `万元`), stripped from the value. */
  unit?: string;
  source?: CellSource;
}

/** Values of a report by canonical key: a number, or null where the cell was blank, n/a or text. */
export type ReportValues = Readonly<Record<string, number | null>>;
