import { checkReport, requestCells, appealCells, proactiveCells, cellLabel } from './index';

function zeros(keys: readonly { key: string }[]): Record<string, number | null> {
  return Object.fromEntries(keys.map((c) => [c.key, 0]));
}

describe('format keys', () => {
  it('has 175 cells in table 三 of format 2021 and 161 in format 2019', () => {
    expect(requestCells('2021')).toHaveLength(175);
    expect(requestCells('2019')).toHaveLength(161);
  });

  it('has 10 cells in table 二 of format 2021, 22 in format 2019, and 15 in table 四', () => {
    expect(proactiveCells('2021')).toHaveLength(10);
    expect(proactiveCells('2019')).toHaveLength(22);
    expect(appealCells()).toHaveLength(15);
  });

  it('labels keys for people in both languages', () => {
    expect(cellLabel('proactive.licensing.decisions')).toBe('行政许可 · 本年处理决定数量');
    expect(cellLabel('appeals.review.corrected', 'en')).toBe('Administrative review · Corrected');
  });
});

describe('checkReport', () => {
  const complete = { ...zeros(proactiveCells('2021')), ...zeros(requestCells('2021')), ...zeros(appealCells()) };

  it('finds nothing in an all-zero report of format 2021', () => {
    const findings = checkReport({ values: complete, tableFormats: { proactive: '2021', requests: '2021' } });
    expect(findings).toEqual([]);
  });

  it('reports a table 四 total that is not the sum of its parts', () => {
    const values = { ...complete, 'appeals.review.upheld': 10, 'appeals.review.corrected': 1 };
    const findings = checkReport({ values, tableFormats: { proactive: '2021', requests: '2021' } });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'R4.total.review', status: 'failed', expected: 11, actual: 0 }),
    ]);
  });

  it('calls a rule with a blank operand not assessable, not passed', () => {
    const values = { ...complete, 'requests.granted.total': null, 'requests.granted.natural_person': 3 };
    const rules = checkReport({ values, tableFormats: { proactive: '2021', requests: '2021' } }).map(
      (f) => `${f.rule}:${f.status}`,
    );
    expect(rules).toContain('R3.row_total.granted:not_assessable');
    expect(rules).toContain('R3.total_handled.total:not_assessable');
    expect(rules).toContain('V.blank_cell:flagged');
  });

  it('flags missing tables and sections', () => {
    const findings = checkReport({ values: {}, tableFormats: {}, sections: ['overview'] });
    expect(findings.filter((f) => f.rule === 'V.missing_table')).toHaveLength(3);
    expect(findings.filter((f) => f.rule === 'V.missing_section')).toHaveLength(5);
  });

  it('allows a negative change in format 2019 but no other negative count', () => {
    const values = { 'proactive.licensing.change': -8, 'proactive.licensing.decisions': -1 };
    const finding = checkReport({ values, tableFormats: { proactive: '2019' } }).find(
      (f) => f.rule === 'V.non_negative',
    );
    expect(finding?.cells).toEqual(['proactive.licensing.decisions']);
  });
});
