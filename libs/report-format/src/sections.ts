export type SectionKey = 'overview' | 'proactive' | 'requests' | 'appeals' | 'problems' | 'other';

export interface SectionDef {
  key: SectionKey;
  numeral: string;
  heading: string;
  headingEn: string;
  /** Distinctive words that identify the heading in its real variants (after normalisation). */
  keywords: readonly string[];
}

export const SECTIONS: readonly SectionDef[] = [
  { key: 'overview', numeral: '一', heading: '总体情况', headingEn: 'Overview', keywords: ['总体情况', '基本情况'] },
  {
    key: 'proactive',
    numeral: '二',
    heading: '主动公开政府信息情况',
    headingEn: 'Proactive disclosure',
    keywords: ['主动公开'],
  },
  {
    key: 'requests',
    numeral: '三',
    heading: '收到和处理政府信息公开申请情况',
    headingEn: 'Requests received and handled',
    keywords: ['收到和处理', '依申请公开'],
  },
  {
    key: 'appeals',
    numeral: '四',
    heading: '政府信息公开行政复议、行政诉讼情况',
    headingEn: 'Administrative review and litigation',
    keywords: ['行政复议', '行政诉讼'],
  },
  {
    key: 'problems',
    numeral: '五',
    heading: '存在的主要问题及改进情况',
    headingEn: 'Problems and improvements',
    keywords: ['存在的主要问题', '主要问题', '改进情况'],
  },
  {
    key: 'other',
    numeral: '六',
    heading: '其他需要报告的事项',
    headingEn: 'Other matters',
    keywords: ['其他需要报告', '其他事项'],
  },
];
