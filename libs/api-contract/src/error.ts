import type { RejectedUpload } from './upload';

/** A stable string code beside a Chinese message, for a request or for one file. */
export interface ErrorDetail<Code extends string = string> {
  code: Code;
  message: string;
}

/** The body of every answer that is not a success. */
export interface ApiErrorBody extends ErrorDetail {
  statusCode: number;
  /** Only when every file of `POST /api/uploads` was rejected: each file's own reason, in the order sent. */
  files?: RejectedUpload[];
}
