import { ParseError, ParseErrorCode, parseErrorMessage } from './errors';
import { parseDocument, parseReport } from './parse-report';
import { readPlainText } from './readers/text-reader';

const REPORT = [
  '沙河市柴关乡2023年政府信息公开工作年度报告',
  '本报告所列数据的统计期限为2023年1月1日至12月31日。',
  '一、总体情况',
  '我乡主动公开政府信息。',
  '二、主动公开政府信息情况',
  '第二十条第(一)项 |',
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '规章 | 0 | 0 | 0 |',
  '行政规范性文件 | 6233440 |',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议 | 行政诉讼 |',
  '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
  '10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 5 |',
  '五、存在的主要问题及改进情况',
  '无。',
].join('\n');

describe('parseDocument', () => {
  const report = parseDocument(readPlainText(REPORT));

  it('gives the layout of table 二, the values, the cells and the metadata', () => {
    expect(report.format).toBe('2021');
    expect(report.tableFormats).toEqual({ proactive: '2021' });
    expect(report.values['proactive.rules.issued']).toBe(0);
    expect(report.values['appeals.litigation_after_review.total']).toBe(5);
    expect(report.cells['appeals.review.upheld']).toMatchObject({ kind: 'number', raw: '10', value: 10 });
    expect(report.year).toBe(2023);
    expect(report.sections.overview).toContain('主动公开');
  });

  it('reports the rules as printed, undecidable cells and missing parts as findings', () => {
    const rules = report.findings.map((f) => f.rule);
    expect(rules).toContain('R4.total.review');
    expect(rules).not.toContain('R4.total.litigation_after_review');
    expect(rules).toContain('V.missing_table');
    const ambiguous = report.findings.find((f) => f.rule === 'V.ambiguous_cells');
    expect(ambiguous).toMatchObject({ severity: 'error', status: 'flagged' });
    expect(ambiguous?.cells).toContain('proactive.normative_docs.in_force');
    expect(report.values).not.toHaveProperty(['proactive.normative_docs.in_force']);
  });

  it('says unknown when table 二 is absent', () => {
    const noTables = parseDocument(readPlainText('某镇2022年政府信息公开工作年度报告\n一、总体情况\n无'));
    expect(noTables.format).toBe('unknown');
    expect(noTables.values).toEqual({});
  });

  it('rejects a document that is neither titled as a report nor holds a standard table', () => {
    const attempt = () => parseDocument(readPlainText('会议通知\n请各单位准时参加。'));
    expect(attempt).toThrow(ParseError);
    expect(attempt).toThrow(parseErrorMessage(ParseErrorCode.NotAnnualReport));
  });
});

describe('parseReport', () => {
  it('reads bytes through the readers', async () => {
    const report = await parseReport(new TextEncoder().encode(REPORT), { fileName: 'a.txt' });
    expect(report.values['proactive.rules.in_force']).toBe(0);
  });

  it('throws a ParseError for an empty file', async () => {
    await expect(parseReport(new Uint8Array(0))).rejects.toMatchObject({ code: ParseErrorCode.Empty });
  });
});
