import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@nianbao/config';
import { PersistenceModule } from '@nianbao/persistence';
import { queueRootOptions } from '@nianbao/queue-contracts';
import { AgenciesModule } from './agencies/agencies.module';
import { AuthModule } from './auth/auth.module';
import { DemoModule } from './demo/demo.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { apiValidationPipe } from './errors/validation-pipe';
import { HealthModule } from './health/health.module';
import { ReportsModule } from './reports/reports.module';
import { StatsModule } from './stats/stats.module';
import { UploadsModule } from './uploads/uploads.module';

@Module({})
export class ApiModule {
  /** The HTTP app; `config` defaults to the validated process environment. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: queueRootOptions }),
        AuthModule,
        UploadsModule,
        AgenciesModule,
        ReportsModule,
        StatsModule,
        HealthModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: apiValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
