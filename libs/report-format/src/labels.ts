import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  PROACTIVE_2019,
  PROACTIVE_2021,
  REQUEST_COLUMNS,
  REQUEST_ROWS_2019,
  REQUEST_ROWS_2021,
  type ColumnDef,
  type RowDef,
} from './table-layouts';

export type Locale = 'zh-CN' | 'en';

interface LabelPair {
  row: RowDef;
  column: ColumnDef;
}

function indexLabels(): Map<string, LabelPair> {
  const index = new Map<string, LabelPair>();
  for (const band of [...PROACTIVE_2021, ...PROACTIVE_2019]) {
    for (const row of band.rows) {
      for (const column of band.columns) {
        const key = `proactive.${row.key}.${column.key}`;
        if (!index.has(key)) index.set(key, { row, column });
      }
    }
  }
  for (const row of [...REQUEST_ROWS_2021, ...REQUEST_ROWS_2019]) {
    for (const column of REQUEST_COLUMNS) index.set(`requests.${row.key}.${column.key}`, { row, column });
  }
  for (const row of APPEAL_GROUPS) {
    for (const column of APPEAL_COLUMNS) index.set(`appeals.${row.key}.${column.key}`, { row, column });
  }
  return index;
}

const LABELS = indexLabels();

function shortRowLabel(label: string): string {
  return label.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七]）|^\d+\./, '').replace(/（.*）$/, '');
}

/** A person-readable name of a canonical key, e.g. `行政许可 · 本年处理决定数量`; the key itself when unknown. */
export function cellLabel(key: string, locale: Locale = 'zh-CN'): string {
  const pair = LABELS.get(key);
  if (!pair) return key;
  if (locale === 'en') return `${pair.row.labelEn} · ${pair.column.labelEn}`;
  const row = pair.row.label.split(' ').map(shortRowLabel).join(' ');
  return `${row} · ${pair.column.label}`;
}
