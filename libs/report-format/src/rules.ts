import type { Finding } from './finding';
import type { TableFormats } from './parsed-report';
import { SECTIONS, type SectionKey } from './sections';
import {
  APPEAL_COLUMNS,
  APPEAL_GROUPS,
  REQUEST_COLUMNS,
  cellDef,
  requestOutcomeRows,
  requestRows,
  type FormatVersion,
} from './table-layouts';

/** A consistency rule of the form sum(left) = sum(right), over canonical keys. */
export interface Equation {
  rule: string;
  left: readonly string[];
  right: readonly string[];
  /** Chinese description of the relation, for messages. */
  description: string;
}

const APPLICANT_COLUMNS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');

/** Table 三's rules (R3.*) for the given row layout. */
export function requestEquations(version: FormatVersion): Equation[] {
  const equations: Equation[] = [];
  const outcomes = requestOutcomeRows(version);
  for (const col of REQUEST_COLUMNS) {
    const key = (rowKey: string) => `requests.${rowKey}.${col.key}`;
    equations.push({
      rule: `R3.balance.${col.key}`,
      left: [key('new_received'), key('carried_over')],
      right: [key('total_handled'), key('carried_forward')],
      description: `表三「${col.label}」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
    });
    equations.push({
      rule: `R3.total_handled.${col.key}`,
      left: [key('total_handled')],
      right: outcomes.map((r) => key(r.key)),
      description: `表三「${col.label}」列：（七）总计 = 各项办理结果之和`,
    });
  }
  for (const row of requestRows(version)) {
    equations.push({
      rule: `R3.row_total.${row.key}`,
      left: [`requests.${row.key}.total`],
      right: APPLICANT_COLUMNS.map((c) => `requests.${row.key}.${c.key}`),
      description: `表三「${row.label}」行：总计 = 自然人与各类法人或其他组织之和`,
    });
  }
  return equations;
}

/** Table 四's rules (R4.*). */
export function appealEquations(): Equation[] {
  return APPEAL_GROUPS.map((group) => ({
    rule: `R4.total.${group.key}`,
    left: [`appeals.${group.key}.total`],
    right: APPEAL_COLUMNS.filter((c) => c.key !== 'total').map((c) => `appeals.${group.key}.${c.key}`),
    description: `表四「${group.label}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
  }));
}

export type EquationOutcome =
  | { status: 'holds' }
  | { status: 'failed'; expected: number; actual: number }
  | { status: 'not_assessable'; blank: string[] }
  | { status: 'absent' };

function sum(keys: readonly string[], values: Readonly<Record<string, number | null>>): number {
  return keys.reduce((acc, k) => acc + (values[k] ?? 0), 0);
}

/**
 * Evaluates one equation. A key missing from `values` altogether (its row is not in the document) or holding null
 * (blank, n/a, text) makes the rule not assessable; when no operand has a number at all there is nothing to assess.
 */
export function evaluateEquation(
  equation: Equation,
  values: Readonly<Record<string, number | null>>,
): EquationOutcome {
  const operands = [...equation.left, ...equation.right];
  const blank = operands.filter((k) => values[k] === null || values[k] === undefined);
  if (blank.length === operands.length) return { status: 'absent' };
  if (blank.length > 0) return { status: 'not_assessable', blank };
  const expected = sum(equation.right, values);
  const actual = sum(equation.left, values);
  return Math.abs(expected - actual) < 1e-9 ? { status: 'holds' } : { status: 'failed', expected, actual };
}

/** Every consistency equation that applies to a report with these table layouts. */
export function consistencyEquations(formats: TableFormats, hasAppeals: boolean): Equation[] {
  return [...(formats.requests ? requestEquations(formats.requests) : []), ...(hasAppeals ? appealEquations() : [])];
}

function equationFindings(equations: readonly Equation[], values: Readonly<Record<string, number | null>>): Finding[] {
  const findings: Finding[] = [];
  for (const eq of equations) {
    const outcome = evaluateEquation(eq, values);
    const cells = [...eq.left, ...eq.right];
    if (outcome.status === 'failed') {
      findings.push({
        rule: eq.rule,
        severity: 'error',
        status: 'failed',
        cells,
        expected: outcome.expected,
        actual: outcome.actual,
        message: `${eq.description}；应为 ${formatNumber(outcome.expected)}，实际为 ${formatNumber(outcome.actual)}`,
      });
    } else if (outcome.status === 'not_assessable') {
      findings.push({
        rule: eq.rule,
        severity: 'warning',
        status: 'not_assessable',
        cells: outcome.blank,
        expected: null,
        actual: null,
        message: `${eq.description}；有 ${outcome.blank.length} 个单元格为空或非数字，无法核对`,
      });
    }
  }
  return findings;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

const TABLES = [
  { prefix: 'proactive.', name: '二、主动公开政府信息情况' },
  { prefix: 'requests.', name: '三、收到和处理政府信息公开申请情况' },
  { prefix: 'appeals.', name: '四、政府信息公开行政复议、行政诉讼情况' },
] as const;

export interface RuleInput {
  values: Readonly<Record<string, number | null>>;
  tableFormats: TableFormats;
  /** Sections found in the text; omit to skip V.missing_section (e.g. an excerpt of tables only). */
  sections?: readonly SectionKey[];
}

/** Runs the spec's table rules (R3, R4, V) over one report. Pure: the same input gives the same findings. */
export function checkReport(input: RuleInput): Finding[] {
  const { values } = input;
  const keys = Object.keys(values);
  const findings: Finding[] = [];

  for (const table of TABLES) {
    const tableKeys = keys.filter((k) => k.startsWith(table.prefix));
    if (tableKeys.length === 0) {
      findings.push({
        rule: 'V.missing_table',
        severity: 'error',
        status: 'flagged',
        cells: [],
        message: `未找到表格「${table.name}」`,
      });
      continue;
    }
    const notNumbers = tableKeys.filter((k) => values[k] === null);
    if (notNumbers.length > 0) {
      findings.push({
        rule: 'V.blank_cell',
        severity: 'warning',
        status: 'flagged',
        cells: notNumbers,
        message: `表格「${table.name}」有 ${notNumbers.length} 个单元格为空、不适用或不是数字`,
      });
    }
  }

  const negative = keys.filter((k) => {
    const v = values[k];
    return typeof v === 'number' && v < 0 && cellDef(k)?.valueType !== 'signed_count';
  });
  const fractional = keys.filter((k) => {
    const v = values[k];
    const type = cellDef(k)?.valueType;
    return typeof v === 'number' && type !== 'amount' && !Number.isInteger(v);
  });
  if (negative.length > 0 || fractional.length > 0) {
    findings.push({
      rule: 'V.non_negative',
      severity: 'error',
      status: 'failed',
      cells: [...negative, ...fractional],
      message: `${negative.length + fractional.length} 个数量不是非负整数（金额不得为负）`,
    });
  }

  const hasAppeals = keys.some((k) => k.startsWith('appeals.'));
  findings.push(...equationFindings(consistencyEquations(input.tableFormats, hasAppeals), values));

  if (input.sections) {
    const found = new Set(input.sections);
    for (const section of SECTIONS) {
      if (!found.has(section.key)) {
        findings.push({
          rule: 'V.missing_section',
          severity: 'warning',
          status: 'flagged',
          cells: [],
          message: `未找到第${section.numeral}部分「${section.heading}」`,
        });
      }
    }
  }
  return findings;
}
