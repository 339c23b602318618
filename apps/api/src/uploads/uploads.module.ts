import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '@nianbao/config';
import { INGEST_QUEUE } from '@nianbao/queue-contracts';
import { StagedFilesCleanupInterceptor } from './staged-files-cleanup.interceptor';
import { StagingStorageEngine } from './staging-storage-engine';
import { UploadRequeueService } from './upload-requeue.service';
import { UploadStaging, stagingDirectory } from './upload-staging';
import { UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

@Module({
  imports: [
    BullModule.registerQueue({ name: INGEST_QUEUE }),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // Each file goes to disk under STORAGE_DIR as it arrives, hashed on the way: at most one file is in memory
        // at a time (while its content is checked), not every file of the request.
        storage: new StagingStorageEngine(stagingDirectory(config)),
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
  providers: [UploadsService, UploadRequeueService, UploadStaging, StagedFilesCleanupInterceptor],
  exports: [UploadsService],
})
export class UploadsModule {}
