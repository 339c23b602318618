import { SECTIONS, type SectionKey } from '@nianbao/report-format';
import type { DocumentModel } from '../document';
import { proseLines, type ProseLine } from './document-text';

const SECTION_ORDER: readonly SectionKey[] = SECTIONS.map((section) => section.key);
const NUMERALS = '一二三四五六七八九十';

/**
 * How a heading's words name a section, checked in this order (a heading about 复议 may mention 申请). `strong`
 * matches only the official wording and its common variants; `loose` also matches shortened headings.
 */
const HEADING_WORDS: readonly { key: SectionKey; strong: RegExp; loose: RegExp }[] = [
  { key: 'appeals', strong: /行政复议.{0,3}行政诉讼|复议.{0,2}诉讼/, loose: /行政复议|行政诉讼/ },
  { key: 'requests', strong: /收到和处理|处理政府信息公开申请/, loose: /依申请公开|公开申请|申请情况|申请的情况/ },
  { key: 'proactive', strong: /主动公开政府信息/, loose: /主动公开/ },
  { key: 'problems', strong: /存在的主要问题/, loose: /主要问题|存在问题|存在的问题|改进情况|改进措施|整改/ },
  { key: 'other', strong: /其[他它]需要报告/, loose: /其[他它]事项|需要报告的事项|需要说明的事项/ },
  { key: 'overview', strong: /总体情况/, loose: /基本情况|概述|概况/ },
];

/** Table-三 row labels numbered like headings: `一、本年新收政府信息公开申请数量`, `三、本年度办理结果`. */
const TABLE_LABEL_HEADING = /本年新收|上年结转|办理结果|结转下年度|申请数量/;

/** `一、总体情况`, `二、行政机关主动公开政府信息情况`, `第三部分 …`; the separator may be lost in extraction. */
const LINE_HEADING = new RegExp(`^(?:第)?([${NUMERALS}])(?:部分)?([、.．:：,，])?(.+)$`);
/**
 * `（一）主要问题` standing where the 五 heading is missing (a report whose table part took the numbers): a weak
 * candidate for `problems` only, chosen when no numbered heading serves.
 */
const PARENTHESISED_PROBLEMS = /^[(（][一二三四五六七八九十][)）](?:存在的)?主要问题(?:及改进情况)?$/;
/** `2、主动公开政府信息情况`: Arabic numbering, taken only with the official wording at its standard number. */
const ARABIC_HEADING = /^([1-6])[、.．](.+)$/;
/** Official headings glued inside a line of run-together page text (`……一、总体情况2019年，……`). */
const INLINE_HEADING = new RegExp(
  `([${NUMERALS}])、(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议[、和及]?行政诉讼情况|` +
    `(?:政府信息公开工作)?存在的主要问题及改进情况|其[他它]需要报告的事项)`,
  'g',
);

const MAX_HEADING_CHARS = 32;

/** Short lines that are table cells flattened into text: labels, headers, numbers. */
const TABLE_CELL_WORDS =
  /本年新收|上年结转|办理结果|结转下年度|勾稽关系|维持|纠正|审结|商业|科研|公益|法律服务|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|属于|信访举报|重复申请|公开出版物|大量反复|确认或重新|逾期|不掌握|没有现成信息|补正后|国家秘密|法律行政法规|三安全一稳定|第三方合法权益|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|申请人情况|结果维持|结果纠正|其他结果|尚未审结|未经复议|复议后起诉|本年.{0,4}(?:件数|数量)|现行有效|对外公开总|信息内容|收费金额|处理决定|上一年项目|本年增|采购|第二十条|规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|对外管理服务/;
const SENTENCE_PUNCTUATION = /[，。；！？,;!?]/;
const NUMBERS_ONLY = /^[\d.,，\-—–/\\|]*$/;
/** `无` alone is a table's n/a cell inside a table's section, and an answer (nothing to report) elsewhere. */
const NOTHING = /^无[。.]?$/;

/** Sections that hold a table: their prose is sentences, so a short line without punctuation is a cell fragment. */
const TABULAR_SECTIONS: ReadonlySet<SectionKey> = new Set<SectionKey>(['proactive', 'requests', 'appeals']);

function isFragment(line: ProseLine): boolean {
  return line.compact.length <= 20 && !/[，。；,;]/.test(line.compact);
}

interface Heading {
  key: SectionKey | null;
  /** 1 for 一; 0 for a parenthesised sub-heading. */
  numeral: number;
  strong: boolean;
}

function numeralValue(numeral: string): number {
  return NUMERALS.indexOf(numeral) + 1;
}

function classify(title: string): { key: SectionKey; strong: boolean } | null {
  if (TABLE_LABEL_HEADING.test(title)) return null;
  for (const words of HEADING_WORDS) {
    if (words.strong.test(title)) return { key: words.key, strong: true };
    if (words.loose.test(title)) return { key: words.key, strong: false };
  }
  return null;
}

/** A numbered top-level heading at the start of a line, or null. Unrecognised headings have `key: null`. */
function lineHeading(line: ProseLine): Heading | null {
  if (line.inTable) return null;
  if (PARENTHESISED_PROBLEMS.test(line.compact)) return { key: 'problems', numeral: 0, strong: false };
  const arabic = ARABIC_HEADING.exec(line.compact);
  if (arabic) {
    const numeral = Number(arabic[1]);
    const section = arabic[2] && arabic[2].length <= MAX_HEADING_CHARS ? classify(arabic[2]) : null;
    const standard = section !== null && section.strong && SECTION_ORDER.indexOf(section.key) + 1 === numeral;
    return standard ? { key: section.key, numeral, strong: true } : null;
  }
  const match = LINE_HEADING.exec(line.compact);
  if (!match) return null;
  const [, numeral = '', separator, title = ''] = match;
  if (title.length > MAX_HEADING_CHARS || /[。；]/.test(title) || /^是/.test(title)) return null;
  const section = classify(title);
  // Without a separator only a recognised heading counts (`一总体情况`), never `一是…`.
  if (!separator && !section) return null;
  return { key: section?.key ?? null, numeral: numeralValue(numeral), strong: section?.strong ?? false };
}

function isTableCell(line: ProseLine, section: SectionKey): boolean {
  if (line.inTable || /^\s*\||\|\s*$/.test(line.raw)) return true;
  const text = line.compact;
  if (NUMBERS_ONLY.test(text)) return true;
  if (NOTHING.test(text)) return TABULAR_SECTIONS.has(section);
  // A label followed by its numbers (`申请数量 821 35`), as a PDF line or a flattened row.
  if (!SENTENCE_PUNCTUATION.test(text) && (line.raw.match(/(?:^|\s)\d+(?:\.\d+)?(?=\s|$)/g) ?? []).length >= 2) return true;
  if (text.length > 40 || text.includes('。')) return false;
  return TABLE_CELL_WORDS.test(text) || (text.length <= 12 && !SENTENCE_PUNCTUATION.test(text) && /^[^（(\d一二三四五六七八九十]/.test(text) && !/[是了在为]/.test(text));
}

/**
 * Splits a line of run-together page text at the official headings glued inside it. Pieces of a split line are
 * given in normalised form; a line without such a heading is returned as it is.
 */
function splitInline(line: ProseLine): { heading: Heading | null; line: ProseLine }[] {
  const pieces: { heading: Heading | null; line: ProseLine }[] = [];
  let heading: Heading | null = null;
  let start = 0;
  for (const match of line.compact.matchAll(INLINE_HEADING)) {
    const section = classify(match[2] ?? '');
    const numeral = numeralValue(match[1] ?? '');
    if (!section || numeral !== SECTION_ORDER.indexOf(section.key) + 1) continue;
    const text = line.compact.slice(start, match.index);
    pieces.push({ heading, line: { ...line, raw: text, compact: text } });
    heading = { key: section.key, numeral, strong: true };
    start = (match.index ?? 0) + match[0].length;
  }
  if (pieces.length === 0) return [{ heading: null, line }];
  const text = line.compact.slice(start);
  pieces.push({ heading, line: { ...line, raw: text, compact: text } });
  return pieces;
}

/** A piece of the document in reading order: prose (or a table cell) or a heading candidate. */
type Unit = { kind: 'text'; line: ProseLine } | { kind: 'heading'; heading: Heading & { key: SectionKey }; line: ProseLine | null };

function units(doc: DocumentModel): Unit[] {
  const out: Unit[] = [];
  for (const line of proseLines(doc)) {
    const heading = lineHeading(line);
    if (heading?.key) {
      out.push({ kind: 'heading', heading: { ...heading, key: heading.key }, line });
      continue;
    }
    for (const piece of splitInline(line)) {
      if (piece.heading?.key) out.push({ kind: 'heading', heading: { ...piece.heading, key: piece.heading.key }, line: null });
      out.push({ kind: 'text', line: piece.line });
    }
  }
  return out;
}

/** How much a heading candidate looks like the section's real heading. */
function headingScore(heading: Heading & { key: SectionKey }): number {
  if (heading.numeral === 0) return 0.5;
  const standard = heading.numeral === SECTION_ORDER.indexOf(heading.key) + 1;
  return (standard ? 2 : 0) + (heading.strong ? 2 : 1);
}

/**
 * Picks at most one heading per section so that the chosen headings follow the standard order and score highest
 * together (a weighted longest increasing chain). Sub-items of 总体情况 named like later sections (`二、依申请公开
 * 情况`) lose to the real headings that follow; a table part that restarts its numbering cannot reorder sections.
 */
function chooseHeadings(candidates: readonly { position: number; heading: Heading & { key: SectionKey } }[]): Set<number> {
  const best: number[] = [];
  const previous: number[] = [];
  candidates.forEach((candidate, index) => {
    const order = SECTION_ORDER.indexOf(candidate.heading.key);
    best[index] = headingScore(candidate.heading);
    previous[index] = -1;
    for (let before = 0; before < index; before += 1) {
      const earlier = candidates[before];
      if (!earlier || SECTION_ORDER.indexOf(earlier.heading.key) >= order) continue;
      const increasing = candidate.heading.numeral > earlier.heading.numeral ? 0.5 : 0;
      const total = (best[before] ?? 0) + headingScore(candidate.heading) + increasing;
      if (total > (best[index] ?? 0)) {
        best[index] = total;
        previous[index] = before;
      }
    }
  });
  let end = -1;
  best.forEach((score, index) => {
    if (end < 0 || score > (best[end] ?? 0)) end = index;
  });
  const chosen = new Set<number>();
  for (let index = end; index >= 0; index = previous[index] ?? -1) {
    const candidate = candidates[index];
    if (candidate) chosen.add(candidate.position);
  }
  return chosen;
}

/**
 * The six sections' prose, by their headings. Headings are recognised by their words (official wording or common
 * variants, Traditional included) after a Chinese numeral; the best-scoring chain in the standard order is taken
 * (see `chooseHeadings`), so sub-items and table-三 labels (`三、本年度办理结果`) never start a section. Table rows
 * are left out: a section's text is its prose. A section whose heading is present but holds only a table maps to ''.
 */
export function splitSections(doc: DocumentModel): Partial<Record<SectionKey, string>> {
  const all = units(doc);
  const candidates = all.flatMap((unit, position) => (unit.kind === 'heading' ? [{ position, heading: unit.heading }] : []));
  const chosen = chooseHeadings(candidates);

  const collected = new Map<SectionKey, string[]>();
  let current: SectionKey | null = null;
  all.forEach((unit, position) => {
    if (unit.kind === 'heading') {
      if (chosen.has(position)) {
        current = unit.heading.key;
        collected.set(current, []);
        return;
      }
      // A heading not taken (a sub-item, a table's own numbering) is part of the current section's text.
      if (unit.line === null || current === null) return;
    }
    const line = unit.line;
    if (current === null || line === null || isTableCell(line, current) || line.raw.trim() === '') return;
    if (TABULAR_SECTIONS.has(current) && isFragment(line)) return;
    collected.get(current)?.push(line.raw.trim());
  });

  const sections: Partial<Record<SectionKey, string>> = {};
  for (const key of SECTION_ORDER) {
    const texts = collected.get(key);
    if (texts) sections[key] = joinProse(texts, doc.fileKind === 'pdf');
  }
  return sections;
}

/** PDF lines wrap mid-sentence: rejoin them, breaking only after a sentence or before a numbered item. */
function joinProse(texts: readonly string[], wrapped: boolean): string {
  if (!wrapped) return texts.join('\n').trim();
  let joined = '';
  for (const text of texts) {
    const breakBefore = /[。；：:！？]$/.test(joined) || /^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]是|\d+[、.])/.test(text);
    joined += joined === '' ? text : (breakBefore ? '\n' : '') + text;
  }
  return joined.trim();
}
