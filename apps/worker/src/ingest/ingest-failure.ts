/** Why the worker, rather than the parser, refused an upload. Stored on the upload like a ParseError code. */
export enum IngestFailureCode {
  YearUnknown = 'year_unknown',
  AgencyUnknown = 'agency_unknown',
  ProcessingFailed = 'processing_failed',
}

export const INGEST_FAILURE_MESSAGES: Record<IngestFailureCode, string> = {
  [IngestFailureCode.YearUnknown]: '无法确定报告年度：文件中没有找到年度，上传时也未填写年度',
  [IngestFailureCode.AgencyUnknown]: '无法确定报告单位：文件中没有找到单位名称，上传时也未选择单位',
  [IngestFailureCode.ProcessingFailed]: '解析过程中多次出现系统错误，请稍后重新上传',
};
