import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@nianbao/config';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const API_PREFIX = 'api';

/**
 * HTTP concerns outside the routes: `/api` prefix, nosniff on every answer, and the built web app (when present)
 * served from WEB_DIST_DIR with an index.html fallback for client-side routes. Uploads are never served.
 */
export function configureHttp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX);
  (app.getHttpAdapter().getInstance() as express.Express).disable('x-powered-by');
  app.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });
  const webRoot = resolve(config.webDistDir);
  const index = join(webRoot, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(webRoot, { index: false, fallthrough: true }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && request.accepts('html') === 'html';
    if (!isPage || request.path === `/${API_PREFIX}` || request.path.startsWith(`/${API_PREFIX}/`)) return next();
    response.sendFile(index);
  });
}
