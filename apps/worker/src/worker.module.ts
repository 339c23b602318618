import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@nianbao/config';
import { PersistenceModule } from '@nianbao/persistence';
import { queueRootOptions } from '@nianbao/queue-contracts';
import { IngestModule } from './ingest/ingest.module';

@Module({})
export class WorkerModule {
  /** The queue consumers; `config` defaults to the validated process environment. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        BullModule.forRootAsync({ inject: [APP_CONFIG], useFactory: queueRootOptions }),
        IngestModule,
      ],
    };
  }
}
