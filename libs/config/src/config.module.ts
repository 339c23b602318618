import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadProcessConfig, type AppConfig } from './app-config';

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Validates the environment now (at module creation), or takes an already validated config (tests). */
  static forRoot(config: AppConfig = loadProcessConfig()): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
