/**
 * Upper bounds every reader enforces, so that a hostile or broken upload costs bounded time and memory.
 * Defaults fit real 年报 (a few hundred KB, under 30 pages) with a wide margin.
 */
export interface ReaderLimits {
  /** Size of the uploaded file. */
  maxBytes: number;
  /** PDF pages or spreadsheet sheets read; more than this is refused rather than silently cut. */
  maxPages: number;
  /** Entries in a .docx/.xlsx zip container. */
  maxZipEntries: number;
  /** Bytes a zip container may inflate to, declared and actual, all entries together. */
  maxUncompressedBytes: number;
  /** Characters of text a document may yield. */
  maxTextChars: number;
}

export const DEFAULT_READER_LIMITS: Readonly<ReaderLimits> = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxPages: 200,
  maxZipEntries: 2000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxTextChars: 10 * 1024 * 1024,
});

export function resolveLimits(overrides?: Partial<ReaderLimits>): ReaderLimits {
  const limits: ReaderLimits = { ...DEFAULT_READER_LIMITS };
  if (!overrides) return limits;
  for (const key of Object.keys(limits) as (keyof ReaderLimits)[]) {
    const value = overrides[key];
    if (value !== undefined && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}
