import { NestFactory } from '@nestjs/core';
import { ConfigError, loadProcessConfig } from '@nianbao/config';
import { ApiModule } from '../api.module';
import { DemoSeedService } from './demo-seed.service';

/** `npm run demo:seed`: enqueues the demo city's reports (a running worker parses them); safe to run again. */
async function seedDemo(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(loadProcessConfig()), {
    logger: ['log', 'error', 'warn'],
  });
  try {
    const summary = await app.get(DemoSeedService).seed();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await app.close();
  }
}

seedDemo().catch((error: unknown) => {
  const code = error instanceof ConfigError ? ` [${error.code}]` : '';
  process.stderr.write(`${error instanceof Error ? `${error.name}${code}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
