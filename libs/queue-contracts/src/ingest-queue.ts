import type { JobsOptions } from 'bullmq';

/** The queue between the api (producer) and the worker (consumer). */
export const INGEST_QUEUE = 'ingest';

export enum IngestJobName {
  ParseUpload = 'parse-upload',
}

/** Ids, never documents: the bytes stay in storage, the rows in Postgres. */
export interface ParseUploadPayload {
  uploadId: string;
}

export interface IngestJobPayloads {
  [IngestJobName.ParseUpload]: ParseUploadPayload;
}

/**
 * One job per upload and revision: enqueueing the same upload twice adds one job. A legitimate re-run bumps the
 * upload's revision. BullMQ forbids `:` in custom ids, hence the dashes.
 */
export function parseUploadJobId(uploadId: string, revision = 0): string {
  return `${IngestJobName.ParseUpload}-${uploadId}-r${revision}`;
}

/** Transient faults (database, storage) retry with 2 s, 4 s, 8 s, 16 s backoff; bad input never retries. */
export const PARSE_UPLOAD_JOB_OPTIONS: Readonly<JobsOptions> = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 5000, age: 30 * 24 * 3600 },
};

export function parseUploadJobOptions(uploadId: string, revision = 0): JobsOptions {
  return { ...PARSE_UPLOAD_JOB_OPTIONS, jobId: parseUploadJobId(uploadId, revision) };
}
