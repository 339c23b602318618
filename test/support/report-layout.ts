import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  type FormatVersion,
  proactiveBands,
  REQUEST_COLUMNS,
  requestRows,
} from '@nianbao/report-format';

/**
 * The national tables as span layouts (HTML's model: each row lists only the cells that start in it), filled from a
 * canonical report. Every file builder in report-files.ts renders these same layouts, so .docx, .html and .xlsx of
 * one report carry the same grid.
 */

export interface CanonicalReport {
  title: string;
  paragraphs: string[];
  values: Record<string, number | null>;
  formats: { proactive: FormatVersion; requests: FormatVersion };
}

export interface LayoutCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export type TableLayout = LayoutCell[][];

export interface ReportTable {
  section: 'proactive' | 'requests' | 'appeals';
  heading: string;
  layout: TableLayout;
}

function valueText(values: Record<string, number | null>, key: string): string {
  const value = values[key];
  return value === null || value === undefined ? '' : String(value);
}

const PROACTIVE_WIDTH = 3;

function proactiveLayout(report: CanonicalReport): TableLayout {
  const rows: TableLayout = [];
  for (const band of proactiveBands(report.formats.proactive)) {
    rows.push([{ text: band.item, colSpan: PROACTIVE_WIDTH + 1 }]);
    const spans = band.columns.length === 1 ? [3] : band.columns.length === 2 ? [1, 2] : [1, 1, 1];
    rows.push([{ text: '信息内容' }, ...band.columns.map((c, i) => ({ text: c.label, colSpan: spans[i] }))]);
    for (const row of band.rows) {
      rows.push([
        { text: row.label },
        ...band.columns.map((c, i) => ({
          text: valueText(report.values, `proactive.${row.key}.${c.key}`),
          colSpan: spans[i],
        })),
      ]);
    }
  }
  return rows;
}

const OUTCOME_GROUPS = ['denied', 'unable', 'not_processed', 'other_handling'];

function requestsLayout(report: CanonicalReport): TableLayout {
  const values = (rowKey: string): LayoutCell[] =>
    REQUEST_COLUMNS.map((c) => ({ text: valueText(report.values, `requests.${rowKey}.${c.key}`) }));
  const rows: TableLayout = [
    [
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colSpan: 3, rowSpan: 3 },
      { text: '申请人情况', colSpan: 7 },
    ],
    [{ text: '自然人', rowSpan: 2 }, { text: '法人或其他组织', colSpan: 5 }, { text: '总计', rowSpan: 2 }],
    REQUEST_COLUMNS.slice(1, 6).map((c) => ({ text: c.label })),
  ];
  const all = requestRows(report.formats.requests);
  const outcomes = all.filter((r) => !['new_received', 'carried_over', 'carried_forward'].includes(r.key));
  for (const row of all.filter((r) => r.key === 'new_received' || r.key === 'carried_over')) {
    rows.push([{ text: row.label, colSpan: 3 }, ...values(row.key)]);
  }
  outcomes.forEach((row, index) => {
    const cells: LayoutCell[] = [];
    if (index === 0) cells.push({ text: '三、本年度办理结果', rowSpan: outcomes.length });
    const group = row.key.includes('.') ? row.key.split('.')[0] : null;
    if (group && OUTCOME_GROUPS.includes(group)) {
      const members = outcomes.filter((r) => r.key.startsWith(`${group}.`));
      const [groupLabel, itemLabel] = row.label.split(' ');
      if (members[0].key === row.key) {
        cells.push({ text: groupLabel, rowSpan: members.length }, { text: itemLabel });
      } else {
        cells.push({ text: row.label });
      }
    } else {
      cells.push({ text: row.label, colSpan: 2 });
    }
    rows.push([...cells, ...values(row.key)]);
  });
  const forward = all.find((r) => r.key === 'carried_forward');
  if (forward) rows.push([{ text: forward.label, colSpan: 3 }, ...values(forward.key)]);
  return rows;
}

function appealsLayout(report: CanonicalReport): TableLayout {
  const columnHeads = (rowSpan?: number): LayoutCell[] => APPEAL_COLUMNS.map((c) => ({ text: c.label, rowSpan }));
  return [
    [
      { text: '行政复议', colSpan: 5 },
      { text: '行政诉讼', colSpan: 10 },
    ],
    [...columnHeads(2), { text: '未经复议直接起诉', colSpan: 5 }, { text: '复议后起诉', colSpan: 5 }],
    [...columnHeads(), ...columnHeads()],
    APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => ({ text: valueText(report.values, `appeals.${g.key}.${c.key}`) }))),
  ];
}

export function reportTables(report: CanonicalReport): ReportTable[] {
  return [
    { section: 'proactive', heading: '二、主动公开政府信息情况', layout: proactiveLayout(report) },
    { section: 'requests', heading: '三、收到和处理政府信息公开申请情况', layout: requestsLayout(report) },
    { section: 'appeals', heading: '四、政府信息公开行政复议、行政诉讼情况', layout: appealsLayout(report) },
  ];
}

const HEADING_PATTERNS: Record<ReportTable['section'], RegExp> = {
  proactive: /^二[、.．]\s*主动公开/,
  requests: /^三[、.．]\s*(收到和处理|依申请)/,
  appeals: /^四[、.．].*(行政复议|行政诉讼)/,
};

export type ReportBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; table: ReportTable };

/**
 * The report in reading order: the title, the paragraphs, and each table right after its section heading (a heading
 * is added at the end when the paragraphs have none).
 */
export function reportBlocks(report: CanonicalReport): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: report.title }];
  const tables = reportTables(report);
  const placed = new Set<ReportTable['section']>();
  for (const text of report.paragraphs) {
    blocks.push({ kind: 'paragraph', text });
    const table = tables.find((t) => !placed.has(t.section) && HEADING_PATTERNS[t.section].test(text.trim()));
    if (table) {
      blocks.push({ kind: 'table', table });
      placed.add(table.section);
    }
  }
  for (const table of tables.filter((t) => !placed.has(t.section))) {
    blocks.push({ kind: 'paragraph', text: table.heading }, { kind: 'table', table });
  }
  return blocks;
}
