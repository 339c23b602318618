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

const SPRM_HUGE_PAPX = 0x6646;
const SPRM_ROW_END = [0x17, 0x24, 0x01, 0x17, 0x24, 0x01];

/**
 * word-extractor turns a table's row-end mark into a newline only when the row-end paragraph's properties sit in the
 * paragraph FKP. Rows with many cells keep their table properties in the data stream instead (sprmPHugePapx), and
 * their rows then run together in one line. Only row-end paragraphs carry table definitions that large, so before
 * word-extractor reads the FKPs, each huge-PAPX reference is rewritten in the in-memory copy of the stream into two
 * sprmPFTtp ("this paragraph ends a row") of the same byte length.
 */
function markHugePapxRowEnds(buffer: Buffer, tableBuffer: Buffer): void {
  const fcPlcfBtePapx = buffer.readUInt32LE(0x0102);
  const lcbPlcfBtePapx = buffer.readUInt32LE(0x0106);
  const count = (lcbPlcfBtePapx - 4) / 8;
  if (!Number.isInteger(count) || count <= 0 || fcPlcfBtePapx + lcbPlcfBtePapx > tableBuffer.length) return;
  for (let i = 0; i < count; i++) {
    const block = tableBuffer.readUInt32LE(fcPlcfBtePapx + (count + 1) * 4 + i * 4);
    const base = block * 512;
    if (base + 512 > buffer.length) continue;
    const runs = buffer.readUInt8(base + 511);
    for (let j = 0; j < runs; j++) {
      const offsetIndex = base + (runs + 1) * 4 + j * 13;
      if (offsetIndex >= base + 511) break;
      const papx = base + buffer.readUInt8(offsetIndex) * 2;
      if (papx === base || papx + 8 > base + 511) continue;
      const grpprl = (buffer.readUInt8(papx) !== 0 ? papx + 1 : papx + 2) + 2;
      if (grpprl + 6 <= base + 511 && buffer.readUInt16LE(grpprl) === SPRM_HUGE_PAPX) buffer.set(SPRM_ROW_END, grpprl);
    }
  }
}

let rowEndPatchInstalled = false;

function installRowEndPatch(): void {
  if (rowEndPatchInstalled) return;
  rowEndPatchInstalled = true;
  const original = WordOleExtractor.prototype.writeParagraphProperties;
  WordOleExtractor.prototype.writeParagraphProperties = function (buffer: Buffer, tableBuffer: Buffer): void {
    try {
      markHugePapxRowEnds(buffer, tableBuffer);
    } catch {
      // A damaged FKP is left for word-extractor itself to read or reject.
    }
    original.call(this, buffer, tableBuffer);
  };
}

function splitRow(text: string): DocCell[] {
  return text
    .slice(0, -1)
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
    const text = line.trim();
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
  installRowEndPatch();
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
