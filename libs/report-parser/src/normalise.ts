import { Converter } from 'opencc-js';

/**
 * Text normalisation applied before any matching. The raw text is always kept beside the normalised form: values
 * shown to people come from what the document printed.
 */

/**
 * Character-level Traditional → Simplified. The phrase-level Taiwan converter is not used: it rewrites mainland
 * words (文件 → 文档) that the format's labels depend on.
 */
const toSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * Mirror sites convert mainland text to Traditional with Taiwan vocabulary; the words that matter for the tables are
 * turned back first (`規範性檔案` was `规范性文件`). Only Traditional spellings are touched: a Simplified 档案 is a
 * real word and stays.
 */
const TAIWAN_VOCABULARY: readonly [RegExp, string][] = [
  [/檔案/g, '文件'],
  [/資訊/g, '信息'],
  [/專案/g, '项目'],
];

/** Pinyin annotations some mirror sites insert after characters: `規(guī)章`, `本年制發(fā)件數(shù)`. */
const PINYIN_ANNOTATION = /\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)\)/g;

/** Width and whitespace: NFKC (full-width digits, letters and punctuation → ASCII), U+3000, NBSP and tabs → space. */
export function normaliseWidth(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u00a0\u2002-\u200b\u3000\ufeff]/g, ' ')
    .replace(/\t/g, ' ');
}

/** Full normalisation for matching labels: width, pinyin annotations, Traditional → Simplified. Keeps spaces. */
export function normaliseText(text: string): string {
  let out = normaliseWidth(text).replace(PINYIN_ANNOTATION, '');
  for (const [pattern, replacement] of TAIWAN_VOCABULARY) out = out.replace(pattern, replacement);
  return toSimplified(out);
}

/** Normalised and with all whitespace removed: the form labels and headers are compared in. */
export function compactLabel(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}
