import type { DocRow } from '../document';
import { readHtml } from './html-reader';

const LIMIT = 1_000_000;

function grid(rows: DocRow[]): string[][] {
  return rows.map((r) => r.cells.map((c) => (c.covered ? `^${c.text}` : c.text)));
}

describe('readHtml', () => {
  it('expands rowspan and colspan into the grid and marks covered slots', () => {
    const doc = readHtml(
      `<table>
        <tr><td rowspan="2" colspan="2">信息内容</td><td colspan="2">申请人情况</td></tr>
        <tr><td>自然人</td><td>总计</td></tr>
        <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td><td>3</td></tr>
        <tr><td>（二）部分公开</td><td>1</td><td>1</td></tr>
      </table>`,
      LIMIT,
    );
    expect(grid(doc.rows)).toEqual([
      ['信息内容', '^信息内容', '申请人情况', '^申请人情况'],
      ['^信息内容', '^信息内容', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '3', '3'],
      ['^三、本年度办理结果', '（二）部分公开', '1', '1'],
    ]);
    expect(doc.rows.map((r) => [r.table, r.row])).toEqual([[1, 1], [1, 2], [1, 3], [1, 4]]);
  });

  it('keeps a rowspan running past the last cell of a short row', () => {
    const doc = readHtml('<table><tr><td>a</td><td rowspan="3">总计</td></tr><tr><td>b</td></tr><tr></tr></table>', LIMIT);
    expect(grid(doc.rows)).toEqual([['a', '总计'], ['b', '^总计'], ['', '^总计']]);
  });

  it('caps spans: rowspan=0 runs to the end of the table, absurd colspans stop at 1000', () => {
    const doc = readHtml('<table><tr><td rowspan="0">x</td><td colspan="99999">y</td></tr><tr><td>z</td></tr></table>', LIMIT);
    expect(doc.rows[0].cells).toHaveLength(1001);
    expect(grid(doc.rows)[1]).toEqual(['^x', 'z']);
  });

  it('reads &nbsp; cells as blank, <br> as a line break in a cell, and collapses HTML whitespace', () => {
    const doc = readHtml('<table><tr><td>&nbsp;</td><td>商业<br>企业</td><td>\n  1 0 8\n </td></tr></table>', LIMIT);
    expect(grid(doc.rows)).toEqual([['', '商业\n企业', '1 0 8']]);
  });

  it('gives paragraphs, headings and divs outside tables as one-cell rows in reading order', () => {
    const doc = readHtml(
      '<h1>2023年年度报告</h1><div>一、总体情况<p>正文一</p>尾句</div><p>行一<br/>行二</p><table><tr><td>规章</td></tr></table><p>五、存在的主要问题</p>',
      LIMIT,
    );
    expect(doc.rows.map((r) => [r.table ?? 0, r.cells.map((c) => c.text).join('|')])).toEqual([
      [0, '2023年年度报告'],
      [0, '一、总体情况'],
      [0, '正文一'],
      [0, '尾句'],
      [0, '行一'],
      [0, '行二'],
      [1, '规章'],
      [0, '五、存在的主要问题'],
    ]);
  });

  it('skips scripts, styles, navigation, footers and hidden elements', () => {
    const doc = readHtml(
      `<html><head><title>站点标题</title><style>p{}</style></head><body>
       <nav>首页 &gt; 政务公开</nav><script>var x = "脚本";</script><noscript>请启用</noscript>
       <p>报告正文</p><div style="display: none">隐藏</div><p hidden>也隐藏</p><footer>版权所有</footer></body></html>`,
      LIMIT,
    );
    expect(doc.rows.map((r) => r.cells[0].text)).toEqual(['报告正文']);
  });

  it('reads a table that holds tables as page layout: its cells become content, the inner tables data', () => {
    const doc = readHtml(
      `<table><tr><td><p>二、主动公开政府信息情况</p>
         <table><tr><td>行政许可</td><td>108</td></tr></table></td></tr>
       <tr><td><table><tr><td>行政处罚</td><td>19</td></tr></table></td></tr></table>`,
      LIMIT,
    );
    expect(doc.rows.map((r) => [r.table ?? 0, r.cells.map((c) => c.text).join('|')])).toEqual([
      [0, '二、主动公开政府信息情况'],
      [1, '行政许可|108'],
      [2, '行政处罚|19'],
    ]);
  });

  it('reads thead, tbody and tfoot rows and the caption', () => {
    const doc = readHtml(
      '<table><caption>表一</caption><thead><tr><th>信息内容</th></tr></thead><tbody><tr><td>规章</td></tr></tbody><tfoot><tr><td>注</td></tr></tfoot></table>',
      LIMIT,
    );
    expect(doc.rows.map((r) => r.cells[0].text)).toEqual(['表一', '信息内容', '规章', '注']);
  });

  it('stops at the text limit', () => {
    expect(() => readHtml(`<p>${'字'.repeat(500)}</p>`, 100)).toThrow(expect.objectContaining({ code: 'file_too_large' }));
  });

  it('survives malformed markup', () => {
    const doc = readHtml('<table><tr><td>a<td>b</tr><tr><td colspan="x">c</table><p>after', LIMIT);
    expect(grid(doc.rows.filter((r) => r.table))).toEqual([['a', 'b'], ['c']]);
    expect(doc.rows[2]).toEqual({ cells: [{ text: 'after' }] });
  });
});
