import type { AgencyKind } from './entities/agency.entity';
import type { RegionLevel } from './entities/region.entity';

const GOVERNMENT_SUFFIXES = ['人民政府办公室', '人民政府', '政府', '街道办事处', '办事处'];

/**
 * The comparable core of a body's name: whitespace removed, full-width letters folded, and the 人民政府 / 办事处
 * suffix dropped, so that 柴关乡人民政府, 柴关乡 and「 柴关乡 」 compare equal; a leading region name is dropped too.
 */
export function agencyNameCore(name: string, regionName?: string | null): string {
  let core = name.normalize('NFKC').replace(/[\s\u3000「」“”"]/g, '');
  if (regionName) {
    const region = regionName.normalize('NFKC').replace(/\s/g, '');
    if (region && core.startsWith(region) && core.length > region.length) core = core.slice(region.length);
  }
  for (const suffix of GOVERNMENT_SUFFIXES) {
    if (core.endsWith(suffix) && core.length > suffix.length) {
      const rest = core.slice(0, -suffix.length);
      return suffix.endsWith('办事处') && !rest.endsWith('街道') ? `${rest}街道` : rest;
    }
  }
  return core;
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
