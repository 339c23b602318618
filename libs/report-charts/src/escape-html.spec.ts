import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    const escaped = '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;';
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(escaped);
  });

  it('leaves Chinese text untouched', () => {
    expect(escapeHtml('行政许可 · 本年处理决定数量')).toBe('行政许可 · 本年处理决定数量');
  });
});
