import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadProcessConfig } from '@nianbao/config';
import { ApiModule } from './api.module';
import { configureHttp } from './http-setup';

async function bootstrap(): Promise<void> {
  const config = loadProcessConfig();
  const app = await NestFactory.create(ApiModule.forRoot(config));
  configureHttp(app, config);
  app.enableShutdownHooks();
  await app.listen(config.port);
  Logger.log(`api listening on http://127.0.0.1:${config.port}/api (queue on ${config.queue.backend})`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  const code = error instanceof ConfigError ? ` [${error.code}]` : '';
  process.stderr.write(`${error instanceof Error ? `${error.name}${code}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
