/**
 * The two national formats as data: every table row and column with its canonical key, printed label and the
 * label variants seen in real reports. Keys follow spec/annual-report-format.md and never change meaning.
 */

export type FormatVersion = '2019' | '2021';

/** Which layout a report (or one of its tables) was found in. `mixed` only describes a whole report. */
export type ReportFormat = FormatVersion | 'mixed' | 'unknown';

export type ValueType = 'count' | 'signed_count' | 'amount';

export interface ColumnDef {
  key: string;
  label: string;
  labelEn: string;
  /** Other printed forms of the header (before normalisation removes spaces and converts to Simplified). */
  aliases: readonly string[];
}

export interface RowDef {
  key: string;
  label: string;
  labelEn: string;
  aliases: readonly string[];
}

export interface CellDef {
  key: string;
  row: string;
  column: string;
  valueType: ValueType;
}

/** A band of table 二: one 第二十条 item, its column headers and its rows. */
export interface ProactiveBand {
  item: string;
  columns: readonly ColumnDef[];
  rows: readonly RowDef[];
  /** Cells this band defines: rows × columns, minus the cells the format leaves out. */
  cells: readonly CellDef[];
}

function column(key: string, label: string, labelEn: string, aliases: readonly string[] = []): ColumnDef {
  return { key, label, labelEn, aliases };
}

function row(key: string, label: string, labelEn: string, aliases: readonly string[] = []): RowDef {
  return { key, label, labelEn, aliases };
}

function band(
  item: string,
  columns: readonly ColumnDef[],
  rows: readonly RowDef[],
  valueTypeOf: (rowKey: string, columnKey: string) => ValueType = () => 'count',
): ProactiveBand {
  const cells = rows.flatMap((r) =>
    columns.map((c) => ({
      key: `proactive.${r.key}.${c.key}`,
      row: r.key,
      column: c.key,
      valueType: valueTypeOf(r.key, c.key),
    })),
  );
  return { item, columns, rows, cells };
}

// ---------------------------------------------------------------- table 二, format 2021

const RULES_2021 = row('rules', '规章', 'Rules');
const NORMATIVE_2021 = row('normative_docs', '行政规范性文件', 'Normative documents', ['规范性文件']);

export const PROACTIVE_2021: readonly ProactiveBand[] = [
  band(
    '第二十条第（一）项',
    [
      column('issued', '本年制发件数', 'Issued this year', ['本年制发', '本年新制发件数']),
      column('repealed', '本年废止件数', 'Repealed this year', ['本年废止']),
      column('in_force', '现行有效件数', 'In force', ['现行有效']),
    ],
    [RULES_2021, NORMATIVE_2021],
  ),
  band(
    '第二十条第（五）项',
    [column('decisions', '本年处理决定数量', 'Decisions this year', ['处理决定数量'])],
    [row('licensing', '行政许可', 'Administrative licensing')],
  ),
  band(
    '第二十条第（六）项',
    [column('decisions', '本年处理决定数量', 'Decisions this year', ['处理决定数量'])],
    [
      row('penalty', '行政处罚', 'Administrative penalties'),
      row('enforcement', '行政强制', 'Administrative enforcement'),
    ],
  ),
  band(
    '第二十条第（八）项',
    [column('amount', '本年收费金额（单位：万元）', 'Fees charged (10,000 yuan)', ['本年收费金额'])],
    [row('fees', '行政事业性收费', 'Administrative fees', ['行政事业型收费'])],
    () => 'amount',
  ),
];

// ---------------------------------------------------------------- table 二, format 2019

const PREV_ITEMS = column('prev_items', '上一年项目数量', 'Items last year');
const CHANGE = column('change', '本年增/减', 'Change this year', [
  '本年增减',
  '本年增\\减',
  '本年增、减',
  '本年增/',
  '本年增',
]);
const DECISIONS_2019 = column('decisions', '处理决定数量', 'Decisions', ['本年处理决定数量']);

export const PROACTIVE_2019: readonly ProactiveBand[] = [
  band(
    '第二十条第（一）项',
    [
      column('new_made', '本年新制作数量', 'Newly made this year'),
      column('new_published', '本年新公开数量', 'Newly published this year'),
      column('total_published', '对外公开总数量', 'Total published'),
    ],
    [row('rules', '规章', 'Rules'), row('normative_docs', '规范性文件', 'Normative documents', ['行政规范性文件'])],
  ),
  band(
    '第二十条第（五）项',
    [PREV_ITEMS, CHANGE, DECISIONS_2019],
    [
      row('licensing', '行政许可', 'Administrative licensing'),
      row('other_services', '其他对外管理服务事项', 'Other external management services'),
    ],
    (_r, c) => (c === 'change' ? 'signed_count' : 'count'),
  ),
  band(
    '第二十条第（六）项',
    [PREV_ITEMS, CHANGE, DECISIONS_2019],
    [
      row('penalty', '行政处罚', 'Administrative penalties'),
      row('enforcement', '行政强制', 'Administrative enforcement'),
    ],
    (_r, c) => (c === 'change' ? 'signed_count' : 'count'),
  ),
  band(
    '第二十条第（八）项',
    [PREV_ITEMS, CHANGE],
    [row('fees', '行政事业性收费', 'Administrative fees', ['行政事业型收费'])],
    (_r, c) => (c === 'change' ? 'signed_count' : 'count'),
  ),
  band(
    '第二十条第（九）项',
    [
      column('items', '采购项目数量', 'Procurement items'),
      column('amount', '采购总金额', 'Procurement amount'),
    ],
    [row('procurement', '政府集中采购', 'Centralised government procurement')],
    (_r, c) => (c === 'amount' ? 'amount' : 'count'),
  ),
];

// ---------------------------------------------------------------- table 三

export const REQUEST_COLUMNS: readonly ColumnDef[] = [
  column('natural_person', '自然人', 'Natural persons'),
  column('commercial', '商业企业', 'Commercial enterprises'),
  column('research', '科研机构', 'Research institutions'),
  column('social_welfare', '社会公益组织', 'Public-interest organisations'),
  column('legal_service', '法律服务机构', 'Legal service organisations'),
  column('other_org', '其他', 'Other organisations'),
  column('total', '总计', 'Total'),
];

/** Outcome rows shared by both formats, in printed order, before （六）其他处理. */
const REQUEST_OUTCOMES_COMMON: readonly RowDef[] = [
  row('granted', '（一）予以公开', 'Granted'),
  row('partially_granted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partially granted'),
  row('denied.state_secret', '（三）不予公开 1.属于国家秘密', 'Denied: state secret'),
  row('denied.law_prohibited', '2.其他法律行政法规禁止公开', 'Denied: prohibited by other laws', [
    '其他法律行政止公开',
    '其他法律法规禁止公开',
  ]),
  row('denied.security_stability', '3.危及“三安全一稳定”', 'Denied: endangers security or stability', [
    '危及三安全一稳定',
  ]),
  row('denied.third_party', '4.保护第三方合法权益', 'Denied: third-party rights'),
  row('denied.internal_affairs', '5.属于三类内部事务信息', 'Denied: internal affairs'),
  row('denied.process_info', '6.属于四类过程性信息', 'Denied: process information'),
  row('denied.enforcement_file', '7.属于行政执法案卷', 'Denied: enforcement files'),
  row('denied.admin_query', '8.属于行政查询事项', 'Denied: administrative query'),
  row('unable.not_held', '（四）无法提供 1.本机关不掌握相关政府信息', 'Unable: not held'),
  row('unable.needs_creation', '2.没有现成信息需要另行制作', 'Unable: would need creating'),
  row('unable.unclear', '3.补正后申请内容仍不明确', 'Unable: still unclear after correction'),
  row('not_processed.petition', '（五）不予处理 1.信访举报投诉类申请', 'Not processed: petitions and complaints'),
  row('not_processed.duplicate', '2.重复申请', 'Not processed: duplicate'),
  row('not_processed.publication', '3.要求提供公开出版物', 'Not processed: publications'),
  row('not_processed.excessive', '4.无正当理由大量反复申请', 'Not processed: excessive'),
  row('not_processed.confirmation', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: confirmation'),
];

const REQUEST_HEAD: readonly RowDef[] = [
  row('new_received', '一、本年新收政府信息公开申请数量', 'New requests this year'),
  row('carried_over', '二、上年结转政府信息公开申请数量', 'Carried over from last year', ['上年转结']),
];

const REQUEST_TAIL: readonly RowDef[] = [
  row('total_handled', '（七）总计', 'Total handled'),
  row('carried_forward', '四、结转下年度继续办理', 'Carried forward to next year'),
];

export const REQUEST_ROWS_2021: readonly RowDef[] = [
  ...REQUEST_HEAD,
  ...REQUEST_OUTCOMES_COMMON,
  row(
    'other_handling.no_correction',
    '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    'Other: no correction in time',
  ),
  row(
    'other_handling.unpaid_fee',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    'Other: fee unpaid',
  ),
  row('other_handling.other', '3.其他', 'Other: other'),
  ...REQUEST_TAIL,
];

export const REQUEST_ROWS_2019: readonly RowDef[] = [
  ...REQUEST_HEAD,
  ...REQUEST_OUTCOMES_COMMON,
  row('other_handling', '（六）其他处理', 'Other handling'),
  ...REQUEST_TAIL,
];

/** Rows whose sum is `total_handled` (rule R3.total_handled). */
export function requestOutcomeRows(version: FormatVersion): readonly RowDef[] {
  const rows = version === '2021' ? REQUEST_ROWS_2021 : REQUEST_ROWS_2019;
  return rows.filter((r) => !['new_received', 'carried_over', 'total_handled', 'carried_forward'].includes(r.key));
}

export function requestRows(version: FormatVersion): readonly RowDef[] {
  return version === '2021' ? REQUEST_ROWS_2021 : REQUEST_ROWS_2019;
}

// ---------------------------------------------------------------- table 四

export const APPEAL_GROUPS: readonly RowDef[] = [
  row('review', '行政复议', 'Administrative review'),
  row('litigation_direct', '行政诉讼 未经复议直接起诉', 'Litigation without prior review'),
  row('litigation_after_review', '行政诉讼 复议后起诉', 'Litigation after review'),
];

export const APPEAL_COLUMNS: readonly ColumnDef[] = [
  column('upheld', '结果维持', 'Upheld'),
  column('corrected', '结果纠正', 'Corrected'),
  column('other', '其他结果', 'Other outcome'),
  column('pending', '尚未审结', 'Pending'),
  column('total', '总计', 'Total'),
];

// ---------------------------------------------------------------- all keys

export function proactiveBands(version: FormatVersion): readonly ProactiveBand[] {
  return version === '2021' ? PROACTIVE_2021 : PROACTIVE_2019;
}

export function proactiveCells(version: FormatVersion): readonly CellDef[] {
  return proactiveBands(version).flatMap((b) => b.cells);
}

export function requestCells(version: FormatVersion): readonly CellDef[] {
  return requestRows(version).flatMap((r) =>
    REQUEST_COLUMNS.map((c) => ({
      key: `requests.${r.key}.${c.key}`,
      row: r.key,
      column: c.key,
      valueType: 'count' as const,
    })),
  );
}

export function appealCells(): readonly CellDef[] {
  return APPEAL_GROUPS.flatMap((g) =>
    APPEAL_COLUMNS.map((c) => ({
      key: `appeals.${g.key}.${c.key}`,
      row: g.key,
      column: c.key,
      valueType: 'count' as const,
    })),
  );
}

const CELL_INDEX: ReadonlyMap<string, CellDef> = new Map(
  [
    ...proactiveCells('2021'),
    ...proactiveCells('2019'),
    ...requestCells('2021'),
    ...requestCells('2019'),
    ...appealCells(),
  ].map((c) => [c.key, c]),
);

/** The definition of a canonical cell key, or undefined when the key is not part of either format. */
export function cellDef(key: string): CellDef | undefined {
  return CELL_INDEX.get(key);
}

export function isKnownKey(key: string): boolean {
  return CELL_INDEX.has(key);
}

export function allCellKeys(): readonly string[] {
  return [...CELL_INDEX.keys()];
}
