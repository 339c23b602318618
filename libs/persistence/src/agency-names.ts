import type { AgencyKind } from '@nianbao/api-contract';
import type { RegionLevel } from './entities/region.entity';

/**
 * Suffixes that name the same body as the bare place name: 柴关乡人民政府 = 柴关乡, 桥东街道办事处 = 桥东街道. The
 * 人民政府办公室 (办公厅) is a body of its own, with its own report, and keeps its suffix.
 */
const GOVERNMENT_SUFFIXES = ['人民政府', '政府', '街道办事处', '办事处'];

/** The last character of an administrative unit's name: 江苏省, 淮安市, 洪泽区, 沭阳县, …旗, …自治州, …盟. */
const UNIT_END = /[省市区县旗州盟]$/;

function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000「」“”"]/g, '');
}

/**
 * Whether `tail` is `whole` itself or its trailing administrative units (洪泽区 of 淮安市洪泽区), cut where a unit
 * ends — never in the middle of a name (泽区 is no tail of 淮安市洪泽区).
 */
function isUnitTail(tail: string, whole: string): boolean {
  if (tail === '' || !whole.endsWith(tail)) return false;
  return tail.length === whole.length || UNIT_END.test(whole.slice(0, whole.length - tail.length));
}

/** The trailing units of a region, longest first: 淮安市洪泽区 → 淮安市洪泽区, 洪泽区. */
function unitTails(region: string): string[] {
  const tails: string[] = [];
  for (let i = 0; i < region.length; i++) {
    if (i === 0 || UNIT_END.test(region.slice(0, i))) tails.push(region.slice(i));
  }
  return tails;
}

/** Whether two region names can denote the same place: equal, or one is the other's trailing units. */
export function regionsCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  const [x, y] = [normaliseName(a), normaliseName(b)];
  return isUnitTail(x, y) || isUnitTail(y, x);
}

/** Of two compatible region names, the more specific one (淮安市洪泽区 over 洪泽区). */
function moreSpecificRegion(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return normaliseName(a).length >= normaliseName(b).length ? a : b;
}

/**
 * The comparable core of a body's name: whitespace removed, full-width letters folded, and the 人民政府 / 办事处
 * suffix dropped, so that 柴关乡人民政府, 柴关乡 and「 柴关乡 」 compare equal. Within a region, a leading region prefix
 * that is the region or its trailing units is dropped (沙河市柴关乡 → 柴关乡; 淮安市洪泽区东城街道 and 洪泽区东城街道 →
 * 东城街道), and the government of the region itself, however much of the region its name spells out, is the whole
 * region (洪泽区人民政府 and 淮安市洪泽区人民政府 in 淮安市洪泽区 → 淮安市洪泽区).
 */
export function agencyNameCore(name: string, regionName?: string | null): string {
  let core = normaliseName(name);
  for (const suffix of GOVERNMENT_SUFFIXES) {
    if (core.endsWith(suffix) && core.length > suffix.length) {
      const rest = core.slice(0, -suffix.length);
      core = suffix.endsWith('办事处') && !rest.endsWith('街道') ? `${rest}街道` : rest;
      break;
    }
  }
  const region = regionName ? normaliseName(regionName) : '';
  if (!region) return core;
  if (isUnitTail(core, region) || isUnitTail(region, core)) return region;
  const prefix = unitTails(region).find((tail) => core.startsWith(tail) && core.length > tail.length);
  return prefix ? core.slice(prefix.length) : core;
}

/** Whether a name printed in a report denotes the registered body (by its name or one of its aliases). */
export function agencyNameMatches(
  printed: string,
  registered: { name: string; aliases: readonly string[] },
  regionName?: string | null,
): boolean {
  const wanted = agencyNameCore(printed, regionName);
  if (wanted === '') return false;
  return [registered.name, ...registered.aliases].some((n) => agencyNameCore(n, regionName) === wanted);
}

export interface AgencyCandidate {
  name: string;
  aliases: readonly string[];
  region: string | null;
}

/**
 * The registered body a report's name and region denote, or null to register a new one. A candidate must be in a
 * compatible region (names compared within the more specific of the two); one in the very same region wins; when
 * the name matches bodies in different regions and the report's region does not decide, nothing is guessed.
 * `candidates` come oldest first, so that a body registered twice resolves to its first registration.
 */
export function findAgencyMatch<T extends AgencyCandidate>(
  printed: { name: string; region: string | null },
  candidates: readonly T[],
): T | null {
  const matching = candidates.filter(
    (candidate) =>
      regionsCompatible(printed.region, candidate.region) &&
      agencyNameMatches(printed.name, candidate, moreSpecificRegion(printed.region, candidate.region)),
  );
  const region = printed.region ? normaliseName(printed.region) : null;
  const sameRegion = matching.find((candidate) => candidate.region !== null && normaliseName(candidate.region) === region);
  if (sameRegion) return sameRegion;
  const regions = new Set(matching.flatMap((candidate) => (candidate.region ? [normaliseName(candidate.region)] : [])));
  return regions.size > 1 ? null : (matching[0] ?? null);
}

/** The kind of body a name denotes: 乡 township, 镇 town, 街道 subdistrict, a 市/县/区 government, else a department. */
export function inferAgencyKind(name: string): AgencyKind {
  const core = agencyNameCore(name);
  if (core.endsWith('街道')) return 'subdistrict';
  if (core.endsWith('乡')) return 'township';
  if (core.endsWith('镇')) return 'town';
  if (/[省市县区旗州盟]$/.test(core) && /人民政府$/.test(name.replace(/\s/g, ''))) return 'government';
  return 'department';
}

/** The level of a region by its name's last character: 省 province, 市/州/盟 city, otherwise county. */
export function inferRegionLevel(name: string): RegionLevel {
  const trimmed = name.replace(/\s/g, '');
  if (trimmed.endsWith('省') || trimmed.endsWith('自治区')) return 'province';
  if (/[市州盟]$/.test(trimmed)) return 'city';
  return 'county';
}
