import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { INGEST_QUEUE } from '@nianbao/queue-contracts';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [BullModule.registerQueue({ name: INGEST_QUEUE })],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
