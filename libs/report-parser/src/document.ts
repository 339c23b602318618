/**
 * The document model every reader produces and every mapper consumes. Readers know file formats and nothing of
 * reports; mappers know the report formats and nothing of files.
 *
 * A document is a flat sequence of rows in reading order. A paragraph is a row with one cell and no `table`.
 * A table row (from .docx, .html, .xlsx, a PDF line split at column gaps, or a flattened-text line split at `|` or
 * tabs) has one entry per grid cell: merged cells are expanded, and every cell a merge covers beyond its first is
 * marked `covered` (its text repeats the merged cell's text, so headers read naturally and values are not counted
 * twice).
 */
export type FileKind = 'docx' | 'doc' | 'pdf' | 'html' | 'text' | 'xlsx';

export interface DocCell {
  /** The cell's text as printed; paragraphs inside a cell are joined with '\n'. Not normalised. */
  text: string;
  /** True when this grid slot is covered by a merged cell that starts left of it or above it. */
  covered?: boolean;
  /** PDF only: the x coordinate (points) where the cell's text starts, and where it ends. */
  x?: number;
  xEnd?: number;
}

export interface DocRow {
  cells: DocCell[];
  /** 1-based index of the table within the document, for rows that belong to a real table. */
  table?: number;
  /** 1-based row index within its table. */
  row?: number;
  /** 1-based page (PDF) or sheet (xlsx) number. */
  page?: number;
  /** 1-based line number in the source text (text and PDF readers). */
  line?: number;
}

export interface DocumentModel {
  fileKind: FileKind;
  rows: DocRow[];
  /** Number of pages (PDF) or sheets (xlsx), when the format has them. */
  pageCount?: number;
}
