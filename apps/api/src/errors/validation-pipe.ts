import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { RequestError, RequestErrorCode } from './request.error';

function describe(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints?.whitelistValidation) return [`不允许的参数 ${path}`];
    const own = error.constraints ? [`参数 ${path} 不正确`] : [];
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** The one global pipe: DTOs validated and transformed, unknown fields refused, Chinese coded errors. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new RequestError(RequestErrorCode.Invalid, `请求参数不正确：${describe(errors).join('；')}`),
  });
}
