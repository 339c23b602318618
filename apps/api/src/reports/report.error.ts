export enum ReportErrorCode {
  NotFound = 'report_not_found',
}

export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}
