/** Why a file could not be read as a report. Stable codes: the API, the database and the CLI carry them. */
export enum ParseErrorCode {
  UnsupportedType = 'unsupported_type',
  Empty = 'empty_file',
  Corrupt = 'corrupt_file',
  Encrypted = 'encrypted_file',
  PdfNoText = 'pdf_no_text',
  NotAnnualReport = 'not_annual_report',
  TooLarge = 'file_too_large',
  LegacySpreadsheet = 'legacy_spreadsheet',
}

const MESSAGES: Record<ParseErrorCode, string> = {
  [ParseErrorCode.UnsupportedType]:
    '不支持的文件类型：请上传 .docx、.doc、.wps、.pdf、.html、.txt 或 .xlsx 格式的年度报告',
  [ParseErrorCode.Empty]: '文件为空或没有可读取的文字',
  [ParseErrorCode.Corrupt]: '文件已损坏，无法读取，请重新导出后上传',
  [ParseErrorCode.Encrypted]: '文件已加密或设置了打开密码，请取消加密后上传',
  [ParseErrorCode.PdfNoText]: '该 PDF 是扫描件，没有文字层，暂不能识别；请上传带文字的 PDF 或 Word 文件',
  [ParseErrorCode.NotAnnualReport]: '文件不是政府信息公开工作年度报告：未找到年度报告的标题或统计表格',
  [ParseErrorCode.TooLarge]: '文件过大，超过允许的上限',
  [ParseErrorCode.LegacySpreadsheet]: '暂不支持 .xls/.et 旧版表格，请另存为 .xlsx 后上传',
};

export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string = MESSAGES[code],
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

export function parseErrorMessage(code: ParseErrorCode): string {
  return MESSAGES[code];
}
