import { allCellKeys, checkReport } from '@nianbao/report-format';
import { parseReport } from '@nianbao/report-parser';
import { demoReportText } from './demo-report-text';
import { EMPTY_CARRY, demoValues } from './demo-values';

describe('demo reports', () => {
  it('keeps every consistency rule true across years and carries requests forward', () => {
    let carry = EMPTY_CARRY;
    for (let year = 0; year < 4; year += 1) {
      const previous = carry;
      const generated = demoValues(1000 + year, carry);
      const failures = checkReport({
        values: generated.values,
        tableFormats: { proactive: '2021', requests: '2021' },
      }).filter((f) => f.status === 'failed');
      expect(failures).toEqual([]);
      for (const [applicant, count] of Object.entries(previous.requests)) {
        expect(generated.values[`requests.carried_over.${applicant}`]).toBe(count);
      }
      expect(Object.keys(generated.values).every((key) => allCellKeys().includes(key))).toBe(true);
      carry = generated.carry;
    }
  });

  it('breaks table 三 on request, so that findings show', () => {
    const { values } = demoValues(7, EMPTY_CARRY, true);
    const rules = checkReport({ values, tableFormats: { proactive: '2021', requests: '2021' } })
      .filter((f) => f.status === 'failed')
      .map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['R3.balance.total', 'R3.total_handled.total']));
  });

  it('renders text the parser reads back to the same body, year and values', async () => {
    const { values } = demoValues(42, EMPTY_CARRY);
    const text = demoReportText({ region: '演示市', name: '东关镇', body: '东关镇人民政府', year: 2022, values });
    const parsed = await parseReport(new TextEncoder().encode(text), { fileName: 'demo.txt' });
    expect(parsed.year).toBe(2022);
    expect(parsed.agency).toBe('东关镇人民政府');
    expect(parsed.region).toBe('演示市');
    expect(parsed.values).toEqual(values);
    expect(parsed.findings.filter((f) => f.status === 'failed')).toEqual([]);
  });
});
