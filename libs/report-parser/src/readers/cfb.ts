/**
 * Just enough of the OLE2 Compound File Binary format to tell what an OLE container holds: Word 97 (.doc, .wps),
 * Excel 97 (.xls, .et), or an encrypted OOXML package (a password-protected .docx/.xlsx is an OLE container with
 * EncryptionInfo and EncryptedPackage streams). Reads the directory only; never follows a chain further than the
 * file allows.
 */

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  startSector: number;
  size: number;
}

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR_ID = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 512 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

class CfbFile {
  readonly sectorSize: number;
  private readonly view: DataView;
  private readonly fat: number[] = [];

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(0x1e, true);
    if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
    this.sectorSize = 1 << shift;
    this.readFat();
  }

  private sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  private sectorInFile(sector: number): boolean {
    return sector <= MAX_SECTOR_ID && this.sectorOffset(sector) + this.sectorSize <= this.bytes.byteLength;
  }

  private readFat(): void {
    const fatSectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
      const sector = this.view.getUint32(0x4c + i * 4, true);
      if (this.sectorInFile(sector)) fatSectors.push(sector);
    }
    let difat = this.view.getUint32(0x44, true);
    const perSector = this.sectorSize / 4 - 1;
    const maxDifatSectors = Math.ceil(this.bytes.byteLength / this.sectorSize);
    for (let hops = 0; this.sectorInFile(difat) && hops < maxDifatSectors; hops++) {
      const base = this.sectorOffset(difat);
      for (let i = 0; i < perSector; i++) {
        const sector = this.view.getUint32(base + i * 4, true);
        if (this.sectorInFile(sector)) fatSectors.push(sector);
      }
      difat = this.view.getUint32(base + perSector * 4, true);
    }
    for (const sector of fatSectors) {
      const base = this.sectorOffset(sector);
      for (let i = 0; i < this.sectorSize / 4; i++) this.fat.push(this.view.getUint32(base + i * 4, true));
    }
  }

  /** Sector ids of a chain, stopping at the end marker, a loop or a sector outside the file. */
  chain(start: number, maxSectors: number): number[] {
    const sectors: number[] = [];
    const seen = new Set<number>();
    let sector = start;
    while (sector !== END_OF_CHAIN && this.sectorInFile(sector) && !seen.has(sector) && sectors.length < maxSectors) {
      seen.add(sector);
      sectors.push(sector);
      sector = sector < this.fat.length ? this.fat[sector] : END_OF_CHAIN;
    }
    return sectors;
  }

  directory(): CfbEntry[] {
    const first = this.view.getUint32(0x30, true);
    const entries: CfbEntry[] = [];
    const maxSectors = Math.ceil(this.bytes.byteLength / this.sectorSize);
    for (const sector of this.chain(first, maxSectors)) {
      const base = this.sectorOffset(sector);
      for (let offset = base; offset + 128 <= base + this.sectorSize; offset += 128) {
        const nameLength = Math.min(this.view.getUint16(offset + 0x40, true), 64);
        const type = this.bytes[offset + 0x42];
        if (type === 0 || nameLength < 2) continue;
        let name = '';
        for (let i = 0; i + 1 < nameLength - 1; i += 2) name += String.fromCharCode(this.view.getUint16(offset + i, true));
        entries.push({
          name,
          type,
          startSector: this.view.getUint32(offset + 0x74, true),
          size: this.view.getUint32(offset + 0x78, true),
        });
      }
    }
    return entries;
  }

  /** The first bytes of a stream stored in regular sectors (streams of 4096 bytes or more). */
  streamHead(entry: CfbEntry, length: number): Uint8Array | null {
    if (entry.size < 4096 || !this.sectorInFile(entry.startSector)) return null;
    const start = this.sectorOffset(entry.startSector);
    return this.bytes.subarray(start, start + Math.min(length, this.sectorSize));
  }
}

export interface CfbSummary {
  streams: ReadonlySet<string>;
  /** Word 97: the FIB's fEncrypted flag. */
  wordEncrypted: boolean;
}

/** Directory names and the Word encryption flag, or null when the container cannot be read at all. */
export function summariseCfb(bytes: Uint8Array): CfbSummary | null {
  try {
    const file = new CfbFile(bytes);
    const entries = file.directory();
    const streams = new Set(entries.map((e) => e.name));
    const word = entries.find((e) => e.name === 'WordDocument' && e.type === 2);
    let wordEncrypted = false;
    if (word) {
      const fib = file.streamHead(word, 12);
      if (fib && fib.byteLength >= 12) wordEncrypted = (((fib[0x0b] << 8) | fib[0x0a]) & 0x0100) !== 0;
    }
    return { streams, wordEncrypted };
  } catch {
    return null;
  }
}
