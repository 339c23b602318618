import { checkNarrative } from './narrative';

const HONGZE_2024_VALUES = {
  'requests.new_received.total': 95,
  'requests.carried_over.total': 0,
  'requests.total_handled.total': 95,
  'requests.carried_forward.total': 0,
  'appeals.review.total': 2,
  'appeals.litigation_direct.total': 1,
  'appeals.litigation_after_review.total': 3,
  'proactive.normative_docs.issued': 3,
};

const HUAIAN_2024_VALUES = {
  'requests.new_received.total': 3119,
  'requests.carried_over.total': 34,
  'requests.total_handled.total': 3050,
  'requests.carried_forward.total': 103,
  'appeals.review.total': 351,
  'appeals.litigation_direct.total': 26,
  'appeals.litigation_after_review.total': 20,
};

/** The huaian-2024 statements, wrapped as the PDF prints them (spaces around numbers). */
const HUAIAN_2024_PROSE =
  '2024 年，全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 1 0 3 件顺延到下年度答复），' +
  '均在法定期限内予以答复。\n政府信息公开行政复议351 件，其中结果维持72 件，结果纠正64 件，其他结果178 件，尚未审结37 件。' +
  '政府信息公开行政诉讼46 件，其中结果维持25 件，结果纠正5 件，其他结果9 件，尚未审结7 件。';

describe('checkNarrative', () => {
  it('flags hongze-2024: the prose says 17 requests, table 三 says 95', () => {
    const findings = checkNarrative(
      { overview: '2024 年，区政府办代表区政府受理政府\n信息公开申请 17 件，均已在法定期限内予以答复。' },
      HONGZE_2024_VALUES,
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'X.narrative',
        severity: 'warning',
        status: 'failed',
        cells: ['requests.new_received.total'],
        expected: 17,
        actual: 95,
      }),
    ]);
  });

  it('accepts hongze-2023, whose prose agrees (21 = 21)', () => {
    const values = { ...HONGZE_2024_VALUES, 'requests.new_received.total': 21, 'requests.total_handled.total': 21 };
    expect(checkNarrative({ overview: '2023年全区受理政府信息公开申请21件，均在法定期限答复。' }, values)).toEqual([]);
  });

  it('accepts huaian-2024, whose statements all agree with the tables', () => {
    expect(checkNarrative({ overview: HUAIAN_2024_PROSE, appeals: '' }, HUAIAN_2024_VALUES)).toEqual([]);
  });

  it.each([
    ['requests.total_handled.total', '全年办理政府信息公开申请218件。', 'requests.total_handled.total', 200],
    ['requests.carried_over.total', '上年结转政府信息公开申请2件。', 'requests.carried_over.total', 3],
    ['requests.carried_forward.total', '共办理718件，结转下一年31件。', 'requests.carried_forward.total', 30],
    ['appeals.review.total (number first)', '2024 年市科委有 1 件涉及政府信息公开工作的行政复议，未被纠错。', 'appeals.review.total', 0],
    ['appeals litigation (sum of both kinds)', '涉及的行政诉讼数为5件。', 'appeals.litigation_direct.total', 1],
    ['normative documents issued', '本年度制发行政规范性文件62件。', 'proactive.normative_docs.issued', 60],
  ])('flags a disagreeing statement: %s', (_name, prose, key, tableValue) => {
    const values = {
      'requests.total_handled.total': 218,
      'requests.carried_over.total': 2,
      'requests.carried_forward.total': 31,
      'appeals.review.total': 1,
      'appeals.litigation_direct.total': 0,
      'appeals.litigation_after_review.total': 0,
      'proactive.normative_docs.issued': 62,
      [key]: tableValue,
    };
    const findings = checkNarrative({ overview: prose }, values);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.cells).toContain(key);
  });

  it('accepts 受理 counting the requests carried over (713 new + 36 carried = 749)', () => {
    const values = { 'requests.new_received.total': 713, 'requests.carried_over.total': 36 };
    expect(checkNarrative({ overview: '全县全年共受理政府信息公开申请749件，其中自然人申请741件。' }, values)).toEqual([]);
  });

  it('reads 办理 as handled, received, or both years together, but 办结 as handled only', () => {
    const values = {
      'requests.new_received.total': 4,
      'requests.carried_over.total': 1,
      'requests.total_handled.total': 3,
      'requests.carried_forward.total': 2,
    };
    expect(checkNarrative({ overview: '全年办理政府信息公开申请5件。' }, values)).toEqual([]);
    expect(checkNarrative({ overview: '全年办结政府信息公开申请5件。' }, values)).toEqual([
      expect.objectContaining({ cells: ['requests.total_handled.total'], expected: 5, actual: 3 }),
    ]);
  });

  it('does not read a sub-count after a comma as the statement', () => {
    const values = { 'requests.new_received.total': 32, 'requests.carried_over.total': 0 };
    expect(checkNarrative({ overview: '收到政府信息公开申请中，自然人申请20件。' }, values)).toEqual([]);
  });

  it('says nothing when the table figure is unknown or the statement is absent', () => {
    expect(checkNarrative({ overview: '受理政府信息公开申请17件。' }, { 'requests.new_received.total': null })).toEqual([]);
    expect(checkNarrative({ overview: '全年主动公开政府信息171条。' }, HONGZE_2024_VALUES)).toEqual([]);
  });

  it('never reads a number across a sentence end', () => {
    const prose = '全年受理政府信息公开申请。依法办结；另有行政复议。共计17件';
    expect(checkNarrative({ overview: prose }, HONGZE_2024_VALUES)).toEqual([]);
  });

  it('does not give a combined 行政复议和行政诉讼 count to either', () => {
    expect(checkNarrative({ appeals: '本年度发生行政复议和行政诉讼案件共5件。' }, HONGZE_2024_VALUES)).toEqual([]);
  });
});
