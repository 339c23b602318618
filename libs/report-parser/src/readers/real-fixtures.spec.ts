import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../document';
import { parseReport } from '../parse-report';
import { buildReportDocx, buildReportHtml, buildReportXlsx, reportFromFixture } from '../../../../test/support/report-files';
import { readDocument } from './index';

const REAL = '/work/shared/fixtures/real';
const SHANGHAI = join(REAL, 'shanghai-bgt-2019', '上海市人民政府办公厅2019年政府信息公开工作年度报告');

/** Each row as its written cells: covered slots and empty slots dropped, since .doc cannot tell them apart. */
function writtenCells(doc: DocumentModel): string[][] {
  return doc.rows.map((r) => r.cells.filter((c) => !c.covered && c.text !== '').map((c) => c.text)).filter((r) => r.length > 0);
}

describe('the shanghai-bgt-2019 report as .html, .docx and .doc', () => {
  let html: DocumentModel;
  let docx: DocumentModel;
  let doc: DocumentModel;

  beforeAll(async () => {
    html = await readDocument(readFileSync(`${SHANGHAI}.html`));
    docx = await readDocument(readFileSync(`${SHANGHAI}.docx`));
    doc = await readDocument(readFileSync(`${SHANGHAI}.doc`));
  });

  it('gives the same grid for .html and .docx, covered slots included', () => {
    const grid = (d: DocumentModel): unknown[] => d.rows.map((r) => [r.table, r.row, r.cells.map((c) => [c.text, !!c.covered])]);
    expect(grid(docx)).toEqual(grid(html));
    expect(html.rows.filter((r) => r.table === 2)).toHaveLength(26);
    expect(html.rows.filter((r) => r.table === 3)[3].cells.map((c) => c.text)).toEqual(
      ['5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', ''],
    );
  });

  it('gives the same written cells, row by row, for the .doc', () => {
    expect(writtenCells(doc)).toEqual(writtenCells(html));
    expect(doc.rows.filter((r) => r.table).length).toBe(html.rows.filter((r) => r.table).length);
  });
});

describe('files built from a fixture read back to its values', () => {
  /** pingtan-* sources run the whole report, tables included, into one line: no clean paragraphs to build from. */
  const folders = readdirSync(REAL).filter((name) => {
    const file = join(REAL, name, 'expected.json');
    return existsSync(file) && !('keys_ambiguous_in_source_text' in JSON.parse(readFileSync(file, 'utf-8')));
  });

  it.each(folders)('%s as .docx, .html and .xlsx', async (folder) => {
    const report = reportFromFixture(join(REAL, folder));
    const files = {
      docx: await buildReportDocx(report),
      html: buildReportHtml(report),
      xlsx: await buildReportXlsx(report),
    };
    for (const [kind, bytes] of Object.entries(files)) {
      const parsed = await parseReport(bytes, { fileName: `report.${kind}` });
      const mismatches = Object.entries(report.values).filter(([key, value]) => parsed.values[key] !== value);
      expect({ kind, mismatches }).toEqual({ kind, mismatches: [] });
    }
  });
});
