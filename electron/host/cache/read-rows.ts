import type { SqlitePages } from './read-pages';

export type Value = null | number | bigint | string | Buffer;

/** One row found on a table b-tree leaf page: its rowid and its columns in table order. */
export interface FoundRow {
  rowid: bigint;
  values: Value[];
}

const TABLE_LEAF = 0x0d;

/**
 * Every row on every table leaf page, read cell by cell without going through any b-tree or index:
 * a damaged interior page, root page or index loses nothing that sits on a readable leaf. A cell
 * that cannot be decoded (its bytes overwritten, its overflow page gone) is passed over.
 */
export function readAllRows({ pageSize, reserved, pages, free }: SqlitePages): FoundRow[] {
  const usable = pageSize - reserved;
  const rows: FoundRow[] = [];
  for (const [n, page] of pages) {
    const start = n === 1 ? 100 : 0;
    if (free.has(n) || page[start] !== TABLE_LEAF) continue;
    const cells = page.readUInt16BE(start + 3);
    for (let i = 0; i < cells; i += 1) {
      const pointerAt = start + 8 + 2 * i;
      if (pointerAt + 2 > usable) break;
      try {
        rows.push(readCell(page, page.readUInt16BE(pointerAt), usable, pages));
      } catch {
        continue;
      }
    }
  }
  return rows;
}

function readCell(page: Buffer, at: number, usable: number, pages: Map<number, Buffer>): FoundRow {
  if (at < 8 || at >= usable) throw new Error('cell pointer out of the page');
  const [size, afterSize] = varint(page, at);
  const [rowid, afterRowid] = varint(page, afterSize);
  const total = Number(size);
  const maxLocal = usable - 35;
  let payload: Buffer;
  if (total <= maxLocal) {
    payload = slice(page, afterRowid, total);
  } else {
    // Spilled to overflow pages: the local part's size is fixed by the format.
    const minLocal = Math.floor(((usable - 12) * 32) / 255) - 23;
    const k = minLocal + ((total - minLocal) % (usable - 4));
    const local = k <= maxLocal ? k : minLocal;
    const parts = [slice(page, afterRowid, local)];
    let got = local;
    let next = page.readUInt32BE(afterRowid + local);
    while (got < total) {
      const overflow = pages.get(next);
      if (!overflow) throw new Error(`overflow page ${next} is missing`);
      const take = Math.min(usable - 4, total - got);
      parts.push(overflow.subarray(4, 4 + take));
      got += take;
      next = overflow.readUInt32BE(0);
    }
    payload = Buffer.concat(parts);
  }
  return { rowid, values: decodeRecord(payload) };
}

function slice(page: Buffer, at: number, length: number): Buffer {
  if (at + length > page.length) throw new Error('cell runs past the page');
  return page.subarray(at, at + length);
}

function decodeRecord(payload: Buffer): Value[] {
  const [headerSize, first] = varint(payload, 0);
  const headerEnd = Number(headerSize);
  if (headerEnd > payload.length || headerEnd < 1) throw new Error('record header out of the record');
  const types: number[] = [];
  for (let at = first; at < headerEnd;) {
    const [type, next] = varint(payload, at);
    types.push(Number(type));
    at = next;
  }
  const values: Value[] = [];
  let at = headerEnd;
  for (const type of types) {
    const [value, length] = decodeValue(payload, at, type);
    values.push(value);
    at += length;
  }
  if (at !== payload.length) throw new Error('record length does not match its header');
  return values;
}

const INT_BYTES = [0, 1, 2, 3, 4, 6, 8];

function decodeValue(payload: Buffer, at: number, type: number): [Value, number] {
  if (type === 0) return [null, 0];
  if (type >= 1 && type <= 6) {
    const bytes = INT_BYTES[type]!;
    if (at + bytes > payload.length) throw new Error('integer past the record');
    if (type < 6) return [payload.readIntBE(at, bytes), bytes];
    const big = payload.readBigInt64BE(at);
    return [Number.isSafeInteger(Number(big)) ? Number(big) : big, bytes];
  }
  if (type === 7) {
    if (at + 8 > payload.length) throw new Error('real past the record');
    return [payload.readDoubleBE(at), 8];
  }
  if (type === 8 || type === 9) return [type - 8, 0];
  if (type < 12) throw new Error(`serial type ${type} is reserved`);
  const length = Math.floor((type - 12) / 2);
  if (at + length > payload.length) throw new Error('text or blob past the record');
  const bytes = payload.subarray(at, at + length);
  return [type % 2 === 1 ? new TextDecoder('utf-8', { fatal: true }).decode(bytes) : Buffer.from(bytes), length];
}

/** SQLite's big-endian varint: 7 bits a byte, the ninth byte whole. */
function varint(buffer: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 8; i += 1) {
    const byte = buffer[at + i];
    if (byte === undefined) throw new Error('varint past the end');
    value = (value << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  const last = buffer[at + 8];
  if (last === undefined) throw new Error('varint past the end');
  return [(value << 8n) | BigInt(last), at + 9];
}
