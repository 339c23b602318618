import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { INGEST_QUEUE } from '@nianbao/queue-contracts';
import { IngestProcessor } from './ingest.processor';
import { ParsePool } from './parse-pool';
import { ParseUploadHandler } from './parse-upload.handler';

@Module({
  imports: [BullModule.registerQueue({ name: INGEST_QUEUE })],
  providers: [IngestProcessor, ParseUploadHandler, ParsePool],
})
export class IngestModule {}
