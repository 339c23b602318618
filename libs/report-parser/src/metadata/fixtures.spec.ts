import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentModel } from '../document';
import { readDocument } from '../readers';
import { checkNarrative } from './narrative';
import { readMetadata } from './read-metadata';
import { splitSections } from './split-sections';

/**
 * The metadata readers on every fixture file as the real readers deliver it (PDF, .docx, .doc, HTML, text,
 * markdown). Expected identities: real reports from their expected.json; excerpts from truth.jsonl, whose bracketed
 * alternatives are all accepted (in Simplified), with the region the excerpt's own text gives.
 */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fixtures');

interface Case {
  file: string;
  year: number;
  agency: string[];
  region: string[];
  /** Cells of `X.narrative` findings expected for this report (real reports only). */
  narrative?: string[];
}

interface RealExpectation {
  source: string;
  also_as?: string[];
  agency: string;
  region: string;
  year: number;
}

const REAL_SLUGS = [
  'hongze-2023',
  'hongze-2024',
  'huaian-2024',
  'pingtan-2019',
  'pingtan-2024',
  'sh-kewei-2024',
  'shahe-chaiguan-2023',
  'shanghai-bgt-2019',
];

function realCases(): Case[] {
  return REAL_SLUGS.flatMap((slug) => {
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'real', slug, 'expected.json'), 'utf8')) as RealExpectation;
    return [expected.source, ...(expected.also_as ?? [])].map((file) => ({
      file: path.join('real', slug, file),
      year: expected.year,
      agency: [expected.agency],
      region: [expected.region],
      narrative: slug === 'hongze-2024' ? ['requests.new_received.total'] : [],
    }));
  });
}

const EXCERPT_CASES: Case[] = [
  { file: '002.txt', year: 2022, agency: ['螅镇'], region: [] },
  { file: '003.txt', year: 2022, agency: [], region: [] },
  { file: '004.txt', year: 2022, agency: ['北坡镇', '遂溪县北坡镇', '遂溪县北坡镇人民政府'], region: ['湛江市遂溪县', '遂溪县'] },
  { file: '006.txt', year: 2021, agency: ['石家庄市桥西区中山街道办事处'], region: ['石家庄市桥西区'] },
  { file: '010.txt', year: 2020, agency: ['湖口县大垅乡'], region: ['湖口县'] },
  { file: '011.txt', year: 2020, agency: [], region: [] },
  { file: '013.txt', year: 2023, agency: ['对坊乡人民政府', '对坊乡'], region: [] },
  { file: '016.txt', year: 2022, agency: ['抚远市自然资源局'], region: ['抚远市'] },
  { file: '019.txt', year: 2023, agency: ['官洲街道办事处'], region: [] },
  { file: '020.txt', year: 2021, agency: ['衢州市衢江区湖南镇政府', '湖南镇政府', '衢州市衢江区湖南镇'], region: ['衢州市衢江区'] },
  { file: '026.txt', year: 2023, agency: ['信丰县卫生健康委'], region: ['信丰县'] },
  { file: '028.txt', year: 2022, agency: ['龙口镇'], region: [] },
  { file: '031.txt', year: 2021, agency: ['会仪镇人民政府'], region: [] },
  { file: '044.txt', year: 2024, agency: [], region: [] },
  { file: '046.txt', year: 2024, agency: [], region: [] },
  { file: '048.txt', year: 2023, agency: ['仙庵镇人民政府', '惠来县仙庵镇人民政府', '仙庵镇'], region: ['惠来县'] },
].map((excerpt) => ({ ...excerpt, file: path.join('excerpts', excerpt.file) }));

function accepts(allowed: readonly string[], actual: string | null): boolean {
  return allowed.length === 0 ? actual === null : actual !== null && allowed.includes(actual);
}

async function load(file: string): Promise<DocumentModel> {
  return readDocument(new Uint8Array(readFileSync(path.join(FIXTURES, file))), { fileName: path.basename(file) });
}

describe('metadata on every fixture, through the real readers', () => {
  it.each([...realCases(), ...EXCERPT_CASES])('$file', async ({ file, year, agency, region, narrative }) => {
    const doc = await load(file);
    const metadata = readMetadata(doc);
    expect({ file, year: metadata.year, agency: accepts(agency, metadata.agency), region: accepts(region, metadata.region) }).toEqual({
      file,
      year,
      agency: true,
      region: true,
    });
    if (narrative === undefined) return;
    const sections = splitSections(doc);
    expect(Object.keys(sections).length).toBeGreaterThanOrEqual(5);
    const values = (JSON.parse(readFileSync(path.join(FIXTURES, path.dirname(file), 'expected.json'), 'utf8')) as {
      values: Record<string, number | null>;
    }).values;
    expect(checkNarrative(sections, values).map((finding) => finding.cells[0])).toEqual(narrative);
  }, 30_000);

  it('shuyang-2025: the OCR text names 沐阳县 (the real 沭阳县), and the reader reports what the text says', async () => {
    const metadata = readMetadata(
      await load(path.join('real', 'shuyang-2025', '沭阳县人民政府2025年政府信息公开工作年度报告-沭阳县人民政府.txt')),
    );
    expect(metadata).toMatchObject({ agency: '沐阳县人民政府', region: '沐阳县', year: 2025 });
  });
});
