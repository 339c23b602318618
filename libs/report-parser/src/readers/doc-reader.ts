import WordExtractor from 'word-extractor';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor';
import type { DocCell, DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import { summariseCfb } from './cfb';
import type { ReaderLimits } from './limits';
import { TextBudget } from './text-budget';
import { describe } from './zip-container';

/**
 * Word 97 (.doc) and Kingsoft (.wps) → document model through word-extractor. Its body text ends every table cell
 * with a tab and every table row with a newline; merge information is lost, so slots a merge covers come back as
 * empty cells (not marked covered: the reader cannot know). Text boxes, headers and footers are not part of the body.
 */

const SPRM_IN_TABLE = 0x2416;
const SPRM_ROW_END = 0x2417;
const SPRM_HUGE_PAPX = 0x6646;
const SPRM_TABLE_DEFINITION = 0xd608;
const ROW_END_PAIR = [0x17, 0x24, 0x01, 0x17, 0x24, 0x01];
/** Stands in for a paragraph mark or line break inside a table cell until the body text is split into rows. */
const CELL_LINE_BREAK = '\u001c';

/** The slice of word-extractor's piece table this reader touches (text already decoded, one char per character). */
interface WordPiece {
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

interface PapxRun {
  /** Stream offsets of the paragraph's text. */
  start: number;
  end: number;
  /** Offset of the first sprm in the WordDocument stream buffer, and the end of the grpprl. */
  sprms: number;
  sprmsEnd: number;
}

/** Every paragraph property run of the PAPX FKPs, with bounds checked against the buffers. */
function papxRuns(buffer: Buffer, tableBuffer: Buffer): PapxRun[] {
  const runs: PapxRun[] = [];
  const fcPlcfBtePapx = buffer.readUInt32LE(0x0102);
  const lcbPlcfBtePapx = buffer.readUInt32LE(0x0106);
  const count = (lcbPlcfBtePapx - 4) / 8;
  if (!Number.isInteger(count) || count <= 0 || fcPlcfBtePapx + lcbPlcfBtePapx > tableBuffer.length) return runs;
  for (let i = 0; i < count; i++) {
    const base = tableBuffer.readUInt32LE(fcPlcfBtePapx + (count + 1) * 4 + i * 4) * 512;
    if (base + 512 > buffer.length) continue;
    const crun = buffer.readUInt8(base + 511);
    for (let j = 0; j < crun; j++) {
      const offsetIndex = base + (crun + 1) * 4 + j * 13;
      if (offsetIndex >= base + 511) break;
      const papx = base + buffer.readUInt8(offsetIndex) * 2;
      if (papx === base || papx + 4 > base + 511) continue;
      const cb = buffer.readUInt8(papx);
      const sprms = (cb !== 0 ? papx + 1 : papx + 2) + 2;
      const sprmsEnd = cb !== 0 ? papx + 2 * cb : papx + 2 + 2 * buffer.readUInt8(papx + 1);
      runs.push({
        start: buffer.readUInt32LE(base + j * 4),
        end: buffer.readUInt32LE(base + (j + 1) * 4),
        sprms,
        sprmsEnd: Math.min(sprmsEnd, base + 511),
      });
    }
  }
  return runs;
}

const OPERAND_SIZE = [1, 1, 2, 4, 2, 2, -1, 3];

/** Whether a paragraph sits in a table cell, and whether it is the mark that ends a table row. */
function tableRole(buffer: Buffer, run: PapxRun): { inTable: boolean; rowEnd: boolean } {
  let inTable = false;
  for (let offset = run.sprms; offset + 2 <= run.sprmsEnd; ) {
    const sprm = buffer.readUInt16LE(offset);
    offset += 2;
    if (sprm === SPRM_ROW_END || sprm === SPRM_TABLE_DEFINITION || sprm === SPRM_HUGE_PAPX) return { inTable: true, rowEnd: true };
    if (sprm === SPRM_IN_TABLE && offset < run.sprmsEnd) inTable = buffer.readUInt8(offset) !== 0;
    const size = OPERAND_SIZE[(sprm >> 13) & 7];
    offset += size >= 0 ? size : buffer.readUInt8(Math.min(offset, buffer.length - 1)) + 1;
  }
  return { inTable, rowEnd: false };
}

/**
 * word-extractor turns a table's row-end mark into a newline only when the row-end paragraph's properties sit in the
 * paragraph FKP. Rows with many cells keep their table properties in the data stream instead (sprmPHugePapx), and
 * their rows then run together in one line. Only row-end paragraphs carry table definitions that large, so before
 * word-extractor reads the FKPs, each huge-PAPX reference is rewritten in the in-memory copy of the stream into two
 * sprmPFTtp ("this paragraph ends a row") of the same byte length.
 */
function markHugePapxRowEnds(buffer: Buffer, runs: readonly PapxRun[]): void {
  for (const run of runs) {
    if (run.sprms + 6 <= run.sprmsEnd && buffer.readUInt16LE(run.sprms) === SPRM_HUGE_PAPX) buffer.set(ROW_END_PAIR, run.sprms);
  }
}

/**
 * Paragraph marks and line breaks inside a table cell would otherwise come out as newlines, splitting the row over
 * several lines; in the pieces' text they become CELL_LINE_BREAK (same length, so every offset stays valid).
 */
function markCellLineBreaks(pieces: WordPiece[], buffer: Buffer, runs: readonly PapxRun[]): void {
  for (const run of runs) {
    const role = tableRole(buffer, run);
    if (!role.inTable || role.rowEnd) continue;
    for (const piece of pieces) {
      const pieceEnd = piece.startFilePos + piece.size;
      if (run.end <= piece.startFilePos || run.start >= pieceEnd || piece.bpc <= 0) continue;
      const from = (Math.max(run.start, piece.startFilePos) - piece.startFilePos) / piece.bpc;
      const to = (Math.min(run.end, pieceEnd) - piece.startFilePos) / piece.bpc;
      const slice = piece.text.slice(from, to);
      if (!/[\r\u000b]/.test(slice)) continue;
      piece.text = piece.text.slice(0, from) + slice.replace(/[\r\u000b]/g, CELL_LINE_BREAK) + piece.text.slice(to);
    }
  }
}

let tablePatchInstalled = false;

function installTablePatch(): void {
  if (tablePatchInstalled) return;
  tablePatchInstalled = true;
  const original = WordOleExtractor.prototype.writeParagraphProperties;
  WordOleExtractor.prototype.writeParagraphProperties = function (
    this: WordOleExtractor & { _pieces?: WordPiece[] },
    buffer: Buffer,
    tableBuffer: Buffer,
  ): void {
    let runs: PapxRun[] = [];
    try {
      runs = papxRuns(buffer, tableBuffer);
      markHugePapxRowEnds(buffer, runs);
    } catch {
      runs = [];
    }
    original.call(this, buffer, tableBuffer);
    try {
      if (this._pieces) markCellLineBreaks(this._pieces, buffer, runs);
    } catch {
      // Damaged properties: the text keeps word-extractor's own line breaks.
    }
  };
}

function splitRow(text: string): DocCell[] {
  return text
    .slice(0, -1)
    .replaceAll(CELL_LINE_BREAK, '\n')
    .split('\t')
    .map((cell) => ({ text: cell.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).join('\n') }));
}

/** Body text → rows. A line ending in a tab ends a table row; lines without one are paragraphs, except that a line
 * holding tabs belongs to the row it starts (a cell with a line break in it splits the row over several lines). */
export function rowsFromWordText(body: string, budget: TextBudget): DocRow[] {
  const rows: DocRow[] = [];
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let table = 0;
  let rowNumber = 0;
  let pending: string[] = [];
  let inTable = false;

  const paragraph = (line: string): void => {
    const text = line.replaceAll(CELL_LINE_BREAK, ' ').trim();
    if (text.length === 0) return;
    budget.spend(text.length);
    rows.push({ cells: [{ text }] });
  };

  for (const line of lines) {
    if (!line.endsWith('\t')) {
      if (pending.length > 0 || line.includes('\t')) {
        pending.push(line);
      } else {
        if (line.trim().length > 0 || !inTable) paragraph(line);
        inTable = false;
      }
      continue;
    }
    if (!inTable) {
      table++;
      rowNumber = 0;
      inTable = true;
    }
    const cells = splitRow([...pending, line].join('\n'));
    pending = [];
    budget.spend(cells.reduce((sum, c) => sum + c.text.length + 1, 0));
    rows.push({ cells, table, row: ++rowNumber });
  }
  for (const line of pending) paragraph(line);
  return rows;
}

export async function readDoc(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const summary = summariseCfb(bytes);
  if (summary?.wordEncrypted) throw new ParseError(ParseErrorCode.Encrypted, undefined, 'Word 97 file is encrypted');
  installTablePatch();
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `Word 97 file could not be read: ${describe(error)}`);
  }
  if (body.length > limits.maxTextChars) {
    throw new ParseError(ParseErrorCode.TooLarge, '文件包含的文字过多，超过允许的上限', `${body.length} characters`);
  }
  return { fileKind: 'doc', rows: rowsFromWordText(body, new TextBudget(limits.maxTextChars)) };
}
