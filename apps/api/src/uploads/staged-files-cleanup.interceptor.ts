import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, concatMap, from, throwError, type Observable } from 'rxjs';
import { UploadStaging } from './upload-staging';

/**
 * Wraps the multer interceptor: whatever happens to the request (accepted, rejected, a bad field refused by the
 * validation pipe before the handler ran, a queue error), the staged files still in the staging directory are
 * removed before the answer goes out. Files the service moved into the store are gone from there already.
 */
@Injectable()
export class StagedFilesCleanupInterceptor implements NestInterceptor {
  constructor(private readonly staging: UploadStaging) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const discard = (): Promise<void> => {
      const files = Array.isArray(request.files) ? request.files : [];
      return this.staging.discard(files.filter((file) => typeof file.path === 'string'));
    };
    return next.handle().pipe(
      concatMap(async (result: unknown) => {
        await discard();
        return result;
      }),
      catchError((error: unknown) => from(discard()).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}
