import { readFileSync } from 'node:fs';

/**
 * The pages of a SQLite file as its last committed transaction left them: the main file's whole
 * pages, with each page's newest committed copy from the write-ahead log (`<file>-wal`) laid over
 * them. Read from the bytes, not through SQLite, so that a damaged header, b-tree or index cannot
 * stop the rest from being read (https://www.sqlite.org/fileformat2.html).
 */
export interface SqlitePages {
  pageSize: number;
  /** Bytes at the end of each page that belong to extensions, not to the b-tree. */
  reserved: number;
  pages: Map<number, Buffer>;
  /** Pages on the freelist: their old contents are no longer part of any table. */
  free: Set<number>;
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DEFAULT_PAGE_SIZE = 4096;
const WAL_HEADER_BYTES = 32;
const WAL_FRAME_HEADER_BYTES = 24;

export function readSqlitePages(file: string): SqlitePages {
  const main = readOrEmpty(file);
  const wal = readOrEmpty(`${file}-wal`);
  const pageSize = pageSizeOf(main) ?? walPageSize(wal) ?? DEFAULT_PAGE_SIZE;
  const pages = new Map<number, Buffer>();
  // A partial last page (a truncated file) is left out: its cells sit at the page's end.
  for (let n = 1; n * pageSize <= main.length; n += 1) pages.set(n, main.subarray((n - 1) * pageSize, n * pageSize));
  for (const [n, page] of committedWalFrames(wal, pageSize)) pages.set(n, page);
  const first = pages.get(1);
  const reserved = first && first.subarray(0, 16).equals(HEADER) ? first[20]! : 0;
  return { pageSize, reserved, pages, free: freelist(pages, pageSize) };
}

function readOrEmpty(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

function validPageSize(size: number): number | null {
  const bytes = size === 1 ? 65536 : size;
  return bytes >= 512 && bytes <= 65536 && (bytes & (bytes - 1)) === 0 ? bytes : null;
}

function pageSizeOf(main: Buffer): number | null {
  return main.length >= 100 && main.subarray(0, 16).equals(HEADER) ? validPageSize(main.readUInt16BE(16)) : null;
}

function walMagic(wal: Buffer): 'le' | 'be' | null {
  if (wal.length < WAL_HEADER_BYTES) return null;
  const magic = wal.readUInt32BE(0);
  return magic === 0x377f0682 ? 'le' : magic === 0x377f0683 ? 'be' : null;
}

function walPageSize(wal: Buffer): number | null {
  return walMagic(wal) ? validPageSize(wal.readUInt32BE(8)) : null;
}

/**
 * The log's frames up to its last commit whose salts and running checksum hold, as SQLite itself
 * replays them: a frame torn by a crash, or one of a transaction that never committed, ends it.
 */
function committedWalFrames(wal: Buffer, pageSize: number): Map<number, Buffer> {
  const committed = new Map<number, Buffer>();
  const order = walMagic(wal);
  if (!order || walPageSize(wal) !== pageSize) return committed;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let sum = checksum(order, wal.subarray(0, 24), [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return committed;
  const pending = new Map<number, Buffer>();
  const frameBytes = WAL_FRAME_HEADER_BYTES + pageSize;
  for (let at = WAL_HEADER_BYTES; at + frameBytes <= wal.length; at += frameBytes) {
    const header = wal.subarray(at, at + WAL_FRAME_HEADER_BYTES);
    if (header.readUInt32BE(8) !== salt1 || header.readUInt32BE(12) !== salt2) break;
    const page = wal.subarray(at + WAL_FRAME_HEADER_BYTES, at + frameBytes);
    sum = checksum(order, page, checksum(order, header.subarray(0, 8), sum));
    if (sum[0] !== header.readUInt32BE(16) || sum[1] !== header.readUInt32BE(20)) break;
    pending.set(header.readUInt32BE(0), page);
    if (header.readUInt32BE(4) !== 0) {
      for (const [n, p] of pending) committed.set(n, p);
      pending.clear();
    }
  }
  return committed;
}

/** SQLite's WAL checksum: 32-bit words in the log's byte order, summed in pairs, carried frame to frame. */
function checksum(order: 'le' | 'be', data: Buffer, [s0, s1]: [number, number]): [number, number] {
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = order === 'be' ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = order === 'be' ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** The freelist's trunk and leaf pages, as far as page 1's header and the trunk chain can be followed. */
function freelist(pages: Map<number, Buffer>, pageSize: number): Set<number> {
  const free = new Set<number>();
  const first = pages.get(1);
  if (!first || !first.subarray(0, 16).equals(HEADER)) return free;
  for (let trunk = first.readUInt32BE(32); trunk !== 0 && !free.has(trunk);) {
    const page = pages.get(trunk);
    if (!page) break;
    free.add(trunk);
    const leaves = page.readUInt32BE(4);
    for (let i = 0; i < leaves && 8 + 4 * i + 4 <= pageSize; i += 1) free.add(page.readUInt32BE(8 + 4 * i));
    trunk = page.readUInt32BE(0);
  }
  return free;
}
