import type { FileKind } from '../document';
import { ParseError, ParseErrorCode } from '../errors';
import { isCfb, summariseCfb } from './cfb';
import { decodeText, looksLikeText } from './decode-text';
import { listZipEntries } from './zip-container';

/**
 * What a file is, decided by its content alone: the name and the declared MIME type are never trusted. Throws the
 * ParseError the upload deserves when the content is not something a reader accepts.
 */
export interface Sniffed {
  kind: FileKind;
  /** The decoded text, for kinds read as text (html, text); saves decoding twice. */
  text?: string;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/** Signatures of files that are certainly not reports: executables, images, archives, media. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x4d, 0x5a], // MZ: Windows executable
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O fat / Java class
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x42, 0x5a, 0x68], // bzip2
  [0x25, 0x21, 0x50, 0x53], // PostScript
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // RTF
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
];

const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|p|div|table|h[1-6]|span|center|font|section|article|style|!--)[\s>/]/i;
const HTML_ANYWHERE = /<(?:html|body)[\s>]|<!doctype\s+html/i;

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.byteLength >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function hasPdfMarker(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.byteLength - 4, 1024);
  for (let i = 0; i <= end; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46) return true;
  }
  return false;
}

function sniffZip(bytes: Uint8Array): FileKind {
  const names = new Set(listZipEntries(bytes).map((e) => e.name));
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  throw new ParseError(ParseErrorCode.UnsupportedType, undefined, 'zip container that is neither .docx nor .xlsx');
}

function sniffCfb(bytes: Uint8Array): FileKind {
  const summary = summariseCfb(bytes);
  if (!summary) throw new ParseError(ParseErrorCode.Corrupt, undefined, 'OLE container directory unreadable');
  const { streams } = summary;
  if (streams.has('EncryptionInfo') || streams.has('EncryptedPackage')) {
    throw new ParseError(ParseErrorCode.Encrypted, undefined, 'encrypted OOXML package');
  }
  if (streams.has('WordDocument')) {
    if (summary.wordEncrypted) throw new ParseError(ParseErrorCode.Encrypted, undefined, 'Word 97 file is encrypted');
    return 'doc';
  }
  if (streams.has('Workbook') || streams.has('Book')) {
    throw new ParseError(ParseErrorCode.LegacySpreadsheet, undefined, 'Excel 97 (.xls/.et) workbook');
  }
  throw new ParseError(ParseErrorCode.UnsupportedType, undefined, 'OLE container that is not a Word document');
}

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^[\s\ufeff]+/, '');
  return HTML_START.test(head) || HTML_ANYWHERE.test(head);
}

/** How much of a file the text checks look at: enough to tell text from binary and HTML from plain text. */
const TEXT_PROBE_BYTES = 65536;

/**
 * The kind of file by its content alone, without reading it: cheap enough for checking an upload as it arrives.
 * Throws the ParseError `sniff` would (unsupported_type, legacy_spreadsheet, encrypted_file, corrupt_file,
 * empty_file); text whose first 64 KB are blank but that goes on is left for the reader to judge.
 */
export function detectFileKind(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) throw new ParseError(ParseErrorCode.Empty);
  if (hasPdfMarker(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) return sniffZip(bytes);
  if (isCfb(bytes)) return sniffCfb(bytes);
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) {
    throw new ParseError(ParseErrorCode.UnsupportedType, undefined, 'binary file signature');
  }
  const probe = decodeText(bytes.subarray(0, TEXT_PROBE_BYTES), { html: true });
  if (!looksLikeText(probe)) throw new ParseError(ParseErrorCode.UnsupportedType, undefined, 'binary content');
  if (bytes.byteLength <= TEXT_PROBE_BYTES && probe.trim().length === 0) throw new ParseError(ParseErrorCode.Empty);
  return looksLikeHtml(probe) ? 'html' : 'text';
}

export function sniff(bytes: Uint8Array): Sniffed {
  const kind = detectFileKind(bytes);
  if (kind !== 'html' && kind !== 'text') return { kind };
  const text = decodeText(bytes, { html: kind === 'html' });
  if (text.trim().length === 0) throw new ParseError(ParseErrorCode.Empty);
  return { kind, text };
}
