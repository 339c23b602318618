/** Why the worker, rather than the parser, refused an upload. Stored on the upload like a ParseError code. */
export enum IngestFailureCode {
  YearUnknown = 'year_unknown',
  AgencyUnknown = 'agency_unknown',
  ProcessingFailed = 'processing_failed',
  ParseTimeout = 'parse_timeout',
  ParseOutOfMemory = 'parse_out_of_memory',
}

export const INGEST_FAILURE_MESSAGES: Record<IngestFailureCode, string> = {
  [IngestFailureCode.YearUnknown]: '无法确定报告年度：文件中没有找到年度，上传时也未填写年度',
  [IngestFailureCode.AgencyUnknown]: '无法确定报告单位：文件中没有找到单位名称，上传时也未选择单位',
  [IngestFailureCode.ProcessingFailed]: '解析过程中多次出现系统错误，请稍后重新上传',
  [IngestFailureCode.ParseTimeout]:
    '解析超时：该文件未能在规定时间内解析完成，已停止解析。请确认文件内容完整，或另存为 .docx 后重新上传',
  [IngestFailureCode.ParseOutOfMemory]:
    '解析所需内存超出上限，已停止解析：文件可能过大或结构异常，请精简内容或另存为 .docx 后重新上传',
};
