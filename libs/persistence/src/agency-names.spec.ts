import { agencyNameCore, agencyNameMatches, inferAgencyKind, inferRegionLevel } from './agency-names';

describe('agency names', () => {
  it.each([
    ['柴关乡人民政府', '柴关乡'],
    [' 柴关乡 ', '柴关乡'],
    ['桥东街道办事处', '桥东街道'],
    ['桥东办事处', '桥东街道'],
    ['沙河市人民政府办公室', '沙河市'],
  ])('reduces %s to %s', (name, core) => {
    expect(agencyNameCore(name)).toBe(core);
  });

  it('drops a leading region name', () => {
    expect(agencyNameCore('沙河市柴关乡人民政府', '沙河市')).toBe('柴关乡');
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
});
