import { readFileSync } from 'node:fs';
import type { DocRow } from '../document';
import { readDoc, rowsFromWordText } from './doc-reader';
import { resolveLimits } from './limits';
import { TextBudget } from './text-budget';

const SHANGHAI_DOC =
  '/work/shared/fixtures/real/shanghai-bgt-2019/上海市人民政府办公厅2019年政府信息公开工作年度报告.doc';

function shape(rows: DocRow[]): (string | string[])[] {
  return rows.map((r) => (r.table ? r.cells.map((c) => c.text) : r.cells[0].text));
}

describe('rowsFromWordText', () => {
  const budget = (): TextBudget => new TextBudget(1_000_000);

  it('turns tab-ended lines into table rows and other lines into paragraphs', () => {
    const rows = rowsFromWordText('二、主动公开\n信息内容\t本年制发件数\t\n规章\t0\t\n三、收到和处理\n\t自然人\t\n', budget());
    expect(shape(rows)).toEqual(['二、主动公开', ['信息内容', '本年制发件数'], ['规章', '0'], '三、收到和处理', ['', '自然人']]);
    expect(rows.map((r) => [r.table, r.row])).toEqual([
      [undefined, undefined],
      [1, 1],
      [1, 2],
      [undefined, undefined],
      [2, 1],
    ]);
  });

  it('keeps a cell with a line break in its row, and reads NBSP-only cells as blank', () => {
    const rows = rowsFromWordText('信息内容\t本年新\n制作数量\t本年新\n公开数量\t\n规章\t\u00a0\t13\t\n', budget());
    expect(shape(rows)).toEqual([['信息内容', '本年新\n制作数量', '本年新\n公开数量'], ['规章', '', '13']]);
  });

  it('reads the marked in-cell paragraph and line breaks as line breaks inside the cell, the first cell included', () => {
    const rows = rowsFromWordText('（二）部分公开\u001c（区分处理的）\t3\t\n规章\t本年新\u001c制作数量\t\n', budget());
    expect(shape(rows)).toEqual([['（二）部分公开\n（区分处理的）', '3'], ['规章', '本年新\n制作数量']]);
    expect(rows.every((r) => r.table === 1)).toBe(true);
  });

  it('gives continuation slots of a merged cell as empty cells', () => {
    const rows = rowsFromWordText('三、本年度办理结果\t（一）予以公开\t1\t\n\t（二）部分公开\t2\t\n', budget());
    expect(shape(rows)).toEqual([['三、本年度办理结果', '（一）予以公开', '1'], ['', '（二）部分公开', '2']]);
  });
});

describe('readDoc', () => {
  const limits = resolveLimits();

  it('reads the Word 97 copy of the shanghai report with one row per table row, even for wide rows', async () => {
    const doc = await readDoc(readFileSync(SHANGHAI_DOC), limits);
    expect(doc.fileKind).toBe('doc');
    const rows = doc.rows.filter((r) => r.table === 2).map((r) => r.cells.map((c) => c.text));
    expect(rows).toHaveLength(26);
    expect(rows[3]).toEqual(['一、本年新收政府信息公开申请数量', '821', '35', '', '', '2', '1', '859']);
    expect(rows[7]).toEqual(['', '（三）不予公开', '1.属于国家秘密', '14', '', '', '', '', '', '']);
    expect(rows[25]).toEqual(['四、结转下年度继续办理', '72', '', '', '', '', '', '72']);
    const header = doc.rows.find((r) => r.table === 1 && r.cells[0].text === '信息内容');
    expect(header?.cells.map((c) => c.text)).toEqual(['信息内容', '本年新\n制作数量', '本年新\n公开数量', '对外公开总数量']);
  });

  it('refuses bytes word-extractor cannot read as corrupt_file', async () => {
    const bytes = Buffer.from(readFileSync(SHANGHAI_DOC)).subarray(0, 2000);
    await expect(readDoc(bytes, limits)).rejects.toMatchObject({ code: 'corrupt_file' });
  });
});
