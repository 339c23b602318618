import {
  agencyNameCore,
  agencyNameMatches,
  findAgencyMatch,
  inferAgencyKind,
  inferRegionLevel,
  regionsCompatible,
  type AgencyCandidate,
} from './agency-names';

describe('agency names', () => {
  it.each([
    ['柴关乡人民政府', '柴关乡'],
    [' 柴关乡 ', '柴关乡'],
    ['桥东街道办事处', '桥东街道'],
    ['桥东办事处', '桥东街道'],
    ['沙河市人民政府办公室', '沙河市人民政府办公室'],
  ])('reduces %s to %s', (name, core) => {
    expect(agencyNameCore(name)).toBe(core);
  });

  it('drops a leading region name', () => {
    expect(agencyNameCore('沙河市柴关乡人民政府', '沙河市')).toBe('柴关乡');
  });

  it('drops a leading prefix that is the region or its trailing units, never part of a unit', () => {
    expect(agencyNameCore('淮安市洪泽区东城街道办事处', '淮安市洪泽区')).toBe('东城街道');
    expect(agencyNameCore('洪泽区东城街道', '淮安市洪泽区')).toBe('东城街道');
    expect(agencyNameCore('东城街道', '淮安市洪泽区')).toBe('东城街道');
    expect(agencyNameCore('泽区东城街道', '淮安市洪泽区')).toBe('泽区东城街道');
    expect(agencyNameCore('淮安市东城街道', '淮安市洪泽区')).toBe('淮安市东城街道');
  });

  it('reads the government of the region itself as the whole region, however much of it the name spells out', () => {
    expect(agencyNameCore('洪泽区人民政府', '淮安市洪泽区')).toBe('淮安市洪泽区');
    expect(agencyNameCore('淮安市洪泽区人民政府', '淮安市洪泽区')).toBe('淮安市洪泽区');
    expect(agencyNameCore('江苏省淮安市洪泽区人民政府', '淮安市洪泽区')).toBe('淮安市洪泽区');
    expect(agencyNameCore('淮安市人民政府', '淮安市洪泽区')).toBe('淮安市');
  });

  it('tells compatible region names (equal, or trailing units of the other) from different places', () => {
    expect(regionsCompatible('淮安市洪泽区', '洪泽区')).toBe(true);
    expect(regionsCompatible('淮安市洪泽区', ' 淮安市洪泽区')).toBe(true);
    expect(regionsCompatible('淮安市洪泽区', null)).toBe(true);
    expect(regionsCompatible('淮安市洪泽区', '淮安市')).toBe(false);
    expect(regionsCompatible('淮安市洪泽区', '泽区')).toBe(false);
    expect(regionsCompatible('沙河市', '邢台市')).toBe(false);
  });

  it('matches a printed name against the name and the aliases', () => {
    const registered = { name: '柴关乡', aliases: ['柴关'] };
    expect(agencyNameMatches('柴关乡人民政府', registered)).toBe(true);
    expect(agencyNameMatches('柴关', registered)).toBe(true);
    expect(agencyNameMatches('沙河市柴关乡人民政府', registered, '沙河市')).toBe(true);
    expect(agencyNameMatches('新城镇人民政府', registered)).toBe(false);
    expect(agencyNameMatches('', registered)).toBe(false);
  });

  it.each([
    ['柴关乡人民政府', 'township'],
    ['新城镇', 'town'],
    ['桥东街道办事处', 'subdistrict'],
    ['沙河市人民政府', 'government'],
    ['沙河市教育局', 'department'],
  ])('infers the kind of %s as %s', (name, kind) => {
    expect(inferAgencyKind(name)).toBe(kind);
  });

  it.each([
    ['河北省', 'province'],
    ['沙河市', 'city'],
    ['清河县', 'county'],
  ])('infers the level of %s as %s', (name, level) => {
    expect(inferRegionLevel(name)).toBe(level);
  });

  describe('findAgencyMatch', () => {
    const body = (name: string, region: string | null, aliases: string[] = []): AgencyCandidate => ({ name, aliases, region });

    it('finds 洪泽区 2023 (洪泽区人民政府) again when 2024 prints 淮安市洪泽区人民政府, in either region spelling', () => {
      const hongze2023 = body('洪泽区人民政府', '淮安市洪泽区');
      expect(findAgencyMatch({ name: '淮安市洪泽区人民政府', region: '淮安市洪泽区' }, [hongze2023])).toBe(hongze2023);
      const shortRegion = body('洪泽区人民政府', '洪泽区');
      expect(findAgencyMatch({ name: '淮安市洪泽区人民政府', region: '淮安市洪泽区' }, [shortRegion])).toBe(shortRegion);
      const hongze2024 = body('淮安市洪泽区人民政府', '淮安市洪泽区');
      expect(findAgencyMatch({ name: '洪泽区人民政府', region: '淮安市洪泽区' }, [hongze2024])).toBe(hongze2024);
    });

    it('keeps the city government apart from the district government', () => {
      const hongze = body('洪泽区人民政府', '淮安市洪泽区');
      expect(findAgencyMatch({ name: '淮安市人民政府', region: '淮安市' }, [hongze])).toBeNull();
      const huaian = body('淮安市人民政府', '淮安市');
      expect(findAgencyMatch({ name: '淮安市洪泽区人民政府', region: '淮安市洪泽区' }, [huaian])).toBeNull();
    });

    it('never merges a township government with its party committee, or a government with its general office', () => {
      const government = body('柴关乡人民政府', '沙河市');
      expect(findAgencyMatch({ name: '柴关乡党委', region: '沙河市' }, [government])).toBeNull();
      expect(findAgencyMatch({ name: '沙河市柴关乡人民政府', region: '沙河市' }, [government])).toBe(government);
      const city = body('沙河市人民政府', '沙河市');
      expect(findAgencyMatch({ name: '沙河市人民政府办公室', region: '沙河市' }, [city])).toBeNull();
    });

    it('keeps 东城街道 of two regions two, and picks the one in the report’s region', () => {
      const hongze = body('东城街道办事处', '淮安市洪泽区');
      const other = body('东城街道办事处', '沭阳县');
      expect(findAgencyMatch({ name: '东城街道', region: '邢台市' }, [hongze, other])).toBeNull();
      expect(findAgencyMatch({ name: '洪泽区东城街道办事处', region: '淮安市洪泽区' }, [hongze, other])).toBe(hongze);
      expect(findAgencyMatch({ name: '东城街道', region: '沭阳县' }, [hongze, other])).toBe(other);
    });

    it('guesses nothing when a report without a region names bodies of two regions', () => {
      const hongze = body('东城街道', '淮安市洪泽区');
      const other = body('东城街道', '沭阳县');
      expect(findAgencyMatch({ name: '东城街道办事处', region: null }, [hongze, other])).toBeNull();
      expect(findAgencyMatch({ name: '东城街道办事处', region: null }, [hongze])).toBe(hongze);
    });
  });
});
