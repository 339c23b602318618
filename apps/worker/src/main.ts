import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadProcessConfig } from '@nianbao/config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadProcessConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  app.enableShutdownHooks();
  Logger.log(`worker consuming queue ingest (on ${config.queue.backend})`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  const code = error instanceof ConfigError ? ` [${error.code}]` : '';
  process.stderr.write(`${error instanceof Error ? `${error.name}${code}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
