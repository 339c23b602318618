export enum RequestErrorCode {
  Invalid = 'invalid_request',
  NotFound = 'not_found',
}

/** The request itself is malformed (fields, parameters) or names a route that does not exist. */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
