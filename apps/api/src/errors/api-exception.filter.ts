import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@nianbao/api-contract';
import type { Response } from 'express';
import { ReportError, ReportErrorCode } from '../reports/report.error';
import { StatsError, StatsErrorCode } from '../stats/stats.error';
import { UPLOAD_ERROR_MESSAGES, UploadError, UploadErrorCode } from '../uploads/upload.error';
import { RequestError, RequestErrorCode } from './request.error';

type CodedError = RequestError | UploadError | ReportError | StatsError;

const STATUS_BY_CODE: Record<RequestErrorCode | UploadErrorCode | ReportErrorCode | StatsErrorCode, HttpStatus> = {
  [RequestErrorCode.Invalid]: HttpStatus.BAD_REQUEST,
  [RequestErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UploadErrorCode.NoFiles]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.TooManyFiles]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.FileTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [UploadErrorCode.UnexpectedField]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.UnsupportedType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [UploadErrorCode.InvalidFileName]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.ExtensionMismatch]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [UploadErrorCode.LegacySpreadsheet]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [UploadErrorCode.EmptyFile]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UploadErrorCode.CorruptFile]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UploadErrorCode.EncryptedFile]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UploadErrorCode.FilesRejected]: HttpStatus.UNPROCESSABLE_ENTITY,
  [UploadErrorCode.UnknownAgency]: HttpStatus.BAD_REQUEST,
  [UploadErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [UploadErrorCode.QueueUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ReportErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [StatsErrorCode.UnknownMetric]: HttpStatus.BAD_REQUEST,
};

/** Multer's limit errors arrive as HttpExceptions carrying multer's English message; give them our codes. */
const MULTER_ERRORS: Readonly<Record<string, UploadErrorCode>> = {
  'File too large': UploadErrorCode.FileTooLarge,
  'Too many files': UploadErrorCode.TooManyFiles,
  'Too many parts': UploadErrorCode.TooManyFiles,
  'Unexpected field': UploadErrorCode.UnexpectedField,
  'Unexpected file field': UploadErrorCode.UnexpectedField,
};

function fromHttpException(exception: HttpException): CodedError {
  const upload = MULTER_ERRORS[exception.message];
  if (upload) return new UploadError(upload, UPLOAD_ERROR_MESSAGES[upload]);
  switch (exception.getStatus()) {
    case HttpStatus.NOT_FOUND:
      return new RequestError(RequestErrorCode.NotFound, '找不到请求的地址');
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return new UploadError(UploadErrorCode.FileTooLarge);
    default:
      return new RequestError(RequestErrorCode.Invalid, '请求不正确');
  }
}

/**
 * The one place errors become HTTP answers: `{ statusCode, code, message }` (plus `files` when every file of an
 * upload was rejected); anything unknown is a logged 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const coded =
      exception instanceof RequestError ||
      exception instanceof UploadError ||
      exception instanceof ReportError ||
      exception instanceof StatsError
        ? exception
        : exception instanceof HttpException && exception.getStatus() < 500
          ? fromHttpException(exception)
          : null;
    if (coded) {
      const statusCode = STATUS_BY_CODE[coded.code];
      const files = coded instanceof UploadError && coded.files ? { files: [...coded.files] } : {};
      const body: ApiErrorBody = { statusCode, code: coded.code, message: coded.message, ...files };
      response.status(statusCode).json(body);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const body: ApiErrorBody = {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal_error',
      message: '服务器内部错误，请稍后重试',
    };
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json(body);
  }
}
