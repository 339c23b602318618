import { declarationFindings } from './declaration-findings';

const chaiguan = { name: '柴关乡', aliases: [], region: '沙河市' };

describe('declarationFindings', () => {
  it('finds nothing when the declaration agrees with the report or is absent', () => {
    expect(declarationFindings({ year: 2023, agency: chaiguan }, { year: 2023, agency: '柴关乡人民政府' })).toEqual([]);
    expect(declarationFindings({ year: null, agency: null }, { year: 2023, agency: '柴关乡人民政府' })).toEqual([]);
    expect(declarationFindings({ year: 2023, agency: chaiguan }, { year: null, agency: null })).toEqual([]);
  });

  it('flags a declared year the report contradicts', () => {
    expect(declarationFindings({ year: 2022, agency: null }, { year: 2023, agency: null })).toEqual([
      expect.objectContaining({ rule: 'X.year', severity: 'error', expected: 2022, actual: 2023 }),
    ]);
  });

  it('flags a declared body the report does not name', () => {
    const [finding] = declarationFindings({ year: null, agency: chaiguan }, { year: null, agency: '新城镇人民政府' });
    expect(finding).toEqual(expect.objectContaining({ rule: 'X.agency', status: 'failed' }));
    expect(finding.message).toContain('新城镇人民政府');
  });
});
