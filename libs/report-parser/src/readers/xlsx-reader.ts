import ExcelJS from 'exceljs';
import type { DocCell, DocRow, DocumentModel } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';
import { TextBudget } from './text-budget';
import { describe, ZipContainer } from './zip-container';

/**
 * .xlsx → document model through exceljs. Each visible sheet is a page and its used range one table; merged ranges
 * are expanded (covered slots repeat the merged text). Rows above the table holding one lone cell (a title, a
 * section heading) are paragraphs. A formula gives its cached result, or a blank when the file
 * carries none: nothing is ever evaluated. The zip is checked and its real inflated size proved within budget before
 * exceljs sees it, since exceljs inflates everything at once.
 */

/** Excel's own grid bounds; a reference beyond them is a damaged or hostile file. */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;
/** A report workbook is a few hundred KB of XML at most; exceljs needs many times the XML size in memory. */
const XLSX_MAX_XML_BYTES = 32 * 1024 * 1024;

function numberText(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : valueText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return String(value.text);
  return '';
}

function cellText(cell: ExcelJS.Cell): string {
  return valueText(cell.value)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

interface UsedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function usedRange(sheet: ExcelJS.Worksheet): UsedRange | null {
  let range: UsedRange | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (rowNumber > EXCEL_MAX_ROWS || columnNumber > EXCEL_MAX_COLUMNS) {
        throw new ParseError(ParseErrorCode.Corrupt, undefined, `cell reference beyond Excel's grid: ${cell.address}`);
      }
      if (cellText(cell).length === 0 && !cell.isMerged) return;
      if (!range) range = { top: rowNumber, left: columnNumber, bottom: rowNumber, right: columnNumber };
      range.top = Math.min(range.top, rowNumber);
      range.bottom = Math.max(range.bottom, rowNumber);
      range.left = Math.min(range.left, columnNumber);
      range.right = Math.max(range.right, columnNumber);
    });
  });
  return range;
}

export async function readXlsx(bytes: Uint8Array, limits: ReaderLimits): Promise<DocumentModel> {
  const xmlBudget = { ...limits, maxUncompressedBytes: Math.min(limits.maxUncompressedBytes, XLSX_MAX_XML_BYTES) };
  const zip = ZipContainer.open(bytes, xmlBudget);
  zip.verifyActualSizes();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof ParseError) throw error;
    throw new ParseError(ParseErrorCode.Corrupt, undefined, `workbook could not be read: ${describe(error)}`);
  }
  const sheets = workbook.worksheets.filter((s) => s.state === undefined || s.state === 'visible');
  if (sheets.length > limits.maxPages) {
    throw new ParseError(ParseErrorCode.TooLarge, '工作表数量过多，超过允许的上限', `${sheets.length} sheets`);
  }
  const budget = new TextBudget(limits.maxTextChars);
  const rows: DocRow[] = [];
  let table = 0;
  sheets.forEach((sheet, sheetIndex) => {
    const range = usedRange(sheet);
    if (!range) return;
    budget.spend((range.bottom - range.top + 1) * (range.right - range.left + 1));
    let rowNumber = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      const cells: DocCell[] = [];
      for (let c = range.left; c <= range.right; c++) {
        const cell = sheet.findCell(r, c);
        if (!cell) {
          cells.push({ text: '' });
          continue;
        }
        const master = cell.isMerged ? cell.master : cell;
        const text = cellText(master);
        budget.spend(text.length);
        cells.push(master.address === cell.address ? { text } : { text, covered: true });
      }
      if (cells.every((cell) => cell.text === '' && !cell.covered)) continue;
      const filled = cells.filter((cell) => cell.text !== '');
      if (rowNumber === 0 && filled.length === 1 && !cells.some((cell) => cell.covered)) {
        rows.push({ cells: [{ text: filled[0].text }], page: sheetIndex + 1 });
        continue;
      }
      if (rowNumber === 0) table++;
      rows.push({ cells, table, row: ++rowNumber, page: sheetIndex + 1 });
    }
  });
  return { fileKind: 'xlsx', rows, pageCount: sheets.length };
}
