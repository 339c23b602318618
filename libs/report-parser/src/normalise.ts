import { Converter } from 'opencc-js';

/**
 * Text normalisation applied before any matching. The raw text is always kept beside the normalised form: values
 * shown to people come from what the document printed.
 */

const toSimplified = Converter({ from: 'twp', to: 'cn' });

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
  return toSimplified(normaliseWidth(text).replace(PINYIN_ANNOTATION, ''));
}

/** Normalised and with all whitespace removed: the form labels and headers are compared in. */
export function compactLabel(text: string): string {
  return normaliseText(text).replace(/\s+/g, '');
}
