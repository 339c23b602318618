import type { RejectedUpload } from '@nianbao/api-contract';

export enum UploadErrorCode {
  NoFiles = 'no_files',
  TooManyFiles = 'too_many_files',
  FileTooLarge = 'file_too_large',
  UnexpectedField = 'unexpected_field',
  UnsupportedType = 'unsupported_type',
  InvalidFileName = 'invalid_file_name',
  ExtensionMismatch = 'extension_mismatch',
  LegacySpreadsheet = 'legacy_spreadsheet',
  EmptyFile = 'empty_file',
  CorruptFile = 'corrupt_file',
  EncryptedFile = 'encrypted_file',
  FilesRejected = 'files_rejected',
  UnknownAgency = 'unknown_agency',
  NotFound = 'upload_not_found',
  QueueUnavailable = 'queue_unavailable',
}

export const UPLOAD_ERROR_MESSAGES: Record<UploadErrorCode, string> = {
  [UploadErrorCode.NoFiles]: '没有收到文件：请在 files 字段中上传至少一个年度报告文件',
  [UploadErrorCode.TooManyFiles]: '一次上传的文件过多',
  [UploadErrorCode.FileTooLarge]: '文件过大，超过允许的上限',
  [UploadErrorCode.UnexpectedField]: '文件只能通过 files 字段上传',
  [UploadErrorCode.UnsupportedType]:
    '不支持的文件类型：请上传 .docx、.doc、.wps、.pdf、.html、.txt 或 .xlsx 格式的年度报告',
  [UploadErrorCode.InvalidFileName]: '文件名不合法：不能为空，不能包含路径分隔符（/ 或 \\）或控制字符，也不能以点结尾',
  [UploadErrorCode.ExtensionMismatch]: '文件内容与扩展名不符，请确认文件类型后重新上传',
  [UploadErrorCode.LegacySpreadsheet]: '暂不支持 .xls/.et 旧版表格，请另存为 .xlsx 后上传',
  [UploadErrorCode.EmptyFile]: '文件为空或没有可读取的文字',
  [UploadErrorCode.CorruptFile]: '文件已损坏，无法读取，请重新导出后上传',
  [UploadErrorCode.EncryptedFile]: '文件已加密或设置了打开密码，请取消加密后上传',
  [UploadErrorCode.FilesRejected]: '上传的文件均未通过检查，每个文件的原因见 files',
  [UploadErrorCode.UnknownAgency]: '指定的单位不存在',
  [UploadErrorCode.NotFound]: '找不到该上传记录',
  [UploadErrorCode.QueueUnavailable]: '文件已保存，但解析队列暂时不可用，请稍后重试',
};

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string = UPLOAD_ERROR_MESSAGES[code],
    /** When every file of a batch was rejected: each file's own reason, answered beside the code. */
    readonly files?: readonly RejectedUpload[],
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
