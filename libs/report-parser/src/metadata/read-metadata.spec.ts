import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentModel } from '../document';
import { readMetadata } from './read-metadata';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures');

/** A text file as one-cell rows, the shape a plain-text reader gives prose. */
function textDocument(text: string): DocumentModel {
  return { fileKind: 'text', rows: text.split(/\r?\n/).map((line, index) => ({ cells: [{ text: line }], line: index + 1 })) };
}

function fixtureDocument(relative: string): DocumentModel {
  return textDocument(readFileSync(path.join(FIXTURES, relative), 'utf8'));
}

/** A PDF-like document: each visual line split into cells at gaps, as the PDF reader does. */
function pdfDocument(lines: readonly (readonly string[])[]): DocumentModel {
  return { fileKind: 'pdf', rows: lines.map((cells, index) => ({ cells: cells.map((text) => ({ text })), line: index + 1, page: 1 })) };
}

interface Expectation {
  file: string;
  year: number | null;
  /** Acceptable agency names (the excerpts' truth gives a name and, in brackets, its longer form); [] means null. */
  agency: string[];
  region: string[];
}

/**
 * Expected identity of each text fixture. Real reports: agency/region/year from expected.json. Excerpts: year and
 * agency from truth.jsonl (its bracketed alternatives, Simplified); the region is what the excerpt's own text says.
 */
const TEXT_FIXTURES: Expectation[] = [
  { file: 'real/shahe-chaiguan-2023/沙河市柴关乡2023年政府信息公开工作年度报告.txt', year: 2023, agency: ['柴关乡人民政府'], region: ['沙河市'] },
  { file: 'real/pingtan-2019/平潭综合实验区2019年度政府信息公开工作年度报告.txt', year: 2019, agency: ['平潭综合实验区'], region: ['平潭综合实验区'] },
  { file: 'real/pingtan-2024/平潭综合实验区2024年度政府信息公开工作年度报告.txt', year: 2024, agency: ['平潭综合实验区'], region: ['平潭综合实验区'] },
  { file: 'real/sh-kewei-2024/kewei-2024-source.md', year: 2024, agency: ['上海市科委'], region: ['上海市'] },
  { file: 'excerpts/002.txt', year: 2022, agency: ['螅镇'], region: [] },
  { file: 'excerpts/003.txt', year: 2022, agency: [], region: [] },
  { file: 'excerpts/004.txt', year: 2022, agency: ['北坡镇', '遂溪县北坡镇', '遂溪县北坡镇人民政府'], region: ['湛江市遂溪县', '遂溪县'] },
  { file: 'excerpts/006.txt', year: 2021, agency: ['石家庄市桥西区中山街道办事处'], region: ['石家庄市桥西区'] },
  { file: 'excerpts/010.txt', year: 2020, agency: ['湖口县大垅乡'], region: ['湖口县'] },
  { file: 'excerpts/011.txt', year: 2020, agency: [], region: [] },
  { file: 'excerpts/013.txt', year: 2023, agency: ['对坊乡人民政府', '对坊乡'], region: [] },
  { file: 'excerpts/016.txt', year: 2022, agency: ['抚远市自然资源局'], region: ['抚远市'] },
  { file: 'excerpts/019.txt', year: 2023, agency: ['官洲街道办事处'], region: [] },
  { file: 'excerpts/020.txt', year: 2021, agency: ['衢州市衢江区湖南镇政府', '湖南镇政府', '衢州市衢江区湖南镇'], region: ['衢州市衢江区'] },
  { file: 'excerpts/026.txt', year: 2023, agency: ['信丰县卫生健康委'], region: ['信丰县'] },
  { file: 'excerpts/028.txt', year: 2022, agency: ['龙口镇'], region: [] },
  { file: 'excerpts/031.txt', year: 2021, agency: ['会仪镇人民政府'], region: [] },
  { file: 'excerpts/044.txt', year: 2024, agency: [], region: [] },
  { file: 'excerpts/046.txt', year: 2024, agency: [], region: [] },
  { file: 'excerpts/048.txt', year: 2023, agency: ['仙庵镇人民政府', '惠来县仙庵镇人民政府', '仙庵镇'], region: ['惠来县'] },
];

function accepts(allowed: readonly string[], actual: string | null): boolean {
  return allowed.length === 0 ? actual === null : actual !== null && allowed.includes(actual);
}

describe('readMetadata on the text fixtures', () => {
  it.each(TEXT_FIXTURES)('$file', ({ file, year, agency, region }) => {
    const metadata = readMetadata(fixtureDocument(file));
    expect(metadata.year).toBe(year);
    expect({ agency: metadata.agency, ok: accepts(agency, metadata.agency) }).toEqual({ agency: metadata.agency, ok: true });
    expect({ region: metadata.region, ok: accepts(region, metadata.region) }).toEqual({ region: metadata.region, ok: true });
  });
});

function linesDocument(lines: readonly string[]): DocumentModel {
  return textDocument(lines.join('\n'));
}

describe('readMetadata on the PDF fixtures (lines as the PDF reader splits them)', () => {
  it('hongze-2023: body from the title, city from the preamble', () => {
    const doc = pdfDocument([
      ['洪泽区', '人民政府'],
      ['202', '3', ' ', '年政府信息公开工作年度报告'],
      ['本报告由淮安市洪泽区人民政府办公室根据', '《', '中华人民共和'],
      ['国政府信息公开条例》（国令第', ' ', '711', ' ', '号）（以下简称《条例》', '）'],
      ['要求编制此报告。报告中所列数据统计期限自', ' ', '202', '3', ' ', '年', ' ', '1', ' ', '月', ' ', '1', ' ', '日'],
      ['起至', ' ', '202', '3', ' ', '年', ' ', '12', ' ', '月', ' ', '31', ' ', '日止。', '如对本报告有疑问，请与淮安市洪'],
      ['泽区人民政府办公室联系（地址：', '淮安市洪泽区洪泽湖大道', ' ', '9', '0'],
    ]);
    expect(readMetadata(doc)).toEqual({
      title: '洪泽区人民政府2023年政府信息公开工作年度报告',
      agency: '洪泽区人民政府',
      region: '淮安市洪泽区',
      year: 2023,
      statisticsPeriod: { from: '2023-01-01', to: '2023-12-31' },
    });
  });

  it('huaian-2024: a city government', () => {
    const doc = pdfDocument([
      ['淮安市人民政府'],
      ['2024', ' ', '年政府信息公开工作年度报告'],
      ['本报告由淮安市人民政府办公室根据', '《', '中华人民共和国政府'],
      ['制', '。', '报告所列统计期限自', ' ', '2024', ' ', '年', ' ', '1', ' ', '月', ' ', '1', ' ', '日至', ' ', '2024', ' ', '年', ' ', '12', ' ', '月', ' ', '31', ' ', '日', '。'],
    ]);
    expect(readMetadata(doc)).toMatchObject({ agency: '淮安市人民政府', region: '淮安市', year: 2024 });
  });
});

describe('readMetadata on hard cases', () => {
  it('reads a Chinese-numeral year and a title repeated after page chrome', () => {
    const metadata = readMetadata(
      linesDocument([
        '首页 > 信息公开 > 年度报告',
        '上一篇：螅镇二〇二二年政府信息公开工作年度报告',
        '螅镇二〇二三年政府信息公开工作年度报告',
        '发布时间：2024-01-20',
        '螅镇二〇二三年政府信息公开工作年度报告',
        '一、总体情况',
      ]),
    );
    expect(metadata).toMatchObject({ title: '螅镇2023年政府信息公开工作年度报告', agency: '螅镇', year: 2023 });
  });

  it('takes the year of the statistics period when the title has none, tolerating dropped digits', () => {
    expect(readMetadata(linesDocument(['本报告中所列数据的统计期限自201911日起至20191231日止。'])).statisticsPeriod).toEqual({
      from: '2019-01-01',
      to: '2019-12-31',
    });
    const metadata = readMetadata(linesDocument(['本报告所列数据统计期限自20231月1日起至202312月31日止。', '一、总体情况']));
    expect(metadata.year).toBe(2023);
    expect(metadata.title).toBeNull();
  });

  it('gives the year the report is about, not its publication year', () => {
    const metadata = readMetadata(
      linesDocument(['发布日期：2024年1月31日', '某某县2023年度政府信息公开工作年度报告', '二〇二四年一月三十一日']),
    );
    expect(metadata.year).toBe(2023);
  });

  it('reads a title with the year at its end', () => {
    const metadata = readMetadata(linesDocument(['桃源县人民政府政府信息公开工作年度报告（2021年度）']));
    expect(metadata).toMatchObject({ agency: '桃源县人民政府', region: '桃源县', year: 2021 });
  });

  it.each([
    ['uedbet体育_uedbet官网@:西柳镇人民政府2022年政府信息公开工作年度报告', '西柳镇人民政府'],
    ['puroview.com东城街道2022年政府信息公开工作年度报告', '东城街道'],
    ['新葡京博彩官网区人民政府北京街道办事处2022年政府信息公开工作年度报告', null],
  ])('strips spam from %s', (title, agency) => {
    const metadata = readMetadata(linesDocument([title, '一、总体情况']));
    expect(metadata.agency).toBe(agency);
    expect(metadata.year).toBe(2022);
  });

  it('converts Traditional names to Simplified', () => {
    const metadata = readMetadata(
      linesDocument(['撫遠市自然資源局2022年政府信息公開工作年度報告', '如對本報告有任何疑問，請與撫遠市自然資源局辦公室聯系。']),
    );
    expect(metadata).toMatchObject({ agency: '抚远市自然资源局', region: '抚远市', year: 2022 });
  });

  it('leaves the body null when the text never names it', () => {
    const metadata = readMetadata(
      linesDocument(['本报告所列数据的统计期限为2024年1月1日至2024年12月31日。', '一、总体情况', '2024年，我局认真贯彻《条例》。']),
    );
    expect(metadata).toEqual({
      title: null,
      agency: null,
      region: null,
      year: 2024,
      statisticsPeriod: { from: '2024-01-01', to: '2024-12-31' },
    });
  });
});

describe('readMetadata on page metadata blocks', () => {
  it('reads a title after a label cell and the year written after 工作', () => {
    const doc: DocumentModel = {
      fileKind: 'html',
      rows: [
        { cells: [{ text: '索引号' }, { text: '11330000/2022-01' }], table: 1, row: 1 },
        { cells: [{ text: '名称' }, { text: '青田县鹤城街道政府信息公开工作2021年度报告' }], table: 1, row: 2 },
        { cells: [{ text: '一、总体情况' }] },
      ],
    };
    expect(readMetadata(doc)).toMatchObject({ title: '青田县鹤城街道政府信息公开工作2021年度报告', agency: '青田县鹤城街道', region: '青田县', year: 2021 });
  });

  it('falls back to the publisher of the page when the report names no body', () => {
    const metadata = readMetadata(
      linesDocument(['发布机构：余干县黄金埠镇人民政府办公室', '本报告所列数据统计期限为2022年1月1日至2022年12月31日。', '一、总体情况']),
    );
    expect(metadata).toMatchObject({ agency: '余干县黄金埠镇人民政府', region: '余干县', year: 2022 });
  });
});

describe('readMetadata statistics periods', () => {
  it.each([
    ['本报告统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。', { from: '2023-01-01', to: '2023-12-31' }, 2023],
    ['报告统计期限为2022年1月至12月。', { from: '2022-01-01', to: '2022-12-31' }, 2022],
    ['本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。', { from: '2019-01-01', to: '2019-12-31' }, 2019],
    ['本报告统计期限为2021年度。', null, 2021],
  ])('%s', (sentence, period, year) => {
    const metadata = readMetadata(linesDocument(['一、总体情况', sentence, '2024年1月30日']));
    expect(metadata.statisticsPeriod).toEqual(period);
    expect(metadata.year).toBe(year);
  });

  it('ignores a short date range that is not the statistics period', () => {
    const metadata = readMetadata(linesDocument(['2023年3月1日至3月31日开展政务公开宣传月活动。']));
    expect(metadata.statisticsPeriod).toBeNull();
  });
});

describe('readMetadata on a page run into one line', () => {
  it('reads the period even when the line also holds table pipes', () => {
    const line =
      '某某镇2023年政府信息公开工作年度报告 本报告所列数据统计期限从2023年1月1日至2023年12月31日止。' +
      '一、总体情况 '.concat('全年主动公开信息。'.repeat(80)) +
      ' | 规章 | 0 | 0 | 0 | 行政规范性文件 | 1 | 0 | 3 |';
    expect(readMetadata(linesDocument([line])).statisticsPeriod).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });
});

describe('readMetadata body names', () => {
  it.each([
    ['石家庄市生态环境局桥西分局2022年政府信息公开工作年度报告', '石家庄市生态环境局桥西分局', '石家庄市'],
    ['上海市浦东新区人民政府办公室2022年政府信息公开工作年度报告', '上海市浦东新区人民政府办公室', '上海市浦东新区'],
    ['2022年度湘潭县花石镇人民政府政府信息公开工作年度报告', '湘潭县花石镇人民政府', '湘潭县'],
    ['杭州市西湖区北山街道2022年政府信息公开工作年度报告', '杭州市西湖区北山街道', '杭州市西湖区'],
  ])('%s', (title, agency, region) => {
    expect(readMetadata(linesDocument([title, '一、总体情况']))).toMatchObject({ agency, region, year: 2022 });
  });

  it('resolves a township title to the government the contact sentence names', () => {
    const metadata = readMetadata(
      linesDocument(['北山街道2022年政府信息公开工作年度报告', '如有疑问，请与杭州市西湖区北山街道办事处党政办公室联系。']),
    );
    expect(metadata).toMatchObject({ agency: '北山街道办事处', region: '杭州市西湖区' });
  });
});
