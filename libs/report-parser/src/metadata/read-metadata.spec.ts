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
