import {
  copyFileSync,
  existsSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import Database from 'better-sqlite3';

/**
 * The damage a workstation's cache file meets in the field, done for real to the bytes on disk
 * (docs/reliability.md): cut short, pages overwritten, an index's root page overwritten, the
 * write-ahead log deleted, an older copy put back.
 */

/** A seeded PRNG (mulberry32), so a damaged page set is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pageSizeOf = (file: string) => readFileSync(file).readUInt16BE(16);

export function truncateToHalf(file: string): void {
  truncateSync(file, Math.floor(statSync(file).size / 2));
}

function overwritePage(file: string, page: number, pageSize: number, next: () => number): void {
  const junk = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i += 1) junk[i] = Math.floor(next() * 256);
  const fd = openSync(file, 'r+');
  writeSync(fd, junk, 0, pageSize, (page - 1) * pageSize);
  closeSync(fd);
}

/** Overwrites `count` distinct pages (page 1 included in the draw) with random bytes; returns their numbers. */
export function overwriteRandomPages(file: string, count: number, seed = 1): number[] {
  const pageSize = pageSizeOf(file);
  const pages = Math.floor(statSync(file).size / pageSize);
  const next = random(seed);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pages)) chosen.add(1 + Math.floor(next() * pages));
  for (const page of chosen) overwritePage(file, page, pageSize, next);
  return [...chosen];
}

/** Overwrites the root page of one index (looked up before the damage); the file must have no WAL beside it. */
export function overwriteIndexRoot(file: string, index: string, seed = 2): number {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(index) as {
    rootpage: number;
  };
  db.close();
  overwritePage(file, rootpage, pageSizeOf(file), random(seed));
  return rootpage;
}

export function deleteWalAndShm(file: string): void {
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

/** A copy of the cache as it is on disk now (with its log, if any), to put back later as a restored backup would. */
export function copyCache(file: string, to: string): void {
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, to + suffix);
}

/** Puts an older copy back in place of the cache (a restored backup): the file, and its WAL only if the copy had one. */
export function restoreCopy(copy: string, file: string): void {
  deleteWalAndShm(file);
  for (const suffix of ['', '-wal']) if (existsSync(copy + suffix)) copyFileSync(copy + suffix, file + suffix);
}
