import type { SeriesResponse } from '@nianbao/api-contract';
import { cellLabel, type Locale } from '@nianbao/report-format';
import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import type { ChartOption } from './chart-option';
import { escapeHtml } from './escape-html';
import { toSeriesTable, type SeriesTable, type SeriesTableCell, type SeriesTableRow } from './series-table';
import { formatCount, kindLabel, yearLabel } from './value-kind-labels';

/** `columns`: agencies along the horizontal axis; `bars`: agencies down the vertical axis (narrow, long lists). */
export type BarLayout = 'columns' | 'bars';

export interface SeriesBarOptions {
  locale: Locale;
  layout?: BarLayout;
  /**
   * The chart's own title. Left out: the metric's label in the chart's language (the API's label for a key the
   * format does not know). Empty: no title, e.g. when a page heading already names the chart.
   */
  title?: string;
}

/** Shades of one blue, light to dark: older years lighter, the latest year darkest. */
const YEAR_SHADES = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

const AGENCY_DIMENSION = 'agency';

/** Dimension name of a year's values; a plain year string would read as a dimension index. */
function valueDimension(year: number): string {
  return `value.${year}`;
}

function yearColours(count: number): string[] {
  if (count <= 1) return [YEAR_SHADES[YEAR_SHADES.length - 1] ?? '#08519c'];
  const last = YEAR_SHADES.length - 1;
  return Array.from({ length: count }, (_, i) => YEAR_SHADES[Math.round((i * last) / (count - 1))] ?? '#08519c');
}

/** Agencies named one by one in the aria description before it summarises the rest. */
const ARIA_MAX_AGENCIES = 30;

function cellText(cell: SeriesTableCell, locale: Locale): string {
  if (cell.kind === 'number' && cell.value !== null) return formatCount(cell.value, locale);
  return kindLabel(cell.kind === 'number' ? 'blank' : cell.kind, locale).short;
}

/**
 * What a screen reader says for the chart: the metric, then each agency with its value per year, non-numbers by
 * their label (ECharts' own description would read the category index and `NaN` for gaps).
 */
function ariaDescription(table: SeriesTable, label: string, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const rows = table.rows.slice(0, ARIA_MAX_AGENCIES).map((row) => {
    const values = row.cells.map((cell) => `${yearLabel(cell.year, locale)} ${cellText(cell, locale)}`);
    return zh ? `${row.label}：${values.join('，')}` : `${row.label}: ${values.join(', ')}`;
  });
  const rest = table.rows.length - rows.length;
  if (zh) {
    const more = rest > 0 ? `；另有 ${rest} 个单位未列出` : '';
    return `柱状图，${label}，${table.rows.length} 个单位。${rows.join('；')}${more}。`;
  }
  const more = rest > 0 ? `; ${rest} more agencies not listed` : '';
  return `Bar chart, ${label}, ${table.rows.length} agencies. ${rows.join('; ')}${more}.`;
}

function cellHtml(cell: SeriesTableCell, locale: Locale): string {
  if (cell.kind === 'number' && cell.value !== null) return `<b>${escapeHtml(cellText(cell, locale))}</b>`;
  const label = kindLabel(cell.kind === 'number' ? 'blank' : cell.kind, locale);
  return `<i>${escapeHtml(label.short)}</i> <span style="color:#6b7280">${escapeHtml(label.explanation)}</span>`;
}

function tooltipHtml(row: SeriesTableRow, markers: ReadonlyMap<number, string>, locale: Locale): string {
  const region = row.region ? ` <span style="color:#6b7280">${escapeHtml(row.region)}</span>` : '';
  const lines = row.cells.map((cell, index) => {
    const marker = markers.get(index) ?? '';
    return `${marker}${escapeHtml(yearLabel(cell.year, locale))}：${cellHtml(cell, locale)}`;
  });
  return [`<strong>${escapeHtml(row.agency)}</strong>${region}`, ...lines].join('<br/>');
}

interface TooltipItem {
  dataIndex: number;
  seriesIndex?: number;
  marker?: unknown;
}

function asList(params: TooltipComponentFormatterCallbackParams): readonly TooltipItem[] {
  return Array.isArray(params) ? params : [params];
}

/**
 * "Metric by agency and year" as grouped bars: agencies on the category axis, one bar series per year, data through
 * `dataset` + `encode`. A value that is not a number stays null (a gap, not a zero bar); the tooltip says why it is
 * missing. Every user-derived string in the tooltip is HTML-escaped.
 */
export function buildSeriesBarOption(series: SeriesResponse, options: SeriesBarOptions): ChartOption {
  const { locale } = options;
  const table = toSeriesTable(series);
  const source = table.rows.map((row) => {
    const record: Record<string, string | number | null> = { [AGENCY_DIMENSION]: row.label };
    row.cells.forEach((cell) => {
      record[valueDimension(cell.year)] = cell.kind === 'number' ? cell.value : null;
    });
    return record;
  });
  const translated = cellLabel(series.metric, locale);
  const metricLabel = translated === series.metric ? series.label : translated;
  const title = options.title ?? metricLabel;
  const horizontal = options.layout === 'bars';
  const categoryAxis = {
    type: 'category' as const,
    axisLabel: {
      interval: 0,
      rotate: !horizontal && table.rows.length > 6 ? 30 : 0,
      color: '#374151',
      width: 96,
      overflow: 'truncate' as const,
    },
    axisTick: { alignWithLabel: true },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#374151' } };

  return {
    aria: {
      enabled: true,
      decal: { show: true },
      label: { description: ariaDescription(table, title || metricLabel, locale) },
    },
    color: yearColours(table.years.length),
    title: title
      ? { text: title, left: 0, top: 0, textStyle: { fontSize: 15, fontWeight: 600, color: '#1f2937' } }
      : undefined,
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 8, top: title ? 48 : 32, bottom: 8, containLabel: true },
    dataset: {
      dimensions: [
        { name: AGENCY_DIMENSION, type: 'ordinal' },
        ...table.years.map((year) => ({ name: valueDimension(year), type: 'number' as const })),
      ],
      source,
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      renderMode: 'html',
      confine: true,
      formatter: (params: TooltipComponentFormatterCallbackParams) => {
        const list = asList(params);
        const first = list[0];
        const row = first ? table.rows[first.dataIndex] : undefined;
        if (!row) return '';
        const markers = new Map<number, string>();
        for (const item of list) {
          if (typeof item.marker === 'string' && item.seriesIndex !== undefined) {
            markers.set(item.seriesIndex, item.marker);
          }
        }
        return tooltipHtml(row, markers, locale);
      },
    },
    series: table.years.map((year) => ({
      type: 'bar',
      name: yearLabel(year, locale),
      datasetIndex: 0,
      encode: horizontal
        ? { y: AGENCY_DIMENSION, x: valueDimension(year), tooltip: [valueDimension(year)] }
        : { x: AGENCY_DIMENSION, y: valueDimension(year), tooltip: [valueDimension(year)] },
      barMaxWidth: 28,
    })),
  };
}
