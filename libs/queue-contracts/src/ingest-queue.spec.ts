import { IngestJobName, parseUploadJobId, parseUploadJobOptions } from './ingest-queue';

describe('ingest queue contract', () => {
  const uploadId = '0b6f3c8e-5d1a-4f57-9a55-0c2f4a6b7d11';

  it('gives the same job id for the same upload and revision, and a new one for a re-run', () => {
    expect(parseUploadJobId(uploadId)).toBe(parseUploadJobId(uploadId, 0));
    expect(parseUploadJobId(uploadId, 1)).not.toBe(parseUploadJobId(uploadId, 0));
    expect(parseUploadJobId(uploadId)).toBe(`${IngestJobName.ParseUpload}-${uploadId}-r0`);
  });

  it('builds ids BullMQ accepts (no colon, not all digits)', () => {
    const id = parseUploadJobId(uploadId, 3);
    expect(id).not.toContain(':');
    expect(/^\d+$/.test(id)).toBe(false);
  });

  it('retries with exponential backoff and keeps bounded history', () => {
    const options = parseUploadJobOptions(uploadId);
    expect(options.attempts).toBeGreaterThan(1);
    expect(options.backoff).toEqual({ type: 'exponential', delay: 2000 });
    expect(options.removeOnComplete).toEqual(expect.objectContaining({ count: expect.any(Number) }));
    expect(options.removeOnFail).toEqual(expect.objectContaining({ count: expect.any(Number) }));
  });
});
