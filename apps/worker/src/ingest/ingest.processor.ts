import { Processor, WorkerHost } from '@nestjs/bullmq';
import { INGEST_QUEUE, IngestJobName, type ParseUploadPayload } from '@nianbao/queue-contracts';
import { UnrecoverableError, type Job } from 'bullmq';
import { PARSE_THREADS } from './parse-pool';
import { ParseUploadHandler, type ParseUploadOutcome } from './parse-upload.handler';

/** Jobs run at once: one per parse thread, so that a job's parse never queues behind another's. */
const INGEST_CONCURRENCY = PARSE_THREADS;

/** The ingest queue's consumer: routes each job to its handler. */
@Processor(INGEST_QUEUE, { concurrency: INGEST_CONCURRENCY })
export class IngestProcessor extends WorkerHost {
  constructor(private readonly parseUpload: ParseUploadHandler) {
    super();
  }

  async process(job: Job<ParseUploadPayload, ParseUploadOutcome, string>): Promise<ParseUploadOutcome> {
    const name = job.name as IngestJobName;
    switch (name) {
      case IngestJobName.ParseUpload:
        return this.parseUpload.handle(job);
      default: {
        const unknown: never = name;
        throw new UnrecoverableError(`unknown job ${String(unknown)} on queue ${INGEST_QUEUE}`);
      }
    }
  }
}
