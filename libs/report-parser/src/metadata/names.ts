/**
 * The grammar of the names of Chinese government bodies, as far as the metadata reader needs it. All functions take
 * compact normalised text (see `compactText`).
 *
 * A body's name is a chain of administrative divisions (`江苏省淮安市洪泽区`), optionally a township-level division
 * (`柴关乡`, `官洲街道`), optionally an organ (`人民政府`, `自然资源局`, `街道办事处`).
 */

const HAN = '[\\u4e00-\\u9fff]';

/** Province level: dropped from a region, which names the city and county. */
const PROVINCE_TOKEN = new RegExp(`^${HAN}{2,7}?(?:特别行政区|自治区|省)`);
/** City and county level (and zones that stand in for them: 新区, 开发区, 实验区 …). */
const DIVISION_TOKEN = new RegExp(
  `^(?:${HAN}{1,8}?(?:自治州|自治县|自治旗|地区|林区|特区|新区|开发区|高新区|实验区|示范区)|${HAN}{1,4}?(?:市|县|区|旗|州|盟))`,
);
/** A division-suffix character: `衢州` followed by `市` is not a whole token yet. */
const DIVISION_SUFFIX_CHAR = /^[市县区旗州盟]/;
/** Township level. */
const TOWNSHIP_TOKEN = new RegExp(`^${HAN}{1,5}?(?:街道|苏木|乡|镇)`);
/** The organ that closes a name. Longest alternatives first. */
const ORGAN_TOKEN = new RegExp(
  `^(?:人民政府办公厅|人民政府办公室|人民政府|街道办事处|办事处|管理委员会|管委会|政府|` +
    `${HAN}{1,12}?(?:委员会|管理局|局|委|厅|办公室|中心|院|署|会))`,
);

/** A branch under an organ (`…局桥西分局`, `…局执法支队`). */
const BRANCH_TOKEN = new RegExp(`^${HAN}{0,6}?(?:分局|支队|大队|派出所|分中心)`);

/** Words that make a division token relative ("我区", "全市", "本县") rather than a name. */
const RELATIVE_START = /^[我本全该各此其两周邻省市县区乡镇]/;
/** Division-looking words that are not divisions. */
const FALSE_DIVISIONS = /^(?:城市|都市|城区|山区|社区|景区|园区|片区|辖区|小区|市区|县区|城乡|乡镇|城镇|自治州|自治县|自治区|自治旗)$/;
/** Function words never found inside a place name; a token holding one was cut from a sentence. */
const NOT_IN_NAME = /[的以与在及或并把被了着过是]/;

/** Spam injected by mirror sites into names: gambling words, web addresses, Latin letters. */
const SPAM_WORDS = /(?:博彩|葡京|娱乐城|娱乐|体育|官网|彩票|赌场|棋牌|真人|百家乐|网投|平台登录|开户|注册送|bet|casino)/i;

export interface NameParts {
  /** Province tokens (dropped from regions). */
  province: string;
  /** City/county division tokens, in order. */
  divisions: string[];
  township: string | null;
  organ: string | null;
  /** The whole name as consumed from the start of the text. */
  name: string;
}

function takeDivision(text: string): string | null {
  const match = DIVISION_TOKEN.exec(text);
  if (!match) return null;
  let token = match[0];
  while (DIVISION_SUFFIX_CHAR.test(text.slice(token.length))) token = text.slice(0, token.length + 1);
  if (RELATIVE_START.test(token) || FALSE_DIVISIONS.test(token) || NOT_IN_NAME.test(token)) return null;
  return token;
}

/** Parses the longest name at the start of `text`. Returns null when nothing name-like starts there. */
export function parseName(text: string): NameParts | null {
  let rest = text;
  let province = '';
  const provinceMatch = PROVINCE_TOKEN.exec(rest);
  if (provinceMatch && !RELATIVE_START.test(provinceMatch[0])) {
    province = provinceMatch[0];
    rest = rest.slice(province.length);
  }
  const divisions: string[] = [];
  for (let token = takeDivision(rest); token !== null && divisions.length < 3; token = takeDivision(rest)) {
    divisions.push(token);
    rest = rest.slice(token.length);
  }
  let township: string | null = null;
  const townshipMatch = TOWNSHIP_TOKEN.exec(rest);
  const townshipToken = townshipMatch?.[0] ?? '';
  if (townshipToken && !RELATIVE_START.test(townshipToken) && !FALSE_DIVISIONS.test(townshipToken) && !NOT_IN_NAME.test(townshipToken)) {
    township = townshipToken;
    rest = rest.slice(township.length);
  }
  let organ: string | null = null;
  const organMatch = ORGAN_TOKEN.exec(rest);
  if (organMatch && (divisions.length > 0 || township !== null || province !== '')) {
    organ = organMatch[0];
    rest = rest.slice(organ.length);
    // `生态环境局` + `桥西分局`: a branch of the organ is still the body's own name.
    const branch = BRANCH_TOKEN.exec(rest);
    if (branch && !NOT_IN_NAME.test(branch[0])) {
      organ += branch[0];
      rest = rest.slice(branch[0].length);
    }
  }
  const name = text.slice(0, text.length - rest.length);
  if (divisions.length === 0 && township === null && province === '') return null;
  return { province, divisions, township, organ, name };
}

/**
 * Removes text injected by mirror sites. Returns null when what is left has lost the name's own words
 * (`新葡京博彩官网区人民政府…`: the district's name was replaced), so a polluted name is never returned.
 */
export function stripSpam(name: string): string | null {
  // A label before a colon (`名称：`, `发布机构:`) or spam before `@:` is not part of the name.
  let cleaned = name.slice(Math.max(name.lastIndexOf(':'), name.lastIndexOf('：')) + 1);
  // Everything up to the last Latin letter, digit, '@', ':' or '_' is host or spam text: keep what follows.
  const asciiTail = /[A-Za-z0-9@:：_.\-/]+([\u4e00-\u9fff]*)$/.exec(cleaned);
  if (asciiTail && /[A-Za-z@_]/.test(cleaned)) cleaned = asciiTail[1] ?? '';
  const spam = cleaned.match(new RegExp(SPAM_WORDS.source, 'gi'));
  if (spam) {
    const last = spam[spam.length - 1] ?? '';
    cleaned = cleaned.slice(cleaned.lastIndexOf(last) + last.length);
    // A name that now starts with a bare division suffix or organ lost its own words.
    if (/^(?:区|县|市|镇|乡|旗|州|人民政府|政府)/.test(cleaned)) return null;
  }
  return cleaned === '' ? null : cleaned;
}

/** Region of a parsed name: its city/county divisions (province dropped), or null. */
export function regionOfParts(parts: NameParts): string | null {
  return parts.divisions.length > 0 ? parts.divisions.join('') : null;
}

const STOP_BEFORE = /[与在为于是和及的至自对将由向请从据按经同省址系属联：:，,。；;（(、\s\n]/;
const CITY_SUFFIX = /(?:自治州|地区|市|州|盟)$/;

/**
 * The city a county-level division belongs to, as the text writes it just before that division
 * (`淮安市洪泽区`): walks left from the division over at most four characters, stopping at a function word or
 * punctuation. Returns the most frequent such city, or null.
 */
export function cityBefore(text: string, division: string): string | null {
  const counts = new Map<string, number>();
  for (let at = text.indexOf(division); at >= 0; at = text.indexOf(division, at + division.length)) {
    let start = at;
    while (start > 0 && at - start < 6 && !STOP_BEFORE.test(text.charAt(start - 1))) start -= 1;
    const before = text.slice(start, at);
    const city = [3, 4, 5, 2]
      .map((length) => before.slice(-length))
      .find((candidate) => candidate.length >= 2 && CITY_SUFFIX.test(candidate) && takeDivision(candidate) === candidate);
    if (city && city !== division) counts.set(city, (counts.get(city) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [city, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = city;
  return best;
}

/**
 * The county (and city) a township belongs to, as the text writes it just before the township's name
 * (`惠来县仙庵镇`, `衢州市衢江区湖南镇`).
 */
export function divisionsBefore(text: string, township: string): string | null {
  const counts = new Map<string, number>();
  for (let at = text.indexOf(township); at >= 0; at = text.indexOf(township, at + township.length)) {
    let start = at;
    while (start > 0 && at - start < 12 && !STOP_BEFORE.test(text.charAt(start - 1))) start -= 1;
    const before = text.slice(start, at);
    // The longest suffix of `before` that parses entirely as divisions.
    for (let from = 0; from < before.length; from += 1) {
      const candidate = before.slice(from);
      const parts = parseName(candidate);
      if (parts && parts.name === candidate && parts.township === null && parts.organ === null) {
        const region = regionOfParts(parts);
        if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
        break;
      }
    }
  }
  let best: string | null = null;
  for (const [region, count] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== null && region.length > best.length)) best = region;
  }
  return best;
}
