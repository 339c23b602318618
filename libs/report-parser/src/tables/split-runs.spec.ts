import { splitRuns } from './split-runs';

const none = new Set<number>();

describe('splitRuns', () => {
  it('finds the one split of a run of zeros', () => {
    expect(splitRuns(['000'], 3, none)).toEqual({ splits: [['0', '0', '0']], truncated: false });
  });

  it('lists every split of an undecidable run', () => {
    const { splits } = splitRuns(['898989'], 3, none);
    expect(splits).toHaveLength(10);
    expect(splits).toContainEqual(['89', '89', '89']);
    expect(splits).toContainEqual(['8', '9', '8989']);
  });

  it('never starts a cell with 0 unless the cell is 0', () => {
    expect(splitRuns(['350'], 2, none).splits).toEqual([
      ['3', '50'],
      ['35', '0'],
    ]);
    expect(splitRuns(['023'], 2, none).splits).toEqual([['0', '23']]);
  });

  it('treats whitespace as a boundary', () => {
    const { splits } = splitRuns(['23', '0', '00', '0', '023'], 7, none);
    expect(splits).toEqual([['23', '0', '0', '0', '0', '0', '23']]);
  });

  it('puts a decimal fraction only in an amount column, with the unit on that cell', () => {
    const { splits } = splitRuns(['13575394432.52元'], 2, new Set([1]));
    expect(splits).toContainEqual(['135', '75394432.52元']);
    expect(splits.every((s) => s[1].endsWith('.52元'))).toBe(true);
    expect(splitRuns(['12.5'], 2, none).splits).toEqual([]);
  });

  it('stops on long runs instead of enumerating them', () => {
    const result = splitRuns(['1234567891234567891234567891234567891234567891'], 7, none);
    expect(result).toEqual({ splits: [], truncated: true });
  });
});
