import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { SectionKey } from '@nianbao/report-format';
import type { DocumentModel, DocRow } from '../document';
import { splitSections } from './split-sections';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures');

function textDocument(text: string): DocumentModel {
  return { fileKind: 'text', rows: text.split(/\r?\n/).map((line, index) => ({ cells: [{ text: line }], line: index + 1 })) };
}

function linesDocument(lines: readonly string[]): DocumentModel {
  return textDocument(lines.join('\n'));
}

const ALL_SECTIONS: SectionKey[] = ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other'];

describe('splitSections', () => {
  it('splits the reference report (Word artefact glued to 一、总体情况; tables as one cell per line)', () => {
    const text = readFileSync(
      path.join(FIXTURES, 'real', 'shahe-chaiguan-2023', '沙河市柴关乡2023年政府信息公开工作年度报告.txt'),
      'utf8',
    );
    const sections = splitSections(textDocument(text));
    expect(Object.keys(sections)).toEqual(ALL_SECTIONS);
    expect(sections.overview).toMatch(/^2023年以来，我乡政务公开工作/);
    expect(sections.overview).toContain('依申请公开数量为0');
    // Sub-items of 总体情况 named like later sections stay in 总体情况.
    expect(sections.overview).toContain('1、主动公开方面');
    expect(sections.problems).toMatch(/^2023年以来，我乡在政务公开工作方面/);
    expect(sections.other).toBe('本年度我单位未收取信息处理费。无其他需要报告事项。');
    // The tables' cells are not prose.
    expect(sections.proactive).toBe('');
    expect(sections.requests).not.toMatch(/本年新收|\d/);
  });

  it('does not start sections at sub-headings or table-三 row labels', () => {
    const sections = splitSections(
      linesDocument([
        '一、政府信息公开工作的总体情况',
        '（一）主动公开情况。全年主动公开信息100条。',
        '一、主动公开情况要点',
        '二、主动公开政府信息工作情况',
        '第二十条第（一）项',
        '三、行政机关收到和处理政府信息公开申请情况',
        '一、本年新收政府信息公开申请数量',
        '三、本年度办理结果',
        '四、政府信息公开行政复议、行政诉讼情况',
        '本年度未发生行政复议。',
        '五、政府信息公开工作存在的主要问题及改进情况',
        '一是公开内容不够全面。',
        '六、其他需要报告的事项',
        '无',
      ]),
    );
    expect(sections).toEqual({
      overview: '（一）主动公开情况。全年主动公开信息100条。\n一、主动公开情况要点',
      proactive: '',
      requests: '',
      appeals: '本年度未发生行政复议。',
      problems: '一是公开内容不够全面。',
      other: '无',
    });
  });

  it('reads Traditional, markdown and unnumbered-separator headings', () => {
    const sections = splitSections(
      linesDocument(['## 一、工作基本情况', '我鎮認真落實。', '二、行政機關主動公開政府信息情況', '主動公開信息50條。']),
    );
    expect(sections.overview).toBe('我鎮認真落實。');
    expect(sections.proactive).toBe('主動公開信息50條。');
  });

  it('splits run-together page text at the official headings inside one line', () => {
    const sections = splitSections(
      linesDocument(['本报告所列数据统计期限为2024年1月1日至2024年12月31日。一、总体情况 2024年，我区稳步推进。二、主动公开政府信息情况 规章000五、存在的主要问题及改进情况 仍有不足。']),
    );
    expect(sections.overview).toBe('2024年,我区稳步推进。');
    expect(sections.problems).toBe('仍有不足。');
  });

  it('leaves table rows out of section text', () => {
    const rows: DocRow[] = [
      { cells: [{ text: '四、政府信息公开行政复议、行政诉讼情况' }] },
      { cells: [{ text: '行政复议' }, { text: '行政诉讼' }], table: 3, row: 1 },
      { cells: [{ text: '0' }, { text: '0' }], table: 3, row: 2 },
      { cells: [{ text: '本年度无行政复议、行政诉讼。' }] },
    ];
    expect(splitSections({ fileKind: 'docx', rows })).toEqual({ appeals: '本年度无行政复议、行政诉讼。' });
  });

  it('rejoins wrapped PDF lines into sentences', () => {
    const rows: DocRow[] = [
      { cells: [{ text: '六、其他需要报告的事项' }], page: 5 },
      { cells: [{ text: '202' }, { text: '3' }, { text: '年，区政府严格落实《政府信息公开信息处理费管理办' }], page: 5 },
      { cells: [{ text: '法》，全年收取政府信息公开信息处理费' }, { text: '0' }, { text: '元。' }], page: 5 },
    ];
    expect(splitSections({ fileKind: 'pdf', rows, pageCount: 5 })).toEqual({
      other: '2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。',
    });
  });
});

describe('splitSections with Arabic numbering', () => {
  it('takes official headings at their standard number, not sub-items', () => {
    const sections = splitSections(
      linesDocument(['1.总体情况', '1、主动公开方面', '全年公开信息20条。', '2.主动公开政府信息情况', '5、存在的主要问题及改进情况', '人员不足。']),
    );
    expect(sections).toEqual({ overview: '1、主动公开方面\n全年公开信息20条。', proactive: '', problems: '人员不足。' });
  });
});

describe('splitSections choosing among headings', () => {
  it('keeps numbered sub-items of 总体情况 (named like later sections) inside it', () => {
    const sections = splitSections(
      linesDocument([
        '一、总体情况',
        '一、主动公开情况。全年公开信息20条。',
        '二、依申请公开情况。全年收到申请3件。',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '人员不足。',
        '六、其他需要报告的事项',
        '无。',
      ]),
    );
    expect(sections).toEqual({
      overview: '一、主动公开情况。全年公开信息20条。\n二、依申请公开情况。全年收到申请3件。',
      proactive: '',
      requests: '',
      appeals: '',
      problems: '人员不足。',
      other: '无。',
    });
  });

  it('takes a table part that restarts its numbering without reordering sections', () => {
    const sections = splitSections(
      linesDocument([
        '一、总体情况',
        '全年工作有序。',
        '二、工作机制保障',
        '设立协调小组。',
        '一、主动公开政府信息情况',
        '二、收到和处理政府信息公开申请情况',
        '三、政府信息公开行政复议、行政诉讼情况',
        '（一）主要问题',
        '内设机构调整。',
        '五、其他需要报告的事项',
        '未收费。',
      ]),
    );
    expect(sections).toEqual({
      overview: '全年工作有序。\n二、工作机制保障\n设立协调小组。',
      proactive: '',
      requests: '',
      appeals: '',
      problems: '内设机构调整。',
      other: '未收费。',
    });
  });
});
