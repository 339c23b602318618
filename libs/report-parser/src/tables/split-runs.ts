/**
 * Cells whose boundaries were lost (`898989`, `230 000023`): every way to cut the printed digits back into the
 * expected number of cells. Whitespace is always a boundary; a cell never starts with a 0 unless it is 0 itself; a
 * decimal point may only fall in a column that holds amounts. The enumeration is bounded: beyond `MAX_SPLITS`
 * candidates the caller treats the run as undecidable instead of searching on.
 */

export const MAX_SPLITS = 20000;
/** Bound on the search itself (cuts tried), so that long digit runs cannot blow up. */
export const MAX_STEPS = 400000;

export interface SplitResult {
  /** Every split found, each one string per cell (units kept on the cell that printed them). */
  splits: string[][];
  /** True when the bound was reached: the list is incomplete and the run must be treated as undecidable. */
  truncated: boolean;
}

interface Piece {
  /** A run of digits that may hold several cells. */
  digits?: string;
  fraction?: string;
  unit?: string;
  /** A piece that is exactly one cell (`-`, `+19`, `减4`, `/`). */
  whole?: string;
}

const RUN = /^(\d+)(\.\d+)?(万元|元|件|项|个|条)?$/;

function toPiece(text: string): Piece {
  const match = RUN.exec(text);
  if (!match) return { whole: text };
  return { digits: match[1], fraction: match[2], unit: match[3] };
}

function validCell(digits: string): boolean {
  return digits.length > 0 && (digits === '0' || digits[0] !== '0');
}

/**
 * All splits of the whitespace-separated `chunks` into `cellCount` cells. `amountColumns` lists the 0-based cell
 * positions allowed to carry a decimal fraction.
 */
export function splitRuns(chunks: readonly string[], cellCount: number, amountColumns: ReadonlySet<number>): SplitResult {
  const pieces = chunks.filter((c) => c.length > 0).map(toPiece);
  const splits: string[][] = [];
  let truncated = false;
  let steps = 0;
  const minRemaining = (from: number) => pieces.length - from;
  const maxRemaining = (from: number) =>
    pieces.slice(from).reduce((n, p) => n + (p.digits ? p.digits.length : 1), 0);

  const walk = (pieceIndex: number, cells: string[]): void => {
    if (truncated) return;
    if (pieceIndex === pieces.length) {
      if (cells.length === cellCount) {
        splits.push([...cells]);
        if (splits.length > MAX_SPLITS) truncated = true;
      }
      return;
    }
    const remainingCells = cellCount - cells.length;
    if (remainingCells < minRemaining(pieceIndex) || remainingCells > maxRemaining(pieceIndex)) return;
    const piece = pieces[pieceIndex];
    if (piece.whole !== undefined) {
      cells.push(piece.whole);
      walk(pieceIndex + 1, cells);
      cells.pop();
      return;
    }
    cutPiece(piece, cells, () => walk(pieceIndex + 1, cells));
  };

  const cutPiece = (piece: Piece, cells: string[], next: () => void): void => {
    const digits = piece.digits ?? '';
    const start = cells.length;
    const cut = (from: number): void => {
      if (truncated) return;
      if (cells.length >= cellCount) return;
      for (let to = from + 1; to <= digits.length; to++) {
        if (++steps > MAX_STEPS) {
          truncated = true;
          return;
        }
        const part = digits.slice(from, to);
        if (!validCell(part)) break;
        if (to === digits.length) {
          const column = cells.length;
          if (piece.fraction && !amountColumns.has(column)) continue;
          cells.push(part + (piece.fraction ?? '') + (piece.unit ?? ''));
          next();
          cells.pop();
        } else {
          cells.push(part);
          cut(to);
          cells.pop();
        }
      }
    };
    cut(0);
    cells.length = start;
  };

  walk(0, []);
  return { splits: truncated ? [] : splits, truncated };
}
