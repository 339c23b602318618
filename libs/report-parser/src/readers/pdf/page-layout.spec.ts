import { layoutPage, type LayoutLine, type PageTextItem } from './page-layout';

/** A text run at x with its baseline at y (top-down); CJK characters are one em wide, digits half an em. */
function run(text: string, x: number, y: number, size = 10): PageTextItem {
  const width = [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size / 2), 0);
  return { text, x, baseline: y, size, width };
}

/** A table row: a label at x 60 and numbers every 30 points from x 360. */
function tableRow(label: string | undefined, numbers: string[], y: number): PageTextItem[] {
  const items = numbers.map((n, i) => run(n, 360 + 30 * i, y));
  return label ? [run(label, 60, y), ...items] : items;
}

function page(items: PageTextItem[]): LayoutLine[] {
  return layoutPage({ width: 595, height: 842, items }).lines;
}

const texts = (lines: LayoutLine[]) => lines.map((l) => l.cells.map((c) => c.text));

describe('layoutPage', () => {
  it('splits a line into cells at column gaps and keeps close runs together', () => {
    const lines = page([run('行政', 80, 100), run('许可', 100, 100), run('2', 260, 100), run('3', 265, 100), run('5', 300, 100)]);
    expect(texts(lines)).toEqual([['行政许可', '23', '5']]);
    expect(lines[0].cells[0]).toMatchObject({ x: 80, xEnd: 120 });
    expect(lines[0].hasValues).toBe(true);
  });

  it('orders lines top to bottom and runs left to right, whatever the order of the text runs', () => {
    const lines = page([run('第二行', 80, 200), run('乙', 300, 100), run('甲', 80, 100)]);
    expect(texts(lines)).toEqual([['甲', '乙'], ['第二行']]);
  });

  it('drops a page footer on the same baseline as, and touching, the last number of a table', () => {
    const last = tableRow('2.没有现成信息需要另行制作', ['3', '0', '0', '0', '0', '0', '3'], 800);
    const footer = [run('-', 541, 800), run('4', 547, 800), run('-', 554, 800)];
    const lines = page([...tableRow('1.本机关不掌握相关政府信息', ['10', '0', '0', '0', '0', '0', '10'], 780), ...last, ...footer]);
    expect(texts(lines)[1]).toEqual(['2.没有现成信息需要另行制作', '3', '0', '0', '0', '0', '0', '3']);
  });

  it('unglues a page footer printed in the same run as a number', () => {
    const items = [...tableRow('1.本机关不掌握相关政府信息', ['746', '12', '0', '0', '10', '1'], 810), run('769- 5 -', 540, 810)];
    expect(texts(page(items))).toEqual([['1.本机关不掌握相关政府信息', '746', '12', '0', '0', '10', '1', '769']]);
  });

  it('drops 第 N 页 and a bare page number in the margin, but keeps numbers in the body', () => {
    const lines = page([run('正文', 80, 300), run('12', 80, 320), run('第 3 页', 280, 820), run('7', 290, 30)]);
    expect(texts(lines)).toEqual([['正文'], ['12']]);
  });

  it('joins a label wrapped above and below its numbers into that row', () => {
    const lines = page([
      ...tableRow('（一）予以公开', ['1', '0', '0'], 300),
      run('（二）部分公开（区分处理的，只计这一情', 80, 320),
      ...tableRow(undefined, ['447', '7', '454'], 328),
      run('形，不计其他情形）', 80, 336),
      ...tableRow('（三）其他', ['2', '0', '2'], 360),
    ]);
    expect(texts(lines)).toEqual([
      ['（一）予以公开', '1', '0', '0'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447', '7', '454'],
      ['（三）其他', '2', '0', '2'],
    ]);
  });

  it('continues a row label on the next line, but never into a new numbered item', () => {
    const lines = page([
      run('5.要求行政机关确认或重', 120, 300),
      ...tableRow(undefined, ['0', '0', '0'], 296),
      run('新出具已获取信息', 120, 313),
      run('6.另一项', 120, 330),
      ...tableRow(undefined, ['1', '1', '2'], 330),
    ]);
    expect(texts(lines)).toEqual([
      ['5.要求行政机关确认或重新出具已获取信息', '0', '0', '0'],
      ['6.另一项', '1', '1', '2'],
    ]);
  });

  it('attaches a merged group label to the row it sits beside, as a cell of its own', () => {
    const lines = page([
      run('1.属于国家秘密', 140, 300),
      ...tableRow(undefined, ['1', '0', '1'], 300),
      run('2.其他法律行政法规禁止公开', 140, 320),
      ...tableRow(undefined, ['0', '0', '0'], 320),
      run('（三）不予公开', 60, 314),
      run('3.危及“三安全一稳定”', 140, 340),
      ...tableRow(undefined, ['0', '0', '0'], 340),
    ]);
    expect(texts(lines)).toEqual([
      ['1.属于国家秘密', '1', '0', '1'],
      ['（三）不予公开', '2.其他法律行政法规禁止公开', '0', '0', '0'],
      ['3.危及“三安全一稳定”', '0', '0', '0'],
    ]);
    expect(lines[1].cells[0].x).toBe(60);
  });

  it('reads a label printed one character per line as one cell opening the rows beside it', () => {
    const rows = ['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供'].flatMap((label, i) => [
      run(label, 100, 300 + 24 * i),
      ...tableRow(undefined, ['1', '0', '1'], 300 + 24 * i),
    ]);
    const vertical = ['三、', '本', '年', '度', '办', '理', '结', '果'].map((ch, i) => run(ch, 60, 290 + 12 * i));
    const lines = page([...tableRow('二、上年结转', ['0', '0', '0'], 276), ...rows, ...vertical]);
    expect(texts(lines)).toEqual([
      ['二、上年结转', '0', '0', '0'],
      ['三、本年度办理结果', '（一）予以公开', '1', '0', '1'],
      ['（二）部分公开', '1', '0', '1'],
      ['（三）不予公开', '1', '0', '1'],
      ['（四）无法提供', '1', '0', '1'],
    ]);
  });

  it('reads vertical writing (a top-to-bottom run) the same way', () => {
    const lines = page([
      ...tableRow('一、本年新收', ['5', '0', '5'], 276),
      { text: '三、本年度', x: 60, baseline: 300, size: 10, width: 10, vertical: true, height: 50 },
      run('（一）予以公开', 100, 300),
      ...tableRow(undefined, ['1', '0', '1'], 300),
      run('（二）部分公开', 100, 324),
      ...tableRow(undefined, ['2', '0', '2'], 324),
    ]);
    expect(texts(lines)[1]).toEqual(['三、本年度', '（一）予以公开', '1', '0', '1']);
  });

  it('joins header cells wrapped over lines into one header line', () => {
    const lines = page([
      run('本年新', 360, 200),
      run('本年新', 420, 200),
      run('信息内容', 60, 207),
      run('对外公开', 480, 207),
      run('制作数量', 360, 214),
      run('公开数量', 420, 214),
      ...tableRow('规章', ['13', '13', '524'], 240).map((item, i) => (i === 0 ? item : { ...item, x: 360 + 60 * (i - 1) })),
    ]);
    expect(texts(lines)).toEqual([
      ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开'],
      ['规章', '13', '13', '524'],
    ]);
  });

  it('gives a blank slot an empty cell when the header gives the columns', () => {
    const header = ['维持', '纠正', '其他', '审结', '总计'].map((word, i) => run(word, 60 + 40 * i, 200));
    const values = [run('5', 62, 230), run('2', 182, 230), run('7', 222, 230)];
    const lines = page([run('行政复议', 60, 170), ...header, ...values]);
    expect(texts(lines)).toEqual([['行政复议'], ['维持', '纠正', '其他', '审结', '总计'], ['5', '', '', '2', '7']]);
    expect(lines[2].cells[1]).toMatchObject({ x: 100, xEnd: 120 });
  });

  it('places blank cells of a table continued on the next page by the columns of its header', () => {
    const header = ['维持', '纠正', '其他', '审结', '总计'].map((word, i) => run(word, 100 + 40 * i, 780));
    const first = layoutPage({ width: 595, height: 842, items: [...header, run('行一', 40, 800), run('1', 102, 800), run('1', 262, 800)] });
    expect(first.columns).toHaveLength(5);
    const next = layoutPage({ width: 595, height: 842, items: [run('行二', 40, 100), run('3', 182, 100), run('3', 262, 100), run('正文', 40, 300)] }, first.columns);
    expect(texts(next.lines)).toEqual([['行二', '', '', '3', '', '3'], ['正文']]);
    expect(next.columns).toBeUndefined();
    const unrelated = layoutPage({ width: 595, height: 842, items: [run('标题', 40, 60), run('行二', 40, 100), run('3', 182, 100), run('3', 262, 100)] }, first.columns);
    expect(texts(unrelated.lines)[1]).toEqual(['行二', '3', '3']);
  });

  it('adds no empty cells to a table cut off at the page edge', () => {
    const header = ['自然人', '商业企业', '法律服务机构'].map((word, i) => run(word, 420 + 60 * i, 200));
    const lines = page([...header, run('一、本年新收', 60, 230), run('821', 422, 230)]);
    expect(texts(lines)[1]).toEqual(['一、本年新收', '821']);
  });

  it('gives a row whose cells are all blank an empty cell per column', () => {
    const header = ['自然人', '商业', '总计'].map((word, i) => run(word, 200 + 40 * i, 200));
    const lines = page([
      ...header,
      run('1.属于国家秘密', 60, 222),
      run('1', 202, 222),
      run('1', 282, 222),
      run('2.其他法律行政法规禁止公开', 60, 244),
      run('3.危及“三安全一稳定”', 60, 266),
      run('2', 242, 266),
      run('2', 282, 266),
    ]);
    expect(texts(lines)).toEqual([
      ['自然人', '商业', '总计'],
      ['1.属于国家秘密', '1', '', '1'],
      ['2.其他法律行政法规禁止公开', '', '', ''],
      ['3.危及“三安全一稳定”', '', '2', '2'],
    ]);
  });

  it('keeps a band title after a table a line of its own, not a row of blanks', () => {
    const lines = page([
      run('本年制发', 200, 200),
      run('现行有效', 280, 200),
      run('规章', 60, 222),
      run('1', 212, 222),
      run('2', 292, 222),
      run('第二十条第（五）项', 60, 256),
      run('信息内容', 60, 284),
      run('本年处理决定数量', 200, 284),
      run('行政许可', 60, 306),
      run('550', 212, 306),
    ]);
    expect(texts(lines)).toEqual([
      ['本年制发', '现行有效'],
      ['规章', '1', '2'],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '550'],
    ]);
  });

  it('adds no empty cells when values do not fall under the header columns one by one', () => {
    const header = [run('上一年项目数量 本年增/减', 120, 200), run('处理决定数量', 300, 200)];
    const lines = page([...header, run('行政许可', 40, 230), run('0', 130, 230), run('0', 200, 230), run('0', 320, 230)]);
    expect(texts(lines)[1]).toEqual(['行政许可', '0', '0', '0']);
  });

  it('leaves paragraphs and table headers as lines of their own', () => {
    const lines = page([
      run('三、收到和处理政府信息公开申请情况', 80, 100, 16),
      run('自然人', 260, 200),
      run('总计', 300, 200),
      ...tableRow('一、本年新收', ['5', '5'], 240),
      run('四、行政复议情况', 80, 400, 16),
    ]);
    expect(texts(lines)).toEqual([
      ['三、收到和处理政府信息公开申请情况'],
      ['自然人', '总计'],
      ['一、本年新收', '5', '5'],
      ['四、行政复议情况'],
    ]);
  });
});
