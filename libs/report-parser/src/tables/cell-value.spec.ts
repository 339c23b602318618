import { parseCellValue } from './cell-value';

describe('parseCellValue', () => {
  it.each([
    ['0', 0],
    ['  0', 0],
    ['\u3000\u30000', 0],
    ['\xa0108', 108],
    ['０１２', 12],
    ['2910', 2910],
    ['190.457379', 190.457379],
    ['1,234', 1234],
    ['1，234', 1234],
    ['1 646', 1646],
    ['+19', 19],
    ['-8', -8],
    ['减4', -4],
    ['增3', 3],
    ['? 0', 0],
    ['?12', 12],
    ['\ufffd 3', 3],
  ])('reads %j as the number %d', (raw, value) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'number', value });
  });

  it.each([
    ['201件', 201, '件'],
    ['70487元', 70487, '元'],
    ['1646.5万元', 1646.5, '万元'],
    [' 251000元', 251000, '元'],
    ['6項', 6, '项'],
    ['3（件）', 3, '件'],
  ])('strips the unit of %j', (raw, value, unit) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'number', value, unit });
  });

  it.each(['', '   ', '\t', '&nbsp;', '\u00a0'])('reads %j as blank, never as 0', (raw) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'blank', value: null });
  });

  it.each(['/', '-', '—', '——', '--', '无', '無', '不适用'])('reads %j as not applicable', (raw) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'na', value: null });
  });

  it.each(['本年度未收取任何费用', '12 34', '3件和4件', '0 0', '5(', '7()', '?', '0?', '约?3'])('keeps %j as text instead of guessing', (raw) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'text', value: null });
  });
});
