export enum UploadErrorCode {
  NoFiles = 'no_files',
  TooManyFiles = 'too_many_files',
  FileTooLarge = 'file_too_large',
  UnexpectedField = 'unexpected_field',
  UnsupportedType = 'unsupported_type',
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
  [UploadErrorCode.UnknownAgency]: '指定的单位不存在',
  [UploadErrorCode.NotFound]: '找不到该上传记录',
  [UploadErrorCode.QueueUnavailable]: '文件已保存，但解析队列暂时不可用，请稍后重试',
};

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    message: string = UPLOAD_ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'UploadError';
  }
}
