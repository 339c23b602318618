export * from './ingest-queue';
export * from './queue-connection';
