import iconv from 'iconv-lite';

/**
 * Bytes → string for text and HTML uploads. Chinese government sites and clerks' editors produce UTF-8 (with or
 * without BOM), UTF-16 with BOM, and GBK/GB2312 (decoded as GB18030, their superset). Never throws: undecodable bytes
 * become U+FFFD.
 */

export interface DecodeOptions {
  /** Honour a `<meta charset>` / `http-equiv` declaration when the bytes are not valid UTF-8. */
  html?: boolean;
}

/**
 * Declarations that cannot be right for bytes that failed as UTF-8 on a Chinese page: a page that says UTF-8 but is
 * not, and the Western defaults many CMS templates print whatever the content (decoding GBK as Latin-1 is mojibake).
 */
const UNTRUSTED_DECLARATIONS = /^(utf-?8|iso-8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/;

const CHINESE_LEGACY = new Set(['gbk', 'gb2312', 'gb18030', 'gb_2312-80', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return iconv.decode(buffer.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(buffer.subarray(2), 'utf-16be');
  const unmarked16 = unmarkedUtf16(bytes);
  if (unmarked16) return iconv.decode(buffer, unmarked16);

  const asUtf8 = utf8(bytes);
  if (isMostlyValid(asUtf8)) return asUtf8;

  const declared = options.html ? declaredCharset(bytes) : null;
  if (declared && !CHINESE_LEGACY.has(declared) && !UNTRUSTED_DECLARATIONS.test(declared) && iconv.encodingExists(declared)) {
    return iconv.decode(buffer, declared);
  }
  return iconv.decode(buffer, 'gb18030');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.byteLength >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Valid UTF-8 apart from a stray damaged byte or a character cut at the end. GBK read as UTF-8 fails this at once. */
function isMostlyValid(text: string): boolean {
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return replacements <= Math.max(2, text.length / 2000);
}

/** UTF-16 without a BOM shows as zero bytes in every other position when the text has ASCII in it. */
function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.byteLength, 4096) & ~1;
  if (sample < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The charset an HTML document declares in its first 4 KB, lower-cased, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  return match ? match[1].toLowerCase() : null;
}

/**
 * Whether decoded text is text at all: few control characters (other than tab, newlines, form feed) and few
 * replacement characters. Random binary and executables fail this whatever the encoding guess.
 */
export function looksLikeText(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (sample.length === 0) return false;
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) {
      suspicious++;
    } else if (code >= 0x7f && code < 0xa0) {
      suspicious++;
    }
  }
  return suspicious <= sample.length * 0.01;
}
