import { SECTIONS, type Finding, type SectionKey } from '@nianbao/report-format';
import { compactText } from './document-text';

type Values = Readonly<Record<string, number | null>>;

/**
 * A statement the prose makes about a table figure. `patterns` capture the stated number in group 1; the table
 * figures it may rightly equal come from `accepted` (e.g. 受理 may or may not include the requests carried over).
 */
interface Statement {
  cells: readonly string[];
  subject: string;
  patterns: readonly RegExp[];
  accepted: (values: Values) => number[] | null;
}

/** Gap inside one clause: never crosses a comma, a sentence end (。；), a line or another number. */
const GAP = (max: number): string => `[^。；;\\n\\d，,、]{0,${max}}?`;
const AMOUNT = '(?:共计|共|总计|合计|为|是|达)?(\\d+)(?:件|个)';
/** `行政复议和行政诉讼…N件` counts both together: it is no statement about either. */
const NOT_AFTER_REVIEW = '(?<!复议[和、及与])(?<!复议)';
const APPLICATION = '(?:政府信息公开|依申请公开|公开政府信息)';

function known(...numbers: (number | null | undefined)[]): number[] | null {
  const present = numbers.filter((value): value is number => typeof value === 'number');
  return present.length === numbers.length ? present : null;
}

function sum(a: number | null | undefined, b: number | null | undefined): number | null {
  return typeof a === 'number' && typeof b === 'number' ? a + b : null;
}

const STATEMENTS: readonly Statement[] = [
  {
    cells: ['requests.new_received.total'],
    subject: '收到政府信息公开申请',
    patterns: [
      new RegExp(`(?:收到|受理|接收|新收)${GAP(14)}${APPLICATION}${GAP(6)}申请${AMOUNT}`, 'g'),
      new RegExp(`依申请公开(?:申请)?(?:数量|件数)为(\\d+)`, 'g'),
    ],
    // 受理…申请N件 sometimes counts the requests carried over from last year as well.
    accepted: (values) => {
      const received = values['requests.new_received.total'];
      if (typeof received !== 'number') return null;
      const withCarried = sum(received, values['requests.carried_over.total']);
      return withCarried === null ? [received] : [received, withCarried];
    },
  },
  {
    cells: ['requests.total_handled.total'],
    subject: '办结政府信息公开申请',
    patterns: [
      new RegExp(`(?:办结|答复|办理完毕)${GAP(8)}${APPLICATION}${GAP(4)}申请${AMOUNT}`, 'g'),
      new RegExp(`${APPLICATION}申请\\d+件[，,](?:共|已|均)?(?:答复|办结)(\\d+)件`, 'g'),
    ],
    accepted: (values) => known(values['requests.total_handled.total']),
  },
  {
    cells: ['requests.total_handled.total'],
    subject: '办理政府信息公开申请',
    patterns: [
      new RegExp(`办理${GAP(8)}${APPLICATION}${GAP(4)}申请${AMOUNT}`, 'g'),
      new RegExp(`${APPLICATION}申请\\d+件[，,](?:共|已|均)?办理(\\d+)件`, 'g'),
    ],
    // 办理 is used for the requests handled, the requests received, or both years' requests together.
    accepted: (values) => {
      const handled = values['requests.total_handled.total'];
      if (typeof handled !== 'number') return null;
      const received = values['requests.new_received.total'];
      const both = sum(received, values['requests.carried_over.total']);
      return [handled, ...[received, both].filter((value): value is number => typeof value === 'number')];
    },
  },
  {
    cells: ['requests.carried_over.total'],
    subject: '上年结转申请',
    patterns: [new RegExp(`(?:上年度?|上一年度?)结转${GAP(12)}${AMOUNT}`, 'g')],
    accepted: (values) => known(values['requests.carried_over.total']),
  },
  {
    cells: ['requests.carried_forward.total'],
    subject: '结转下年度办理的申请',
    patterns: [
      new RegExp(`(?:结转|顺延|转入|转)(?:至|到)?下一?年度?${GAP(6)}${AMOUNT}`, 'g'),
      new RegExp(`(\\d+)件${GAP(12)}(?:结转|顺延|转入)(?:至|到)?下一?年`, 'g'),
    ],
    accepted: (values) => known(values['requests.carried_forward.total']),
  },
  {
    cells: ['appeals.review.total'],
    subject: '行政复议',
    patterns: [
      new RegExp(`行政复议(?:案件|申请)?${AMOUNT}`, 'g'),
      new RegExp(`(\\d+)件${GAP(14)}行政复议(?![和、及与]?(?:行政)?诉讼)`, 'g'),
    ],
    accepted: (values) => known(values['appeals.review.total']),
  },
  {
    cells: ['appeals.litigation_direct.total', 'appeals.litigation_after_review.total'],
    subject: '行政诉讼',
    patterns: [
      new RegExp(`${NOT_AFTER_REVIEW}行政诉讼(?:案件)?(?:数|数量)?${AMOUNT}`, 'g'),
      new RegExp(`(\\d+)件${GAP(14)}${NOT_AFTER_REVIEW}行政诉讼`, 'g'),
    ],
    // The prose may count both kinds of suit, or only one.
    accepted: (values) => {
      const direct = values['appeals.litigation_direct.total'];
      const afterReview = values['appeals.litigation_after_review.total'];
      const both = sum(direct, afterReview);
      return both === null ? null : [both, direct as number, afterReview as number];
    },
  },
  {
    cells: ['proactive.normative_docs.issued', 'proactive.normative_docs.new_made'],
    subject: '制发行政规范性文件',
    patterns: [new RegExp(`(?:制发|印发|出台|制定)(?:了)?(?:行政)?规范性文件${AMOUNT}`, 'g')],
    accepted: (values) => {
      const issued = values['proactive.normative_docs.issued'] ?? values['proactive.normative_docs.new_made'];
      return typeof issued === 'number' ? [issued] : null;
    },
  },
];

/**
 * Rule `X.narrative`: numbers the prose states that disagree with the tables (e.g. 受理政府信息公开申请17件 while
 * table 三 says 95). Only clear statements are checked, each within one sentence; nothing is reported when the
 * statement is absent or the table figure is unknown. `expected` is the number the prose states, `actual` the
 * table's.
 */
export function checkNarrative(sections: Partial<Record<SectionKey, string>>, values: Values): Finding[] {
  const prose = SECTIONS.map((section) => sections[section.key] ?? '')
    .map(compactText)
    .join('\n');
  const findings: Finding[] = [];
  for (const statement of STATEMENTS) {
    const accepted = statement.accepted(values);
    if (accepted === null) continue;
    const stated = statedNumbers(prose, statement.patterns);
    const disagreeing = stated.find((number) => !accepted.includes(number));
    if (disagreeing === undefined) continue;
    const cells = statement.cells.filter((key) => typeof values[key] === 'number');
    const actual = accepted[0] ?? null;
    findings.push({
      rule: 'X.narrative',
      severity: 'warning',
      status: 'failed',
      cells,
      expected: disagreeing,
      actual,
      message: `正文称${statement.subject}${disagreeing}件，表格中为${actual}件，二者不一致。`,
    });
  }
  return findings;
}

function statedNumbers(prose: string, patterns: readonly RegExp[]): number[] {
  const numbers: number[] = [];
  for (const pattern of patterns) {
    for (const match of prose.matchAll(pattern)) {
      const number = Number(match[1]);
      if (Number.isSafeInteger(number)) numbers.push(number);
    }
  }
  return numbers;
}
