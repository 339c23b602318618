import { tokenizeCell, type Token } from './tokenize';

const show = (text: string) =>
  tokenizeCell(text).map((t: Token) =>
    t.type === 'entry' ? `${t.entry.kind}:${t.entry.key}${t.partial ? '~' : ''}` : t.type === 'value' ? `=${t.text}${t.glued ? '*' : ''}` : `"${t.text}"`,
  );

describe('tokenizeCell', () => {
  it('recognises row labels with their item numbers, typos and Traditional spellings', () => {
    expect(show('2.其他法律行政止公开')).toEqual(['row:denied.law_prohibited']);
    expect(show('行政事业型收费')).toEqual(['row:fees']);
    expect(show('二、上年转结政府信息公开申请数量')).toEqual(['row:carried_over']);
    expect(show('規範性檔案')).toEqual(['row:normative_docs']);
    expect(show('3.其他')).toEqual(['row:other_handling.other']);
    expect(show('（七）总计')).toEqual(['row:total_handled']);
  });

  it('tells the 其他 and 总计 columns from the rows of the same words', () => {
    expect(show('其他')).toEqual(['column:other_org']);
    expect(show('总计')).toEqual(['column:total']);
  });

  it('skips explanations after a label and marks a label cut at the end of its cell', () => {
    expect(show('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual(['row:partially_granted']);
    expect(show('（二）部分公开（区分处理的，只')).toEqual(['row:partially_granted~']);
    expect(show('5.要求行政机关确认或重')).toEqual(['row:not_processed.confirmation~']);
    expect(show('规章(设区的市、自治州人民政府应提供相关数据)')).toEqual(['row:rules']);
  });

  it('ignores the article number of a band', () => {
    expect(show('第二十一条第(五)项')).toEqual(['band:band']);
    expect(show('第二十条 第（一）项')).toEqual(['band:band']);
  });

  it('splits labels and numbers run together, keeping the next label’s number off the digits', () => {
    expect(show('1.属于国家秘密00000002.其他法律行政法规禁止公开0000000')).toEqual([
      'row:denied.state_secret',
      '=0000000*',
      'row:denied.law_prohibited',
      '=0000000*',
    ]);
    expect(show('政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况')).toEqual([
      'row:procurement',
      '=13575394432.52元*',
      'anchor:heading',
    ]);
  });

  it('reads a label and its numbers separated by spaces', () => {
    expect(show('行政许可 97')).toEqual(['row:licensing', '=97']);
    expect(show('规章 0 0 0')).toEqual(['row:rules', '=0 0 0']);
  });

  it('treats labels and numbers inside sentences as prose', () => {
    expect(show('全年办理行政许可12件，行政处罚 46 件。').every((t) => t.startsWith('"'))).toBe(true);
    expect(show('市科委 2024 年根据本市机构改革工作安排').every((t) => t.startsWith('"'))).toBe(true);
  });

  it('reads a whole cell as one value', () => {
    expect(show('1646.5万元')).toEqual(['=1646.5万元']);
    expect(show('無')).toEqual(['=無']);
    expect(show('')).toEqual(['=']);
  });
});
