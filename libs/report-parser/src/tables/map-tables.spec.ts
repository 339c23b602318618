import type { DocRow, DocumentModel } from '../document';
import { readPlainText } from '../readers/text-reader';
import { mapTables } from './map-tables';

const fromText = (lines: readonly string[]) => mapTables(readPlainText(lines.join('\n')));

const TABLE_2_2021 = [
  '二、主动公开政府信息情况',
  '第二十条第(一)项 |',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '规章 | 0 | 0 | 0 |',
  '行政规范性文件 | 5 | 1 | 25 |',
  '第二十条第(五)项 |',
  '信息内容 | 本年处理决定数量 |',
  '行政许可 | 2910 | ||',
  '第二十条第(六)项 |',
  '信息内容 | 本年处理决定数量 |',
  '行政处罚 | 46 |',
  '行政强制 | 0 |',
  '第二十条第(八)项 |',
  '信息内容 | 本年收费金额(单位:万元) |',
  '行政事业性收费 | 0.092 |',
];

const REQUEST_LABELS_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果 | (一)予以公开',
  '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
  '(三)不予公开 | 1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '(四)无法提供 | 1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '(五)不予处理 | 1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '(七)总计',
  '四、结转下年度继续办理',
];

const REQUEST_HEADER = [
  '三、收到和处理政府信息公开申请情况',
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 |',
  '自然人 | 法人或其他组织 | 总计 |',
  '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
];

/** Table 三 with 58/7/0/0/1/0/66 new requests, 2 carried over, 66 granted, 2 carried forward; other rows 0. */
function requestRows(labels: readonly string[], row: (label: string, cells: number[]) => string): string[] {
  const numbers: Record<string, number[]> = {
    一: [58, 7, 0, 0, 1, 0, 66],
    二: [2, 0, 0, 0, 0, 0, 2],
    予以公开: [60, 5, 0, 0, 1, 0, 66],
    总计: [60, 5, 0, 0, 1, 0, 66],
    四: [0, 2, 0, 0, 0, 0, 2],
  };
  return labels.map((label) => {
    const key = Object.keys(numbers).find((k) => label.startsWith(`${k}、`) || label.includes(`)${k}`));
    return row(label, key ? numbers[key] : [0, 0, 0, 0, 0, 0, 0]);
  });
}

const TABLE_4_HEADER = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 | 行政诉讼 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
];

describe('mapTables', () => {
  it('reads a 2021 table 二 by its headers and row labels', () => {
    const reading = fromText(TABLE_2_2021);
    expect(reading.proactiveFormat).toBe('2021');
    expect(reading.values).toEqual({
      'proactive.rules.issued': 0,
      'proactive.rules.repealed': 0,
      'proactive.rules.in_force': 0,
      'proactive.normative_docs.issued': 5,
      'proactive.normative_docs.repealed': 1,
      'proactive.normative_docs.in_force': 25,
      'proactive.licensing.decisions': 2910,
      'proactive.penalty.decisions': 46,
      'proactive.enforcement.decisions': 0,
      'proactive.fees.amount': 0.092,
    });
    expect(reading.cells['proactive.licensing.decisions']).toMatchObject({ kind: 'number', raw: '2910', source: { line: 8 } });
  });

  it('reads a 2019 table 二 cell per line, with signs, words, n/a and units', () => {
    const reading = fromText([
      '第二十条第(一)项', '信息内容', '本年新 制作数量', '本年新公开数量', '对外公开总数量',
      '规章', '0', '0', '0',
      '规范性文件', '3', '3', '40',
      '第二十一条第(五)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
      '行政许可', '8', '减4', '93',
      '其他对外管理服务事项', '117', '+19', '/',
      '第二十条第(八)项', '信息内容', '上一年项目数量', '本年增/减',
      '行政事业型收费', '2', '-1',
      '第二十条第(九)项', '信息内容', '采购项目数量', '采购总金额',
      '政府集中采购', '6', '1646.5万元',
      '三、收到和处理政府信息公开申请情况',
    ]);
    expect(reading.proactiveFormat).toBe('2019');
    expect(reading.values).toMatchObject({
      'proactive.normative_docs.total_published': 40,
      'proactive.licensing.change': -4,
      'proactive.other_services.change': 19,
      'proactive.other_services.decisions': null,
      'proactive.fees.prev_items': 2,
      'proactive.fees.change': -1,
      'proactive.procurement.amount': 1646.5,
    });
    expect(reading.cells['proactive.other_services.decisions']).toMatchObject({ kind: 'na', raw: '/', value: null });
    expect(reading.cells['proactive.procurement.amount']).toMatchObject({ kind: 'number', unit: '万元' });
  });

  it('reads Traditional characters with pinyin annotations and Taiwan vocabulary', () => {
    const reading = fromText([
      '第二十條第(一)項 |',
      '信息內容 | 本年制發(fā)件數(shù) | 本年廢止件數 | 現行有效件數 |',
      '規(guī)章 | 0 | 0 | 0 |',
      '規範性檔案 | 2 | 0 | 19 |',
    ]);
    expect(reading.values['proactive.normative_docs.in_force']).toBe(19);
    expect(reading.values['proactive.rules.issued']).toBe(0);
  });

  it('reads table 三 rows by label, 2021 rows give the 2021 layout, and checks nothing itself', () => {
    const reading = fromText([
      ...REQUEST_HEADER,
      ...requestRows(REQUEST_LABELS_2021, (label, cells) => `${label} | ${cells.join(' | ')} |`),
    ]);
    expect(reading.tableFormats.requests).toBe('2021');
    expect(Object.keys(reading.values)).toHaveLength(175);
    expect(reading.values['requests.new_received.total']).toBe(66);
    expect(reading.values['requests.new_received.legal_service']).toBe(1);
    expect(reading.values['requests.carried_forward.commercial']).toBe(2);
    expect(reading.values['requests.other_handling.other.total']).toBe(0);
    expect(reading.findings).toEqual([]);
  });

  it('reads a 2019 table 三 with one （六）其他处理 row and an extra 小计 column', () => {
    const labels = REQUEST_LABELS_2021.filter((l) => !/^[23]\.(申请人|其他)|其他处理/.test(l)).concat();
    labels.splice(labels.indexOf('(七)总计'), 0, '(六)其他处理');
    const reading = fromText([
      '申请人情况 |',
      '自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计 |',
      ...requestRows(labels, (label, c) => `${label} | ${c[0]} | ${c.slice(1, 6).join(' | ')} | ${c[1] + c[4]} | ${c[6]} |`),
    ]);
    expect(reading.tableFormats.requests).toBe('2019');
    expect(reading.values['requests.other_handling.total']).toBe(0);
    expect(reading.values['requests.new_received.other_org']).toBe(0);
    expect(reading.values['requests.new_received.total']).toBe(66);
    expect(reading.values).not.toHaveProperty('requests.other_handling.other.total');
  });

  it('maps generic 数据1…数据6 | 总计 headers in the standard column order', () => {
    const reading = fromText([
      '## 三、收到和处理政府信息公开申请情况',
      '| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |',
      '|---|---|---|---|---|---|---|---|',
      '| 本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |',
    ]);
    expect(reading.values['requests.new_received.natural_person']).toBe(705);
    expect(reading.values['requests.new_received.legal_service']).toBe(5);
    expect(reading.values['requests.new_received.total']).toBe(713);
  });

  it('reads table 四 as one row of 15 numbers and as three small tables', () => {
    const oneRow = fromText([...TABLE_4_HEADER, '2 | 1 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 19 |']);
    const split = fromText([
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '### 行政复议', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 2 | 1 | 3 | 1 | 7 |',
      '### 行政诉讼（未经复议直接起诉）', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 0 | 0 | 0 | 0 | 0 |',
      '### 行政诉讼（复议后起诉）', '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |', '| 13 | 2 | 4 | 0 | 19 |',
    ]);
    for (const reading of [oneRow, split]) {
      expect(reading.values['appeals.review.total']).toBe(7);
      expect(reading.values['appeals.litigation_direct.upheld']).toBe(0);
      expect(reading.values['appeals.litigation_after_review.upheld']).toBe(13);
      expect(reading.values['appeals.litigation_after_review.total']).toBe(19);
    }
  });

  it('reads table 四 under its group labels when the column labels are broken into pieces', () => {
    const reading = fromText([
      '四、因政府信息公开工作被申请行政复议提起行政诉讼情况',
      '行政复议 行政诉讼',
      '未经复议直接起诉 复议后起诉',
      '结果 结果 其他 尚未 总',
      '维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总',
      '2 1 3 1 7 0 0 0 0 0 13 2 4 0 19',
    ]);
    expect(reading.values['appeals.review.upheld']).toBe(2);
    expect(reading.values['appeals.review.total']).toBe(7);
    expect(reading.values['appeals.litigation_after_review.upheld']).toBe(13);
    expect(reading.values['appeals.litigation_after_review.total']).toBe(19);
  });

  it('takes no number after a single table-四 group label in a sentence', () => {
    const reading = fromText(['四、政府信息公开行政复议、行政诉讼情况', '本年度未发生行政复议案件。', '2 1 3 1 7 0 0 0 0 0 13 2 4 0 19']);
    expect(Object.keys(reading.values).filter((key) => key.startsWith('appeals.'))).toEqual([]);
  });

  it('pairs labels printed apart from their numbers, in order', () => {
    const reading = fromText([
      '第二十条第(一)项', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章', '0 | 0 | 0 |', '行政规范性文件', '4 | 5 | 5 |',
    ]);
    expect(reading.values['proactive.normative_docs.repealed']).toBe(5);
    expect(reading.values['proactive.rules.in_force']).toBe(0);
  });

  it('splits run-together cells only where the consistency rules leave one split, and flags the rest', () => {
    const reading = fromText([
      '二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件6233440' +
        '第二十条第（五）项信息内容本年处理决定数量行政许可4529三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计' +
        '商业企业科研机构社会公益 组织 法律服务 机构 其他一、本年新收政府信息公开申请数量21710000218二、上年结转政府信息公开申请数量0000000' +
        '三、本年度办理结果（一）予以公开710000071（二）部分公开（区分处理的，只计这一情形，不计其他情形）000000' +
        '0（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000五、存在的主要问题及改进情况 无',
    ]);
    expect(reading.values['proactive.rules.in_force']).toBe(0);
    expect(reading.values['proactive.licensing.decisions']).toBe(4529);
    expect(reading.values).not.toHaveProperty('proactive.normative_docs.issued');
    expect(reading.values['requests.new_received.natural_person']).toBe(217);
    expect(reading.values['requests.new_received.commercial']).toBe(1);
    expect(reading.values['requests.new_received.total']).toBe(218);
    expect(reading.values['requests.granted.total']).toBe(71);
    expect(reading.values['requests.denied.law_prohibited.total']).toBe(0);
    const ambiguous = reading.findings.filter((f) => f.rule === 'V.ambiguous_cells');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]).toMatchObject({
      severity: 'error',
      status: 'flagged',
      cells: ['proactive.normative_docs.issued', 'proactive.normative_docs.repealed', 'proactive.normative_docs.in_force'],
    });
  });

  it('keeps blank cells of a grid as blank, skips covered slots, and does not read numbers from prose', () => {
    const grid = (cells: string[], row: number, covered: number[] = []): DocRow => ({
      table: 1,
      row,
      cells: cells.map((text, i) => (covered.includes(i) ? { text, covered: true } : { text })),
    });
    const doc: DocumentModel = {
      fileKind: 'html',
      rows: [
        { cells: [{ text: '全年共受理行政许可 5 件，行政处罚 3 件。' }] },
        grid(['第二十条第（五）项', '第二十条第（五）项', '第二十条第（五）项'], 1, [1, 2]),
        grid(['信息内容', '本年处理决定数量', '本年处理决定数量'], 2, [2]),
        grid(['行政许可', '\u00a0', '\u00a0'], 3, [2]),
        grid(['行政处罚', '12', '12'], 4, [2]),
      ],
    };
    const reading = mapTables(doc);
    expect(reading.values).toEqual({ 'proactive.licensing.decisions': null, 'proactive.penalty.decisions': 12 });
    expect(reading.cells['proactive.licensing.decisions']).toMatchObject({ kind: 'blank', source: { table: 1, row: 3, column: 2 } });
  });

  it('does not place a row whose empty cells were dropped', () => {
    const reading = fromText([
      '第二十条第(一)项', '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 |', '行政规范性文件 | 1 | 0 | 3 |',
    ]);
    expect(reading.values).not.toHaveProperty('proactive.rules.issued');
    expect(reading.values['proactive.normative_docs.in_force']).toBe(3);
    expect(reading.findings.map((f) => f.rule)).toEqual(['V.ambiguous_cells']);
  });

  it('reads the cells an excerpt shows before it was cut off', () => {
    const reading = fromText(['第二十条第(一)项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '行政规范性文件', '0', '2']);
    expect(reading.values).toEqual({ 'proactive.normative_docs.issued': 0, 'proactive.normative_docs.repealed': 2 });
  });

  it('tolerates label typos', () => {
    const reading = fromText([
      ...REQUEST_HEADER,
      '2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '二、上年转结政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    ]);
    expect(reading.values['requests.denied.law_prohibited.total']).toBe(0);
    expect(reading.values['requests.carried_over.total']).toBe(1);
  });
});

describe('mapTables, labels apart from their numbers', () => {
  it('joins a label wrapped over two lines to the numbers under it', () => {
    const reading = fromText([
      '申请人情况',
      '（二）部分公开（区分处理的，只计这一情形，',
      '不计其他情形）',
      '0', '1', '0', '0', '0', '0', '1',
      '（三）不予公开',
      '1.属于国家秘密',
      '0', '0', '0', '0', '0', '0', '0',
    ]);
    expect(reading.values['requests.partially_granted.commercial']).toBe(1);
    expect(reading.values['requests.denied.state_secret.total']).toBe(0);
  });

  it('does not give an unknown row’s numbers to a label standing alone', () => {
    const reading = fromText([
      '第二十条第(一)项',
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '规章 | 0 | 0 | 0 |',
      '规范性文件',
      '其他主动公开文件(含以本单位名义正式签发的文件) | 186 | 86 | 255 |',
    ]);
    expect(reading.values).not.toHaveProperty(['proactive.normative_docs.new_made']);
    expect(reading.values['proactive.rules.total_published']).toBe(0);
  });

  it('treats a row of several row labels without numbers as a header', () => {
    const reading = fromText([
      ...REQUEST_HEADER,
      '| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |',
      '| 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ]);
    expect(reading.values).toEqual({});
  });
});

describe('mapTables, prose', () => {
  it('reads no number from sentences inside the table area', () => {
    const reading = fromText([
      '二、主动公开政府信息情况',
      '全年办理行政许可12件，行政处罚 46 件，行政强制 0 件。',
      '第二十条第(五)项 |',
      '信息内容 | 本年处理决定数量 |',
      '行政许可 | 13 |',
      '第二十条第(六)项 |',
      '信息内容 | 本年处理决定数量 |',
      '行政处罚 | 47 |',
      '本年增/ | 处理决定数量 |',
    ]);
    expect(reading.values).toEqual({ 'proactive.licensing.decisions': 13, 'proactive.penalty.decisions': 47 });
  });
});

describe('mapTables, PDF rows with blank cells', () => {
  const line = (cells: [string, number][], n: number): DocRow => ({
    page: 1,
    line: n,
    cells: cells.map(([text, x]) => ({ text, x, xEnd: x + 20 })),
  });

  it('places numbers by column position when blank cells left nothing in the text layer', () => {
    const columns = Array.from({ length: 15 }, (_, i) => 60 + i * 35);
    const doc: DocumentModel = {
      fileKind: 'pdf',
      rows: [
        line([['申请人情况', 300]], 1),
        line([['一、本年新收政府信息公开申请数量', 20], ...[5, 1, 0, 0, 0, 0, 6].map((v, i): [string, number] => [String(v), 200 + i * 40])], 2),
        line([['二、上年结转政府信息公开申请数量', 20], ['2', 200], ['2', 440]], 3),
        line([['四、政府信息公开行政复议、行政诉讼情况', 20]], 4),
        line(columns.map((x, i): [string, number] => [['结果', '结果', '其他', '尚未', '总计'][i % 5], x]), 5),
        line(columns.map((x, i): [string, number] => [['维持', '纠正', '结果', '审结', ''][i % 5], x]), 6),
        line([['5', columns[0]], ['2', columns[3]], ['7', columns[4]], ['1', columns[8]], ['1', columns[9]]], 7),
      ],
    };
    const reading = mapTables(doc);
    expect(reading.values['requests.carried_over.natural_person']).toBe(2);
    expect(reading.values['requests.carried_over.commercial']).toBeNull();
    expect(reading.values['requests.carried_over.total']).toBe(2);
    expect(reading.values['appeals.review.upheld']).toBe(5);
    expect(reading.values['appeals.review.corrected']).toBeNull();
    expect(reading.values['appeals.review.total']).toBe(7);
    expect(reading.values['appeals.litigation_direct.pending']).toBe(1);
    expect(reading.values['appeals.litigation_after_review.total']).toBeNull();
  });
});

describe('mapTables, table 四 as labelled rows', () => {
  it('reads one row per group when the column headers are not printed', () => {
    const reading = fromText([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 | 1 | 0 | 0 | 0 | 1 |',
      '未经复议直接起诉 | 0 | 0 | 0 | 2 | 2 |',
      '复议后起诉 | 0 | 0 | 0 | 0 | 0 |',
      '五、存在的主要问题及改进情况',
      '2024年 我局 3 件',
    ]);
    expect(reading.values['appeals.review.total']).toBe(1);
    expect(reading.values['appeals.litigation_direct.pending']).toBe(2);
    expect(reading.values['appeals.litigation_after_review.upheld']).toBe(0);
  });
});

describe('mapTables, item numbers', () => {
  it('reads sub-rows numbered 1、 and （1）', () => {
    const reading = fromText([
      ...REQUEST_HEADER,
      '（三）不予公开 | （1）属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      '2、其他法律行政法规禁止公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    ]);
    expect(reading.values['requests.denied.state_secret.total']).toBe(1);
    expect(reading.values['requests.denied.law_prohibited.total']).toBe(2);
  });
});
