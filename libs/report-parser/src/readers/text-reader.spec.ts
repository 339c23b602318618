import { readPlainText } from './text-reader';

const cellsOf = (text: string) => readPlainText(text).rows.map((row) => row.cells.map((c) => c.text));

describe('readPlainText', () => {
  it('groups one cell per line, blank lines between, into label-then-values rows', () => {
    const text = ['信息内容', '', '本年制发件数', '', '规章', '', '0', '', '0', '', '0', '', '行政许可', '', '9'].join('\n');
    expect(cellsOf(text)).toEqual([['信息内容'], ['本年制发件数'], ['规章', '0', '0', '0'], ['行政许可', '9']]);
  });

  it('reads cells ending in " |" with filler lines', () => {
    const text = ['第二十条第(五)项 |', '|||', '信息内容 |', '本年处理决定数量 |', '||', '行政许可 |', '213 |', '||'].join('\n');
    expect(cellsOf(text)).toEqual([['第二十条第(五)项'], ['信息内容'], ['本年处理决定数量'], ['行政许可', '213']]);
  });

  it('reads cells alternating with bare | lines', () => {
    const text = ['规范性文件', '|', '0', '|', '2', '|', '|', '行政许可', '|', '2910', '|', '|||'].join('\n');
    expect(cellsOf(text)).toEqual([['规范性文件', '0', '2'], ['行政许可', '2910']]);
  });

  it('splits whole rows joined by " | " and drops trailing filler', () => {
    expect(cellsOf('行政許可 | 76 | ||\n規章 | 0 | 0 | 0 |')).toEqual([
      ['行政許可', '76'],
      ['規章', '0', '0', '0'],
    ]);
  });

  it('keeps an empty markdown cell and skips the rule line', () => {
    const text = '| 信息内容 | 本年制发件数 |\n|---|---|\n| 四、结转下年度继续办理 | 1 | 0 |  |';
    expect(cellsOf(text)).toEqual([
      ['信息内容', '本年制发件数'],
      ['四、结转下年度继续办理', '1', '0', ''],
    ]);
  });

  it('reads a bare | line inside cells ending in " |" as a blank cell, and drops blanks ending a row', () => {
    const text = ['一、本年新收政府信息公开申请数量 |', '|', '|', '|', '|', '|', '|', '0 |', '||', '(一)予以公开 |', '|', '|', '二、上年结转 |'];
    expect(cellsOf(text.join('\n'))).toEqual([
      ['一、本年新收政府信息公开申请数量', '', '', '', '', '', '', '0'],
      ['(一)予以公开'],
      ['二、上年结转'],
    ]);
  });

  it('reads blank cells written as line breaks in a row joined by " | "', () => {
    const text = ['一、本年新收政府信息公开申请数量 | 25 |', '|', '|', '|', '|', '| 25 |', '二、上年结转政府信息公开申请数量 |', '|', '| 0 |'];
    expect(cellsOf(text.join('\n'))).toEqual([
      ['一、本年新收政府信息公开申请数量', '25', '', '', '', '', '', '25'],
      ['二、上年结转政府信息公开申请数量', '', '', '0'],
    ]);
  });

  it('keeps a blank last cell written as a bare | line before the | opening the next row', () => {
    const text = ['|', '规章 |', '0 |', '0 |', '|', '|', '行政规范性文件 |', '5 |', '12 |', '8 |', '|'];
    expect(cellsOf(text.join('\n'))).toEqual([
      ['规章', '0', '0', '', ''],
      ['行政规范性文件', '5', '12', '8', ''],
    ]);
  });

  it('keeps a values line opening with | apart when no blank line came before it', () => {
    expect(cellsOf('规章 |\n| 0 | 0 | 0 |')).toEqual([['规章'], ['0', '0', '0']]);
  });

  it('reads "| \\n 0 |" splits (the | opening the next row is one more blank cell, which the table mapper trims)', () => {
    const text = ['| ', ' 规章  | ', ' 0  | ', ' 0  | ', ' 0  | ', '| '].join('\n');
    expect(cellsOf(text)).toEqual([['规章', '0', '0', '0', '']]);
  });

  it('reads tab-indented cells, rows separated by blank lines, with empty cells and continued lines', () => {
    const text = ['\t规章', '\t\u3000\u30000', '\t\xa00', '', '\t', '\t商业', '企业', '\t其他', ''].join('\n');
    expect(cellsOf(text)).toEqual([
      ['规章', '0', '0'],
      ['', '商业\n企业', '其他'],
    ]);
  });

  it('leaves runs of cells without separators as one cell, and keeps line numbers', () => {
    const doc = readPlainText('标题\n\n规章000规范性文件898989');
    expect(doc.rows.map((r) => [r.line, r.cells.map((c) => c.text)])).toEqual([
      [1, ['标题']],
      [3, ['规章000规范性文件898989']],
    ]);
  });

  it('marks multi-cell rows as table rows and paragraphs as not', () => {
    const doc = readPlainText('一、总体情况\n规章 | 0 | 0 | 0 |');
    expect(doc.rows.map((r) => r.table)).toEqual([undefined, 1]);
    expect(doc.fileKind).toBe('text');
  });
});

describe('readPlainText, tab-indented cells ending in |', () => {
  it('keeps the unterminated last cell of a row in that row', () => {
    const text = ['规章  | ', '\t\t\t0  | ', '\t\t\t0  | ', '\t\t\t0', '  | ', '\t\t\t行政规范性文件  | ', '\t\t\t1  | ', '\t\t\t0  | ', '\t\t\t3'].join('\n');
    expect(cellsOf(text)).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '1', '0', '3'],
    ]);
  });
});
