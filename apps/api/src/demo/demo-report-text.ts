import { APPEAL_COLUMNS, APPEAL_GROUPS, REQUEST_COLUMNS } from '@nianbao/report-format';

/**
 * The reference report's plain-text layout (沙河市柴关乡 2023: Word text, one table cell per tab-indented line,
 * merged cells as empty lines) rendered for another body, year and set of values.
 */
export interface DemoReportInput {
  region: string;
  /** Short name, e.g. 东关镇; the body is `<name>人民政府` or, for a 街道, `<name>办事处`. */
  name: string;
  body: string;
  year: number;
  values: Readonly<Record<string, number>>;
}

/** Table 三's rows in the reference's layout: the label cells before the seven numbers, merged cells empty. */
const REQUEST_ROW_CELLS: readonly (readonly [key: string, cells: readonly string[]])[] = [
  ['new_received', ['一、本年新收政府信息公开申请数量']],
  ['carried_over', ['二、上年结转政府信息公开申请数量']],
  ['granted', ['三、本年度办理结果', '（一）予以公开']],
  ['partially_granted', ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
  ['denied.state_secret', ['', '（三）不予公开', '1.属于国家秘密']],
  ['denied.law_prohibited', ['', '', '2.其他法律行政法规禁止公开']],
  ['denied.security_stability', ['', '', '3.危及“三安全一稳定”']],
  ['denied.third_party', ['', '', '4.保护第三方合法权益']],
  ['denied.internal_affairs', ['', '', '5.属于三类内部事务信息']],
  ['denied.process_info', ['', '', '6.属于四类过程性信息']],
  ['denied.enforcement_file', ['', '', '7.属于行政执法案卷']],
  ['denied.admin_query', ['', '', '8.属于行政查询事项']],
  ['unable.not_held', ['', '（四）无法提供', '1.本机关不掌握相关政府信息']],
  ['unable.needs_creation', ['', '', '2.没有现成信息需要另行制作']],
  ['unable.unclear', ['', '', '3.补正后申请内容仍不明确']],
  ['not_processed.petition', ['', '（五）不予处理', '1.信访举报投诉类申请']],
  ['not_processed.duplicate', ['', '', '2.重复申请']],
  ['not_processed.publication', ['', '', '3.要求提供公开出版物']],
  ['not_processed.excessive', ['', '', '4.无正当理由大量反复申请']],
  ['not_processed.confirmation', ['', '', '5.要求行政机关确认或重新出具已获取信息']],
  [
    'other_handling.no_correction',
    ['', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ],
  ['other_handling.unpaid_fee', ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['other_handling.other', ['', '', '3.其他']],
  ['total_handled', ['', '（七）总计']],
  ['carried_forward', ['四、结转下年度继续办理']],
];

function cell(text: string | number): string {
  return `\t${text}`;
}

function number(values: Readonly<Record<string, number>>, key: string): string {
  const value = values[key];
  if (value === undefined) throw new Error(`demo report lacks ${key}`);
  return cell(value);
}

function proactiveTable(values: Readonly<Record<string, number>>): string[] {
  const v = (key: string) => number(values, `proactive.${key}`);
  return [
    '二、主动公开政府信息情况',
    '',
    cell('第二十条第（一）项'),
    '',
    cell('信息内容'),
    cell('本年制发件数'),
    cell('本年废止件数'),
    cell('现行有效件数'),
    '',
    cell('规章'),
    v('rules.issued'),
    v('rules.repealed'),
    v('rules.in_force'),
    '',
    cell('行政规范性文件'),
    v('normative_docs.issued'),
    v('normative_docs.repealed'),
    v('normative_docs.in_force'),
    '',
    cell('第二十条第（五）项'),
    '',
    cell('信息内容'),
    cell('本年处理决定数量'),
    '',
    cell('行政许可'),
    v('licensing.decisions'),
    '',
    cell('第二十条第（六）项'),
    '',
    cell('信息内容'),
    cell('本年处理决定数量'),
    '',
    cell('行政处罚'),
    v('penalty.decisions'),
    '',
    cell('行政强制'),
    v('enforcement.decisions'),
    '',
    cell('第二十条第（八）项'),
    '',
    cell('信息内容'),
    cell('本年收费金额（单位：万元）'),
    '',
    cell('行政事业性收费'),
    v('fees.amount'),
    '',
    '',
  ];
}

function requestsTable(values: Readonly<Record<string, number>>): string[] {
  const lines = [
    '三、收到和处理政府信息公开申请情况',
    '',
    cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'),
    cell('申请人情况'),
    '',
    cell(''),
    cell('自然人'),
    cell('法人或其他组织'),
    cell('总计'),
    '',
    cell(''),
    cell(''),
    cell('商业企业'),
    cell('科研机构'),
    cell('社会公益组织'),
    cell('法律服务机构'),
    cell('其他'),
    cell(''),
    '',
  ];
  for (const [row, labels] of REQUEST_ROW_CELLS) {
    lines.push(...labels.map(cell), ...REQUEST_COLUMNS.map((c) => number(values, `requests.${row}.${c.key}`)), '');
  }
  return [...lines, ''];
}

function appealsTable(values: Readonly<Record<string, number>>): string[] {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    cell('行政复议'),
    cell('行政诉讼'),
    '',
    ...results.map(cell),
    cell('未经复议直接起诉'),
    cell('复议后起诉'),
    '',
    ...results.map(() => cell('')),
    ...results.map(cell),
    ...results.map(cell),
    '',
    ...APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => number(values, `appeals.${g.key}.${c.key}`))),
    '',
    '',
  ];
}

/** The full text of a demo report, parseable like the reference report it imitates. */
export function demoReportText(input: DemoReportInput): string {
  const { region, name, body, year, values } = input;
  const received = values['requests.new_received.total'];
  return [
    `${region}${name}${year}年政府信息公开工作年度报告`,
    `本年度报告依据《中华人民共和国政府信息公开条例》《中华人民共和国政府信息公开工作年度报告格式》和省、市政务公开工作要求，发布本年度报告，年报中所列数据的统计期限为${year}年1月1日至12月31日。如对本年报有任何疑问，请与${body}办公室联系。`,
    '一、总体情况',
    `${year}年以来，${name}政务公开工作本着“实事求是、公开透明”的原则，推动各项政务公开工作扎实有效开展。（本报告为演示数据，依据参考报告的格式生成。）`,
    '1、主动公开方面',
    `${year}年以来，${name}主动公开机构信息、权责清单、预决算信息、执法信息、政府信息公开年度报告、相关政策文件等。`,
    '2、依申请公开方面',
    `${year}年${name}收到政府信息公开申请${received}件，均已按规定办理。`,
    ...proactiveTable(values),
    ...requestsTable(values),
    ...appealsTable(values),
    '五、存在的主要问题及改进情况',
    '公开内容的及时性、全面性以及公开形式的多样性、便民性等方面工作还有待进一步改进。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。无其他需要报告事项。',
    '',
  ].join('\n');
}
