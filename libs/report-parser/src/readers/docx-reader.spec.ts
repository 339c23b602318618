import JSZip from 'jszip';
import type { DocRow } from '../document';
import { readDocx } from './docx-reader';
import { resolveLimits } from './limits';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

async function docx(body: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;
const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

function grid(rows: DocRow[]): string[][] {
  return rows.map((r) => r.cells.map((c) => (c.covered ? `^${c.text}` : c.text)));
}

describe('readDocx', () => {
  const limits = resolveLimits();

  it('lays cells on the real grid: gridSpan widens, vMerge restart/continue merges down', async () => {
    const doc = await readDocx(
      await docx(
        tbl(
          tr(tc(p('信息内容'), '<w:vMerge w:val="restart"/>'), tc(p('申请人情况'), '<w:gridSpan w:val="3"/>')),
          tr(tc(p(''), '<w:vMerge/>'), tc(p('自然人')), tc(p('商业企业')), tc(p('总计'))),
          tr(tc(p('一、本年新收'), '<w:gridSpan w:val="1"/>'), tc(p('1')), tc(p('2')), tc(p('3'))),
        ),
      ),
      limits,
    );
    expect(grid(doc.rows)).toEqual([
      ['信息内容', '申请人情况', '^申请人情况', '^申请人情况'],
      ['^信息内容', '自然人', '商业企业', '总计'],
      ['一、本年新收', '1', '2', '3'],
    ]);
    expect(doc.rows.every((r) => r.table === 1)).toBe(true);
    expect(doc.rows.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('carries a vertical merge across a gridSpan and a gridBefore offset', async () => {
    const doc = await readDocx(
      await docx(
        tbl(
          tr(tc(p('三、本年度办理结果'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'), tc(p('5'))),
          `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(''), '<w:vMerge w:val="continue"/>')}${tc(p('6'))}</w:tr>`,
        ),
      ),
      limits,
    );
    expect(grid(doc.rows)).toEqual([
      ['三、本年度办理结果', '^三、本年度办理结果', '5'],
      ['', '^三、本年度办理结果', '6'],
    ]);
  });

  it('keeps body paragraphs and tables in document order and joins a cell’s paragraphs with a newline', async () => {
    const doc = await readDocx(
      await docx(`${p('二、主动公开政府信息情况')}${tbl(tr(tc(p('商业') + p('') + p('企业')), tc(p('0'))))}${p('三、收到和处理')}`),
      limits,
    );
    expect(doc.rows).toEqual([
      { cells: [{ text: '二、主动公开政府信息情况' }] },
      { cells: [{ text: '商业\n企业' }, { text: '0' }], table: 1, row: 1 },
      { cells: [{ text: '三、收到和处理' }] },
    ]);
  });

  it('handles w:br, w:tab, w:noBreakHyphen and the predefined XML entities; ignores deleted text and field codes', async () => {
    const run = '<w:r><w:t>第一行</w:t><w:br/><w:t>A</w:t><w:tab/><w:t>B</w:t><w:noBreakHyphen/><w:t>C &lt;条例&gt; &amp; &#x4E00;</w:t></w:r>' +
      '<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>';
    const doc = await readDocx(await docx(`<w:p>${run}</w:p>${tbl(tr(tc(`<w:p>${run}</w:p>`)))}`), limits);
    expect(doc.rows[0].cells[0].text).toBe('第一行');
    expect(doc.rows[1].cells[0].text).toBe('A\tB-C <条例> & 一');
    expect(doc.rows[2].cells[0].text).toBe('第一行\nA\tB-C <条例> & 一');
  });

  it('ignores text boxes and drawings, reads content controls', async () => {
    const textBox = '<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>' + p('文本框') +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' + p('文本框') +
      '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>';
    const doc = await readDocx(
      await docx(`<w:p><w:r><w:t>正文</w:t></w:r>${textBox}</w:p><w:sdt><w:sdtPr/><w:sdtContent>${p('控件内文字')}</w:sdtContent></w:sdt>`),
      limits,
    );
    expect(doc.rows.map((r) => r.cells[0].text)).toEqual(['正文', '控件内文字']);
  });

  it('reads a table that holds tables as layout: its content in order, inner tables as data tables', async () => {
    const inner = tbl(tr(tc(p('行政许可')), tc(p('108'))));
    const doc = await readDocx(await docx(tbl(tr(tc(p('二、主动公开') + inner)), tr(tc(p('结尾'))))), limits);
    expect(doc.rows).toEqual([
      { cells: [{ text: '二、主动公开' }] },
      { cells: [{ text: '行政许可' }, { text: '108' }], table: 1, row: 1 },
      { cells: [{ text: '结尾' }] },
    ]);
  });

  it('refuses a document.xml that is not XML or has no body, and a docx without one', async () => {
    for (const content of ['<w:document/>', '\u0000\u0001 not xml at all', '']) {
      const zip = new JSZip();
      zip.file('word/document.xml', content);
      await expect(readDocx(await zip.generateAsync({ type: 'uint8array' }), limits)).rejects.toMatchObject({ code: 'corrupt_file' });
    }
    const zip = new JSZip();
    zip.file('word/other.xml', '<a/>');
    await expect(readDocx(await zip.generateAsync({ type: 'uint8array' }), limits)).rejects.toMatchObject({ code: 'corrupt_file' });
  });

  it('reads what it can of a body whose last tags were never closed', async () => {
    const doc = await readDocx(await docx(`${p('完整段落')}<w:p><w:r><w:t>未闭合`), limits);
    expect(doc.rows[0].cells[0].text).toBe('完整段落');
  });

  it('counts inflated bytes against maxUncompressedBytes', async () => {
    const bytes = await docx(p('字'.repeat(20000)));
    await expect(readDocx(bytes, { ...limits, maxUncompressedBytes: 30000 })).rejects.toMatchObject({ code: 'file_too_large' });
  });

  it('caps the number of zip entries before reading any', async () => {
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`customXml/item${i}.xml`, '<a/>']));
    const bytes = await docx(p('正文'), extra);
    await expect(readDocx(bytes, { ...limits, maxZipEntries: 10 })).rejects.toMatchObject({ code: 'file_too_large' });
    await expect(readDocx(bytes, limits)).resolves.toMatchObject({ fileKind: 'docx' });
  });
});
