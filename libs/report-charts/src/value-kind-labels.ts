import type { SeriesValueKind } from '@nianbao/api-contract';
import type { Locale } from '@nianbao/report-format';

export type NonNumberKind = Exclude<SeriesValueKind, 'number'>;

export interface KindLabel {
  /** Shown in place of the number, e.g. in a table cell or a tooltip. */
  short: string;
  /** Says what it means, e.g. as a cell's title. */
  explanation: string;
}

/** How a value that is not a number is shown: never as 0, never as an empty string. */
export const VALUE_KIND_LABELS: Readonly<Record<Locale, Readonly<Record<NonNumberKind, KindLabel>>>> = {
  'zh-CN': {
    blank: { short: '空白', explanation: '报告中此格为空白，未填写数字' },
    na: { short: '不适用', explanation: '报告中此格标为不适用（如“/”“—”）' },
    text: { short: '文字', explanation: '报告中此格填的是文字，不是数字' },
    unread: { short: '未读出', explanation: '年报中没有读出这一格：表格或行缺失，或数字无法确定（见该年报的核对结果）' },
    missing: { short: '未提交', explanation: '该单位这一年度没有年报' },
  },
  en: {
    blank: { short: 'blank', explanation: 'The cell is blank in the report' },
    na: { short: 'n/a', explanation: 'The report marks this cell not applicable (e.g. “/” or “—”)' },
    text: { short: 'text', explanation: 'The report has text in this cell, not a number' },
    unread: {
      short: 'not read',
      explanation: 'The report has no readable value here: the table or row is missing, or the cell was undecidable (see its findings)',
    },
    missing: { short: 'no report', explanation: 'No report from this agency for that year' },
  },
};

export function kindLabel(kind: NonNumberKind, locale: Locale): KindLabel {
  return VALUE_KIND_LABELS[locale][kind];
}

/** The name of a year in a legend or a table header: `2023年` in Chinese, `2023` in English. */
export function yearLabel(year: number, locale: Locale): string {
  return locale === 'zh-CN' ? `${year}年` : String(year);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
