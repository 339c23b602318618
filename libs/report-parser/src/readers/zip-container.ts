import JSZip from 'jszip';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';

/**
 * A guarded view of a zip container (.docx, .xlsx). The central directory is read and checked against the limits
 * BEFORE anything is inflated: entry count, declared sizes, encryption flags, bounds. Entries are then inflated one at
 * a time through a stream that stops as soon as the actual output passes the remaining budget, so a container whose
 * headers lie about its sizes still cannot take more memory than the limit.
 */

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
/**
 * Office XML deflates about 5–20 : 1. Past the first megabyte, an entry inflating to more than this many times its
 * compressed size is a bomb, whatever the total budget still allows (the ratio test of argus#24).
 */
const MAX_INFLATION_RATIO = 100;
const RATIO_GRACE_BYTES = 1024 * 1024;

function corrupt(detail: string): ParseError {
  return new ParseError(ParseErrorCode.Corrupt, undefined, detail);
}

function tooLarge(detail: string): ParseError {
  return new ParseError(ParseErrorCode.TooLarge, '文件解压后过大，超过允许的上限', detail);
}

function findEndOfCentralDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - EOCD_MIN_LENGTH - MAX_COMMENT_LENGTH);
  for (let offset = view.byteLength - EOCD_MIN_LENGTH; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

/** Reads the central directory without inflating anything. Throws corrupt_file when it is missing or out of bounds. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_MIN_LENGTH) throw corrupt('zip shorter than its end record');
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt('zip end of central directory not found (truncated file?)');
  const totalEntries = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (totalEntries === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw corrupt('ZIP64 containers are not accepted');
  }
  if (directoryOffset + directorySize > eocd) throw corrupt('zip central directory points out of bounds');

  const entries: ZipEntryInfo[] = [];
  let offset = directoryOffset;
  const end = directoryOffset + directorySize;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < totalEntries; i++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw corrupt('zip central directory entry is damaged');
    }
    const flags = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > end) throw corrupt('zip entry name out of bounds');
    if (localHeaderOffset + 30 > directoryOffset || localHeaderOffset + compressedSize > directoryOffset) {
      throw corrupt('zip entry data out of bounds');
    }
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, encrypted: (flags & 1) === 1 });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The zip bomb guard on declared figures: entry count and total declared uncompressed size. */
export function checkDeclaredSizes(entries: readonly ZipEntryInfo[], limits: ReaderLimits): void {
  if (entries.length > limits.maxZipEntries) {
    throw tooLarge(`zip has ${entries.length} entries, limit ${limits.maxZipEntries}`);
  }
  let declared = 0;
  for (const entry of entries) {
    if (entry.encrypted) throw new ParseError(ParseErrorCode.Encrypted, undefined, `zip entry ${entry.name} is encrypted`);
    declared += entry.uncompressedSize;
    if (declared > limits.maxUncompressedBytes) {
      throw tooLarge(`zip declares more than ${limits.maxUncompressedBytes} uncompressed bytes`);
    }
  }
}

export class ZipContainer {
  private inflated = 0;

  private constructor(
    private readonly zip: JSZip,
    readonly entries: readonly ZipEntryInfo[],
    private readonly limits: ReaderLimits,
  ) {}

  static async open(bytes: Uint8Array, limits: ReaderLimits): Promise<ZipContainer> {
    const entries = listZipEntries(bytes);
    checkDeclaredSizes(entries, limits);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
    } catch (error) {
      throw corrupt(`zip could not be opened: ${describe(error)}`);
    }
    return new ZipContainer(zip, entries, limits);
  }

  has(name: string): boolean {
    return this.zip.file(name) !== null;
  }

  /** Inflates one entry, counting every byte against the container's budget; stops early when it runs out. */
  async read(name: string): Promise<Uint8Array> {
    return this.inflate(name, true);
  }

  private async inflate(name: string, keep: boolean): Promise<Uint8Array> {
    const file = this.zip.file(name);
    if (!file) throw corrupt(`zip entry ${name} is missing`);
    const budget = this.limits.maxUncompressedBytes - this.inflated;
    const compressed = this.entries.find((e) => e.name === name)?.compressedSize ?? 0;
    const ratioCap = compressed * MAX_INFLATION_RATIO;
    const chunks: Uint8Array[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = file.internalStream('uint8array');
      stream
        .on('data', (chunk: Uint8Array) => {
          total += chunk.byteLength;
          if (total > RATIO_GRACE_BYTES && total > ratioCap) {
            stream.pause();
            reject(tooLarge(`zip entry ${name} inflates more than ${MAX_INFLATION_RATIO} times its compressed size`));
            return;
          }
          if (total > budget) {
            stream.pause();
            reject(tooLarge(`zip entry ${name} inflates past the limit of ${this.limits.maxUncompressedBytes} bytes`));
            return;
          }
          if (keep) chunks.push(chunk);
        })
        .on('error', (error: Error) => reject(corrupt(`zip entry ${name} could not be inflated: ${describe(error)}`)))
        .on('end', () => resolve())
        .resume();
    });
    this.inflated += total;
    return concat(chunks, keep ? total : 0);
  }

  /** Inflates every entry in turn, discarding the output, to prove the actual sizes fit the budget. */
  async verifyActualSizes(): Promise<void> {
    for (const entry of this.entries) {
      if (!entry.name.endsWith('/')) await this.inflate(entry.name, false);
    }
    this.inflated = 0;
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  if (chunks.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
