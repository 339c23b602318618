import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@nianbao/config';
import { INGEST_QUEUE } from '@nianbao/queue-contracts';
import { memoryStorage } from 'multer';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

@Module({
  imports: [
    BullModule.registerQueue({ name: INGEST_QUEUE }),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        defParamCharset: 'utf8',
        // The name exactly as sent, directories included, so that a name with a path is refused rather than cut.
        preservePath: true,
        limits: {
          fileSize: config.uploadLimits.maxFileBytes,
          files: config.uploadLimits.maxFilesPerRequest,
          fields: 10,
          fieldSize: 1024,
          parts: config.uploadLimits.maxFilesPerRequest + 10,
        },
      }),
    }),
  ],
  controllers: [UploadsController],
  providers: [UploadsService],
  exports: [UploadsService],
})
export class UploadsModule {}
