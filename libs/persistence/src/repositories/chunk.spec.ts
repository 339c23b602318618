import { MAX_BIND_PARAMETERS, chunkForInsert } from './chunk';

describe('chunkForInsert', () => {
  it('keeps every chunk below the bind-parameter bound and loses no row', () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => i);
    const chunks = chunkForInsert(rows, 7);
    expect(chunks.every((c) => c.length * 7 <= MAX_BIND_PARAMETERS)).toBe(true);
    expect(chunks.flat()).toEqual(rows);
    expect(chunks.length).toBe(3);
  });

  it('gives no chunk for no rows', () => {
    expect(chunkForInsert([], 7)).toEqual([]);
  });
});
