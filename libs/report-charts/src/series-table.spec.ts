import type { SeriesResponse } from '@nianbao/api-contract';
import { seriesTableCsv } from './series-csv';
import { toSeriesTable } from './series-table';

const SERIES: SeriesResponse = {
  metric: 'proactive.penalty.decisions',
  label: '行政处罚 · 本年处理决定数量',
  years: [2021, 2022],
  rows: [
    { agencyId: 'a1', agency: '城关镇', region: '甲县', year: 2022, value: 5, kind: 'number', reportId: 'r1' },
    { agencyId: 'a2', agency: '城关镇', region: '乙县', year: 2021, value: null, kind: 'na', reportId: 'r2' },
    { agencyId: 'a3', agency: '=HYPERLINK("x")', region: '-1+2', year: 2021, value: 0, kind: 'number', reportId: 'r3' },
    { agencyId: 'a3', agency: '=HYPERLINK("x")', region: '-1+2', year: 2022, value: 3, kind: 'blank', reportId: 'r4' },
  ],
};

describe('toSeriesTable', () => {
  const table = toSeriesTable(SERIES);

  it('has one row per agency in response order and one cell per year', () => {
    expect(table.years).toEqual([2021, 2022]);
    expect(table.rows.map((r) => r.agencyId)).toEqual(['a1', 'a2', 'a3']);
    expect(table.rows.every((r) => r.cells.map((c) => c.year).join() === '2021,2022')).toBe(true);
  });

  it('fills an agency/year the response lacks as missing, never as 0', () => {
    expect(table.rows[0]?.cells[0]).toEqual({ year: 2021, value: null, kind: 'missing', reportId: null });
  });

  it('keeps a value only for kind number', () => {
    expect(table.rows[2]?.cells.map((c) => [c.kind, c.value])).toEqual([
      ['number', 0],
      ['blank', null],
    ]);
  });

  it('adds the region to names that two agencies share', () => {
    expect(table.rows.map((r) => r.label)).toEqual(['城关镇（甲县）', '城关镇（乙县）', '=HYPERLINK("x")']);
  });
});

describe('seriesTableCsv', () => {
  it('writes numbers as numbers, other kinds as their label, and neutralises formulas', () => {
    const csv = seriesTableCsv(toSeriesTable(SERIES), 'zh-CN');
    expect(csv.split('\r\n')).toEqual([
      '单位,地区,2021年,2022年',
      '城关镇,甲县,未提交,5',
      '城关镇,乙县,不适用,未提交',
      `"'=HYPERLINK(""x"")",'-1+2,0,空白`,
      '',
    ]);
  });

  it('uses English headers and labels for en', () => {
    const csv = seriesTableCsv(toSeriesTable(SERIES), 'en');
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['Agency,Region,2021,2022', '城关镇,甲县,no report,5']);
  });
});
