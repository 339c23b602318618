import type { SeriesResponse, SeriesRow } from '@nianbao/api-contract';
import * as echarts from 'echarts';
import type { CallbackDataParams } from 'echarts/types/dist/shared';
import { buildSeriesBarOption } from './series-bar-option';

const XSS = '<img src=1 onerror=alert(1)>';

function row(agencyId: string, agency: string, year: number, value: number | null, kind: SeriesRow['kind']) {
  const reportId = kind === 'missing' ? null : `r-${agencyId}-${year}`;
  const result: SeriesRow = { agencyId, agency, region: '示例区', year, value, kind, reportId };
  return result;
}

const LICENSING: SeriesResponse = {
  metric: 'proactive.licensing.decisions',
  label: '行政许可 · 本年处理决定数量',
  years: [2023, 2022],
  rows: [
    row('a1', '东城镇', 2022, 120, 'number'),
    row('a1', '东城镇', 2023, 0, 'number'),
    row('a2', XSS, 2022, null, 'blank'),
    row('a2', XSS, 2023, 7, 'number'),
    row('a3', '西湖街道', 2022, null, 'na'),
    row('a3', '西湖街道', 2023, null, 'missing'),
    row('a4', '南山乡', 2022, null, 'text'),
  ],
};

type Formatter = (params: Partial<CallbackDataParams>[]) => string;

function tooltipOf(option: ReturnType<typeof buildSeriesBarOption>, dataIndex: number): string {
  const tooltip = option.tooltip;
  if (!tooltip || Array.isArray(tooltip) || typeof tooltip.formatter !== 'function') throw new Error('no formatter');
  const formatter = tooltip.formatter as unknown as Formatter;
  return formatter([
    { dataIndex, seriesIndex: 0, marker: '<span class="m0"></span>' },
    { dataIndex, seriesIndex: 1, marker: '<span class="m1"></span>' },
  ]);
}

function seriesList(option: ReturnType<typeof buildSeriesBarOption>) {
  return Array.isArray(option.series) ? option.series : [];
}

function datasetSource(option: ReturnType<typeof buildSeriesBarOption>): Record<string, unknown>[] {
  const dataset = Array.isArray(option.dataset) ? option.dataset[0] : option.dataset;
  return (dataset?.source ?? []) as Record<string, unknown>[];
}

describe('buildSeriesBarOption', () => {
  const zh = buildSeriesBarOption(LICENSING, { locale: 'zh-CN' });
  const en = buildSeriesBarOption(LICENSING, { locale: 'en', title: 'Licensing decisions' });

  it('feeds the data through one dataset: an agency dimension and a value dimension per sorted year', () => {
    const dataset = Array.isArray(zh.dataset) ? zh.dataset[0] : zh.dataset;
    expect(dataset?.dimensions).toEqual([
      { name: 'agency', type: 'ordinal' },
      { name: 'value.2022', type: 'number' },
      { name: 'value.2023', type: 'number' },
    ]);
    expect(datasetSource(zh).map((r) => r.agency)).toEqual(['东城镇', XSS, '西湖街道', '南山乡']);
  });

  it('draws one bar series per year, mapped by encode, with agencies on the category axis', () => {
    const series = seriesList(zh);
    expect(series).toHaveLength(2);
    expect(series.map((s) => [s.type, s.name, s.encode])).toEqual([
      ['bar', '2022年', { x: 'agency', y: 'value.2022', tooltip: ['value.2022'] }],
      ['bar', '2023年', { x: 'agency', y: 'value.2023', tooltip: ['value.2023'] }],
    ]);
    expect(zh.xAxis).toMatchObject({ type: 'category' });
    expect(zh.yAxis).toMatchObject({ type: 'value' });
  });

  it('puts the agencies down the vertical axis, first on top, in the bars layout', () => {
    const bars = buildSeriesBarOption(LICENSING, { locale: 'zh-CN', layout: 'bars' });
    expect(bars.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(bars.xAxis).toMatchObject({ type: 'value' });
    expect(seriesList(bars).map((s) => s.encode)).toEqual([
      { y: 'agency', x: 'value.2022', tooltip: ['value.2022'] },
      { y: 'agency', x: 'value.2023', tooltip: ['value.2023'] },
    ]);
  });

  it('turns on aria with decal patterns', () => {
    expect(zh.aria).toMatchObject({ enabled: true, decal: { show: true } });
  });

  it('describes the data for screen readers with labels for gaps, never NaN or the category index', () => {
    const description = (zh.aria as { label: { description: string } }).label.description;
    expect(description).toContain('柱状图，行政许可 · 本年处理决定数量，4 个单位。');
    expect(description).toContain('东城镇：2022年 120，2023年 0');
    expect(description).toContain('西湖街道：2022年 不适用，2023年 未提交');
    expect(description).not.toContain('NaN');
    const english = (en.aria as { label: { description: string } }).label.description;
    expect(english).toContain('Bar chart, Licensing decisions, 4 agencies.');
    expect(english).toContain('南山乡: 2022 text, 2023 no report');
  });

  it('keeps blank, not-applicable, text and missing values null and a real 0 as 0', () => {
    expect(datasetSource(zh)).toEqual([
      { agency: '东城镇', 'value.2022': 120, 'value.2023': 0 },
      { agency: XSS, 'value.2022': null, 'value.2023': 7 },
      { agency: '西湖街道', 'value.2022': null, 'value.2023': null },
      { agency: '南山乡', 'value.2022': null, 'value.2023': null },
    ]);
  });

  it('escapes an agency name in the tooltip', () => {
    const html = tooltipOf(zh, 1);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=1 onerror=alert(1)&gt;');
  });

  it('escapes the region in the tooltip as well', () => {
    const hostile = { ...row('a9', '北镇', 2023, 1, 'number'), region: '"><script>x()</script>' };
    const series: SeriesResponse = { ...LICENSING, rows: [hostile] };
    const html = tooltipOf(buildSeriesBarOption(series, { locale: 'zh-CN' }), 0);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;x()&lt;/script&gt;');
  });

  it('tells missing, not applicable and blank apart from zero in the tooltip', () => {
    expect(tooltipOf(zh, 0)).toContain('2023年：<b>0</b>');
    expect(tooltipOf(zh, 0)).toContain('2022年：<b>120</b>');
    expect(tooltipOf(zh, 2)).toContain('2023年：<i>未提交</i>');
    expect(tooltipOf(zh, 2)).toContain('2022年：<i>不适用</i>');
    expect(tooltipOf(zh, 1)).toContain('2022年：<i>空白</i>');
    expect(tooltipOf(zh, 3)).toContain('2022年：<i>文字</i>');
    expect(tooltipOf(zh, 3)).toContain('2023年：<i>未提交</i>');
  });

  it('labels years and kinds in English when asked', () => {
    expect(seriesList(en).map((s) => s.name)).toEqual(['2022', '2023']);
    expect(tooltipOf(en, 2)).toContain('2023：<i>no report</i>');
    expect(tooltipOf(en, 2)).toContain('2022：<i>n/a</i>');
    expect(tooltipOf(en, 0)).toContain('2022：<b>120</b>');
    expect(en.title).toMatchObject({ text: 'Licensing decisions' });
    expect(zh.title).toMatchObject({ text: '行政许可 · 本年处理决定数量' });
    const untitled = buildSeriesBarOption(LICENSING, { locale: 'en' });
    expect(untitled.title).toMatchObject({ text: 'Administrative licensing · Decisions this year' });
    const unknownMetric = buildSeriesBarOption({ ...LICENSING, metric: 'derived.rate' }, { locale: 'en' });
    expect(unknownMetric.title).toMatchObject({ text: '行政许可 · 本年处理决定数量' });
    expect(buildSeriesBarOption(LICENSING, { locale: 'zh-CN', title: '' }).title).toBeUndefined();
  });

  it('keeps the series markers ECharts passes in, one per year', () => {
    expect(tooltipOf(zh, 0)).toContain('<span class="m0"></span>2022年');
    expect(tooltipOf(zh, 0)).toContain('<span class="m1"></span>2023年');
  });

  it('renders with ECharts on the server into SVG, the names as escaped text and the bars in the year shades', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 420, locale: 'ZH' });
    try {
      chart.setOption(zh);
      const svg = chart.renderToSVGString();
      expect(svg).toContain('东城镇');
      expect(svg).toContain('>&lt;img src=1 one');
      expect(svg).not.toContain('<img');
      expect(svg.match(/<path d="M[^"]*"[^>]*fill="#9ecae1"/g)?.length ?? 0).toBeGreaterThan(0);
    } finally {
      chart.dispose();
    }
  });
});
