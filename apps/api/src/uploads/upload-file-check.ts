import { detectFileKind, ParseError, ParseErrorCode, type FileKind } from '@nianbao/report-parser';
import { UPLOAD_ERROR_MESSAGES, UploadErrorCode } from './upload.error';

/** What each allowed extension must contain. */
const EXTENSION_KINDS: Readonly<Record<string, FileKind>> = {
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'doc',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.txt': 'text',
  '.md': 'text',
  '.xlsx': 'xlsx',
};

const LEGACY_SPREADSHEET_EXTENSIONS = new Set(['.xls', '.et']);

const KIND_LABELS: Record<FileKind, string> = {
  docx: 'Word 文档（.docx）',
  doc: 'Word 97–2003 / WPS 文档（.doc/.wps）',
  pdf: 'PDF 文件',
  html: '网页（HTML）',
  text: '纯文本',
  xlsx: 'Excel 表格（.xlsx）',
};

/** NUL and other control characters, and the bidirectional overrides that make `exe.docx` look like `xcod.exe`. */
const FORBIDDEN_NAME_CHARACTERS = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const MAX_FILE_NAME = 255;

const PARSE_CODES: Partial<Record<ParseErrorCode, UploadErrorCode>> = {
  [ParseErrorCode.LegacySpreadsheet]: UploadErrorCode.LegacySpreadsheet,
  [ParseErrorCode.Empty]: UploadErrorCode.EmptyFile,
  [ParseErrorCode.Corrupt]: UploadErrorCode.CorruptFile,
  [ParseErrorCode.Encrypted]: UploadErrorCode.EncryptedFile,
};

export type FileCheck = { ok: true; kind: FileKind } | { ok: false; code: UploadErrorCode; message: string };

function rejected(code: UploadErrorCode, message: string = UPLOAD_ERROR_MESSAGES[code]): FileCheck {
  return { ok: false, code, message };
}

/** `.docx` of `年报.docx`; '' without an extension. Lower case. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

function checkName(name: string): FileCheck | null {
  if (name.trim() === '' || name.length > MAX_FILE_NAME || /[\\/]/.test(name) || FORBIDDEN_NAME_CHARACTERS.test(name)) {
    return rejected(UploadErrorCode.InvalidFileName);
  }
  if (/[.\s]$/.test(name)) return rejected(UploadErrorCode.InvalidFileName);
  return null;
}

/**
 * Whether an uploaded file may be queued: its name as sent (before any clean-up for display) and its content, which
 * decides the kind; the extension must name that kind. Pure: the upload service acts on the answer.
 */
export function checkUploadFile(name: string, bytes: Uint8Array): FileCheck {
  const badName = checkName(name);
  if (badName) return badName;
  const extension = extensionOf(name);
  if (LEGACY_SPREADSHEET_EXTENSIONS.has(extension)) return rejected(UploadErrorCode.LegacySpreadsheet);
  const expected = EXTENSION_KINDS[extension];
  if (!expected) {
    const inner = name.slice(0, name.length - extension.length);
    if (extension !== '' && EXTENSION_KINDS[extensionOf(inner)]) {
      return rejected(
        UploadErrorCode.ExtensionMismatch,
        `文件名以 ${extension} 结尾，不是年度报告的文件类型（疑似在 ${extensionOf(inner)} 后加了第二个扩展名），未予接收`,
      );
    }
    return rejected(UploadErrorCode.UnsupportedType);
  }
  let kind: FileKind;
  try {
    kind = detectFileKind(bytes);
  } catch (error) {
    if (!(error instanceof ParseError)) return rejected(UploadErrorCode.CorruptFile);
    const code = PARSE_CODES[error.code];
    if (code) return rejected(code);
    return rejected(
      UploadErrorCode.ExtensionMismatch,
      `文件扩展名为 ${extension}，但内容不是${KIND_LABELS[expected]}，也不是其他可识别的年度报告格式，未予接收`,
    );
  }
  if (kind !== expected) {
    return rejected(
      UploadErrorCode.ExtensionMismatch,
      `文件扩展名为 ${extension}，内容却是${KIND_LABELS[kind]}：请改正扩展名后重新上传`,
    );
  }
  return { ok: true, kind };
}
