import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { HealthView, PartState } from '@nianbao/api-contract';
import { INGEST_QUEUE } from '@nianbao/queue-contracts';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<PartState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(INGEST_QUEUE) private readonly ingest: Queue,
  ) {}

  async check(): Promise<HealthView> {
    const [database, queue] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.ingest.getJobCounts('waiting')),
    ]);
    return { status: database === 'up' && queue === 'up' ? 'ok' : 'degraded', database, queue };
  }
}
