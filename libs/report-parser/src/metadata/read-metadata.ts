import type { ParsedReport, StatisticsPeriod } from '@nianbao/report-format';
import type { DocumentModel } from '../document';
import { flowText, proseLines, type ProseLine } from './document-text';
import { cityBefore, divisionsBefore, parseName, regionOfParts, stripSpam, type NameParts } from './names';

export type ReportMetadata = Pick<ParsedReport, 'title' | 'agency' | 'region' | 'year' | 'statisticsPeriod'>;

/** Characters a name, a title's parts or a gap inside one sentence never contain. */
const NO_PUNCT = '[^，。；,;:：《》“”"()（）【】\\[\\]|\\n]';
const YEAR = '((?:19|20)\\d{2})';
const REPORT_NOUN = '(?:政府|政务)?(?:信息公开|政务公开)(?:工作)?的?(?:情况)?(?:年度)?(?:报告|年报)';
/** Title prefix: a name, possibly with injected spam (`uedbet官网@:西柳镇人民政府`), never a sentence. */
const TITLE_PREFIX = '[^，。；,;《》“”"()（）【】\\[\\]|\\n]';

/** Labels of a page's metadata block before a title: `标题：`, `名称 | …`. */
const TITLE_LABEL = '(?:(?:文章标题|文件名称|标题|名称|题名)[:：]?)?';
const TITLE_LABEL_AT_START = new RegExp(`^${TITLE_LABEL}`);
/** A publisher named in a page's metadata block (`发布机构：…`), a late source for the body. */
const PUBLISHER = new RegExp(`(?:^|\\n)(?:发布机构|发布单位|发文机关|发文单位|信息来源|来源)[:：]?(${NO_PUNCT}{2,30})(?=\\n|$)`);

/** `沙河市柴关乡2023年…`, `2019年上海市人民政府办公厅…`, `2022年度螅镇…`, `会仪镇人民政府2021年信息公开年度报告`. */
const TITLE = new RegExp(`^${TITLE_LABEL}(${TITLE_PREFIX}{0,40}?)${YEAR}年?度?(${NO_PUNCT}{0,30}?)${REPORT_NOUN}`);
/** `…政府信息公开工作年度报告（2023年度）` */
const TITLE_YEAR_AFTER = new RegExp(`^${TITLE_LABEL}(${TITLE_PREFIX}{2,40}?)${REPORT_NOUN}[(（]${YEAR}年?度?[)）]`);
/** `…政府信息公开工作2023年度报告` */
const TITLE_YEAR_INSIDE = new RegExp(
  `^${TITLE_LABEL}(${TITLE_PREFIX}{2,40}?)(?:政府|政务)?(?:信息公开|政务公开)(?:工作)?${YEAR}年度?(?:工作)?(?:报告|年报)`,
);
const TITLE_WITHOUT_YEAR = new RegExp(`^${TITLE_LABEL}(${TITLE_PREFIX}{2,40}?)${REPORT_NOUN}$`);
/** Lines that quote other reports' titles: navigation, related links. */
const CHROME_BEFORE_TITLE = /^(?:上一篇|下一篇|相关|附件|链接|推荐|热点|您当前|当前位置|首页)/;

/** `现将北坡镇2022年政府信息公开工作年度报告…`, `特向社会公布2021年度本镇政府信息公开年度报告`. */
const REPORT_MENTION = new RegExp(
  `(?:现将|现向社会公布|特向社会公布|向社会公布|公布|发布|编制了|编制)(${NO_PUNCT}{0,30}?)${YEAR}年度?(${NO_PUNCT}{0,20}?)` +
    `(?:政府|政务)?(?:信息公开|政务公开)(?:工作)?(?:年度)?(?:情况|报告|年报)`,
);

/** A date, tolerant of a dropped 年 or 月 (`20231月1日`, `201911日`, `20191231日`). */
const DATE = '((?:19|20)\\d{2})年?(\\d{1,2})月?(\\d{1,2})日';
const DATE_RANGE = new RegExp(`${DATE}(?:起|开始)?(?:至|到|—|-|~|－)(?:${YEAR}年?)?(\\d{1,2})月?(\\d{1,2})日`, 'g');
const PERIOD_WORD = /(?:统计|期限|时限|周期|期间|区间|所列数据|涵盖)/;
/** `统计期限为2023年1月至12月` (months only). */
const MONTH_RANGE = new RegExp(`(?:统计|期限|时限|周期|期间)${NO_PUNCT}{0,12}?${YEAR}年(\\d{1,2})月份?(?:起)?(?:至|到|—|-|~)(?:${YEAR}年)?(\\d{1,2})月`);
/** `本报告统计期限为2023年度` (a year only). */
const PERIOD_YEAR = new RegExp(`(?:统计|期限|时限|周期|期间)${NO_PUNCT}{0,12}?${YEAR}年度?(?!\\d{1,2}月)`);

/** `请与柴关乡人民政府办公室联系`. */
const CONTACT = new RegExp(`请(?:与|联系|致电|咨询)(${NO_PUNCT}{2,40}?)(?:联系|联络|咨询|反映)`);

const CLAUSE_SPLIT = /[，。；,;:：!?！？、\n]/;
const YEAR_LEAD = /^(?:(?:19|20)\d{2}年(?:度|以来|来|内)?|今年以来|本年度|一年来)/;
const NOT_A_SUBJECT = /^(?:在|根据|按照|依据|经|由|对|为|从|向|据|截至|全年|今年|本|我|该|各|全|通过|围绕|坚持|结合)/;
const QUOTED = /《[^》]*》|“[^”]*”|"[^"]*"/g;

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * Title, body, region, year and statistics period, read from the document's own text (never from a file name or
 * URL). Unknown parts are null: a polluted or guessed name is worse than none.
 */
export function readMetadata(doc: DocumentModel): ReportMetadata {
  const lines = proseLines(doc);
  const flow = flowText(doc, lines);
  const statisticsPeriod = findStatisticsPeriod(flow);
  const title = chooseTitle(findTitles(lines), yearOfPeriod(statisticsPeriod));
  const mention = findReportMention(flow);
  const year =
    title?.year ?? yearOfPeriod(statisticsPeriod) ?? periodYearOnly(flow) ?? mention?.year ?? mostFrequentYear(flow);

  const nameSources = [title?.body, findContactBody(flow), mention?.body].filter(
    (parts): parts is NameParts => parts !== null && parts !== undefined,
  );
  const agency = resolveAgency(nameSources, flow) ?? findPublisher(lines) ?? findSubject(flow);
  const region = resolveRegion(agency, nameSources, flow);
  return { title: title?.text ?? null, agency: agency?.name ?? null, region, year, statisticsPeriod };
}

interface TitleMatch {
  text: string;
  /** Characters of the line the title pattern consumed (with a `标题：` label). */
  matchedChars: number;
  year: number | null;
  body: NameParts | null;
}

interface TitleCandidate extends TitleMatch {
  whole: boolean;
}

/**
 * Every title-like line, in order. `whole` when the title is the whole line (or two wrapped lines); a title at the
 * start of a longer line (page text run together) is kept as a weaker candidate.
 */
function findTitles(lines: readonly ProseLine[]): TitleCandidate[] {
  const titles: TitleCandidate[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]?.compact ?? '';
    if (CHROME_BEFORE_TITLE.test(line)) continue;
    const next = lines[index + 1]?.compact ?? '';
    const previous = lines[index - 1]?.compact ?? '';
    // A title may wrap: `…政府信息公开工作` / `年度报告`, or `淮安市洪泽区人民政府` / `2024年政府信息公开工作年度报告`.
    const candidates = [line, next.length <= 8 ? line + next : null].filter((text): text is string => text !== null);
    for (const candidate of candidates) {
      let match = matchTitle(candidate);
      if (!match) continue;
      let source = candidate;
      if (match.body === null && previous.length > 0 && previous.length <= 30 && !CHROME_BEFORE_TITLE.test(previous)) {
        const joined = matchTitle(previous + candidate);
        if (joined?.body) {
          match = joined;
          source = previous + candidate;
        }
      }
      titles.push({ ...match, whole: match.matchedChars === source.length });
      break;
    }
  }
  return titles;
}

/**
 * The report's title: a whole-line title before a run-together one; among several (navigation may list other
 * reports), the first that agrees with the statistics period's year, else the first.
 */
function chooseTitle(titles: readonly TitleCandidate[], periodYear: number | null): TitleMatch | null {
  const whole = titles.filter((title) => title.whole);
  const pool = whole.length > 0 ? whole : titles;
  return pool.find((title) => periodYear !== null && title.year === periodYear) ?? pool[0] ?? null;
}

function matchTitle(text: string): TitleMatch | null {
  const withYear = TITLE.exec(text);
  if (withYear) {
    const body = bodyFrom([withYear[1] ?? '', withYear[3] ?? '']);
    return { text: withYear[0].replace(TITLE_LABEL_AT_START, ''), matchedChars: withYear[0].length, year: plausibleYear(withYear[2]), body };
  }
  const yearAfter = TITLE_YEAR_AFTER.exec(text) ?? TITLE_YEAR_INSIDE.exec(text);
  if (yearAfter) {
    return {
      text: yearAfter[0].replace(TITLE_LABEL_AT_START, ''),
      matchedChars: yearAfter[0].length,
      year: plausibleYear(yearAfter[2]),
      body: bodyFrom([yearAfter[1] ?? '']),
    };
  }
  const withoutYear = TITLE_WITHOUT_YEAR.exec(text);
  if (withoutYear) {
    const body = bodyFrom([withoutYear[1] ?? '']);
    if (body) return { text: withoutYear[0].replace(TITLE_LABEL_AT_START, ''), matchedChars: withoutYear[0].length, year: null, body };
  }
  return null;
}

/** The name among a title's or sentence's parts (the text before or after the year), if one parses as a name. */
function bodyFrom(parts: readonly string[]): NameParts | null {
  for (const part of parts) {
    const cleaned = stripSpam(part.replace(/人民$/, '人民政府').replace(/^关于/, '').replace(/的$/, ''));
    if (!cleaned) continue;
    const parsed = parseName(cleaned);
    // The whole part must be the name, apart from a short tail like `关于`, `的`.
    if (parsed && cleaned.length - parsed.name.length <= 2) return parsed;
  }
  return null;
}

function plausibleYear(digits: string | undefined): number | null {
  if (digits === undefined) return null;
  const year = Number(digits);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function findStatisticsPeriod(flow: string): StatisticsPeriod | null {
  let fallback: StatisticsPeriod | null = null;
  for (const match of flow.matchAll(DATE_RANGE)) {
    const fromYear = plausibleYear(match[1]);
    if (fromYear === null) continue;
    const toYear = match[4] === undefined ? fromYear : plausibleYear(match[4]);
    if (toYear === null || toYear < fromYear) continue;
    const from = isoDate(fromYear, Number(match[2]), Number(match[3]));
    const to = isoDate(toYear, Number(match[5]), Number(match[6]));
    if (from === null || to === null || to < from) continue;
    const before = flow.slice(Math.max(0, (match.index ?? 0) - 30), match.index ?? 0);
    const sentenceBefore = before.split(/[。；\n]/).pop() ?? '';
    if (PERIOD_WORD.test(sentenceBefore)) return { from, to };
    // Without a telling word, accept only a range that spans most of a year.
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (fallback === null && days >= 300) fallback = { from, to };
  }
  return fallback ?? monthRange(flow);
}

function monthRange(flow: string): StatisticsPeriod | null {
  const match = MONTH_RANGE.exec(flow);
  const fromYear = plausibleYear(match?.[1]);
  if (!match || fromYear === null) return null;
  const toYear = match[3] === undefined ? fromYear : plausibleYear(match[3]);
  const fromMonth = Number(match[2]);
  const toMonth = Number(match[4]);
  if (toYear === null) return null;
  const from = isoDate(fromYear, fromMonth, 1);
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  const to = isoDate(toYear, toMonth, lastDay);
  return from !== null && to !== null && from <= to ? { from, to } : null;
}

function periodYearOnly(flow: string): number | null {
  return plausibleYear(PERIOD_YEAR.exec(flow)?.[1]);
}

function yearOfPeriod(period: StatisticsPeriod | null): number | null {
  return period === null ? null : Number(period.to.slice(0, 4));
}

function findReportMention(flow: string): { year: number | null; body: NameParts | null } | null {
  const match = REPORT_MENTION.exec(flow);
  if (!match) return null;
  return { year: plausibleYear(match[2]), body: bodyFrom([match[1] ?? '', match[3] ?? '']) };
}

function mostFrequentYear(flow: string): number | null {
  const counts = new Map<number, number>();
  for (const match of flow.matchAll(/((?:19|20)\d{2})年/g)) {
    const year = plausibleYear(match[1]);
    if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = year;
  return best;
}

function findContactBody(flow: string): NameParts | null {
  const match = CONTACT.exec(flow);
  return match ? bodyOfOffice(match[1] ?? '') : null;
}

function findPublisher(lines: readonly ProseLine[]): NameParts | null {
  const match = PUBLISHER.exec(lines.slice(0, 40).map((line) => line.compact).join('\n'));
  return match ? bodyOfOffice(match[1] ?? '') : null;
}

/** The body behind an office named for contact or publication: `柴关乡人民政府办公室` → `柴关乡人民政府`. */
function bodyOfOffice(text: string): NameParts | null {
  const cleaned = stripSpam(text);
  if (!cleaned) return null;
  const parts = parseName(cleaned);
  if (!parts) return null;
  // `柴关乡人民政府办公室` names the body's office: the body is `柴关乡人民政府`.
  if (parts.organ !== null && /办公室$|办$/.test(parts.organ)) {
    const government = /^(.*?(?:人民政府|政府))/.exec(parts.organ);
    const organ = government ? (government[1] ?? null) : null;
    const place = parts.name.slice(0, parts.name.length - parts.organ.length);
    return { ...parts, organ, name: place + (organ ?? '') };
  }
  return parts;
}

/**
 * The body of the report from the title, the contact sentence and the sentence that publishes the report: a name
 * that closes with an organ, or else a place resolved to its government.
 */
function resolveAgency(sources: readonly NameParts[], flow: string): NameParts | null {
  const withOrgan = sources.find((parts) => parts.organ !== null);
  if (withOrgan && withOrgan === sources[0]) return withOrgan;
  const place = sources[0];
  if (place) {
    const government = governmentOf(place, flow);
    if (government) return government;
    if (withOrgan && sharesPlace(withOrgan, place)) return withOrgan;
    return place;
  }
  return null;
}

function sharesPlace(body: NameParts, place: NameParts): boolean {
  const key = place.township ?? place.divisions[place.divisions.length - 1] ?? '';
  return key !== '' && body.name.includes(key);
}

/** `柴关乡` → `柴关乡人民政府`, `官洲街道` → `官洲街道办事处`, `淮安市` → `淮安市人民政府`, when the text names it so. */
function governmentOf(place: NameParts, flow: string): NameParts | null {
  const key = place.township ?? place.divisions[place.divisions.length - 1];
  if (key === undefined) return null;
  const organs = place.township?.endsWith('街道') ? ['办事处'] : ['人民政府', '政府'];
  for (const organ of organs) {
    for (const name of [place.name + organ, key + organ]) {
      // `螅镇政府信息公开工作…` is the report's subject, not a name of the body.
      if (new RegExp(`${name}(?!信息|网站|门户|网)`).test(flow)) {
        const parsed = parseName(name);
        if (parsed && parsed.name === name) return parsed;
      }
    }
  }
  return null;
}

/** Last resort: a body named as the subject of a clause (`2022年，抚远市自然资源局不断强化…`). */
function findSubject(flow: string): NameParts | null {
  const opening = flow.slice(0, 2000).replace(QUOTED, '');
  for (const clause of opening.split(CLAUSE_SPLIT)) {
    const subject = clause.replace(YEAR_LEAD, '');
    if (NOT_A_SUBJECT.test(subject)) continue;
    const cleaned = stripSpam(subject);
    if (!cleaned) continue;
    const parts = parseName(cleaned);
    if (parts?.organ && (parts.divisions.length > 0 || parts.township !== null)) return parts;
  }
  return null;
}

/**
 * The region: the city and county divisions of the body's name (`淮安市洪泽区人民政府` → `淮安市洪泽区`), completed by
 * the city the text writes before a lone county or county-level city (`淮安市洪泽区` for `洪泽区人民政府`); for a
 * township named alone, the divisions the text writes before it (`惠来县仙庵镇`).
 */
function resolveRegion(agency: NameParts | null, sources: readonly NameParts[], flow: string): string | null {
  const named = [agency, ...sources];
  const withDivisions = named.find((parts) => parts && parts.divisions.length > 0);
  if (withDivisions) {
    const [first = '', ...rest] = withDivisions.divisions;
    if (rest.length === 0 && !/(?:州|盟|地区)$/.test(first)) {
      const city = cityBefore(flow, first);
      if (city) return city + first;
    }
    return regionOfParts(withDivisions);
  }
  const township = named.find((parts) => parts?.township)?.township;
  return township ? divisionsBefore(flow, township) : null;
}
