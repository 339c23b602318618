import { inflateRawSync } from 'node:zlib';
import { ParseError, ParseErrorCode } from '../errors';
import type { ReaderLimits } from './limits';

/**
 * A guarded view of a zip container (.docx, .xlsx). The central directory is read and checked against the limits
 * BEFORE anything is inflated: entry count, declared sizes, encryption flags, bounds, no ZIP64. Entries are then
 * inflated one at a time by zlib with `maxOutputLength` set to what the budget still allows, so a container whose
 * headers lie about its sizes still cannot make the reader allocate more than the limit: zlib stops at the cap.
 */

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_LENGTH = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const STORED = 0;
const DEFLATED = 8;
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
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localHeaderOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > end) throw corrupt('zip entry name out of bounds');
    if (localHeaderOffset + 30 + compressedSize > directoryOffset) throw corrupt('zip entry data out of bounds');
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset, encrypted: (flags & 1) === 1 });
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

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

export class ZipContainer {
  private inflated = 0;
  private readonly byName: ReadonlyMap<string, ZipEntryInfo>;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntryInfo[],
    private readonly limits: ReaderLimits,
  ) {
    this.byName = new Map(entries.map((e) => [e.name, e]));
  }

  static open(bytes: Uint8Array, limits: ReaderLimits): ZipContainer {
    const entries = listZipEntries(bytes);
    checkDeclaredSizes(entries, limits);
    return new ZipContainer(bytes, entries, limits);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Inflates one entry, counting its bytes against the container's budget; zlib stops at what is left. */
  read(name: string): Uint8Array {
    const entry = this.byName.get(name);
    if (!entry) throw corrupt(`zip entry ${name} is missing`);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const local = entry.localHeaderOffset;
    if (view.getUint32(local, true) !== LOCAL_SIGNATURE) throw corrupt(`zip entry ${name} has no local header`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + entry.compressedSize > this.bytes.byteLength) throw corrupt(`zip entry ${name} data out of bounds`);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    const budget = this.limits.maxUncompressedBytes - this.inflated;
    const ratioCap = Math.max(RATIO_GRACE_BYTES, entry.compressedSize * MAX_INFLATION_RATIO);
    let output: Uint8Array;
    if (entry.method === STORED) {
      if (data.byteLength > budget) throw tooLarge(`zip entry ${name} is larger than the remaining budget`);
      output = data;
    } else if (entry.method === DEFLATED) {
      try {
        output = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(budget, ratioCap)) });
      } catch (error) {
        if (isBufferTooLarge(error)) {
          throw tooLarge(
            budget <= ratioCap
              ? `zip entry ${name} inflates past the limit of ${this.limits.maxUncompressedBytes} bytes`
              : `zip entry ${name} inflates more than ${MAX_INFLATION_RATIO} times its compressed size`,
          );
        }
        throw corrupt(`zip entry ${name} could not be inflated: ${describe(error)}`);
      }
    } else {
      throw corrupt(`zip entry ${name} uses compression method ${entry.method}`);
    }
    this.inflated += output.byteLength;
    return output;
  }

  /** Inflates every entry in turn, discarding the output, to prove the actual sizes fit the budget. */
  verifyActualSizes(): void {
    for (const entry of this.entries) {
      if (!entry.name.endsWith('/')) this.read(entry.name);
    }
    this.inflated = 0;
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
