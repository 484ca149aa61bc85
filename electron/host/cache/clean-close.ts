import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * SQLite's integrity check reads every page of the cache (about 2 s at 100,000 requests), so it runs
 * only when the cache was not closed in order. An orderly close leaves `<file>.clean` holding the
 * file's identity as closed (inode, size, modification and change times); opening takes the mark
 * away before anything is written, so a crash from then on leaves none. A file that anyone changed,
 * replaced or left a write-ahead log beside since that close no longer matches its mark.
 */

const markOf = (file: string) => `${file}.clean`;

function identity(file: string): string | null {
  try {
    const stat = statSync(file, { bigint: true });
    return [stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':');
  } catch {
    return null;
  }
}

/** After the database is closed: the file as it is now was closed cleanly. */
export function markClosedCleanly(file: string): void {
  const closed = identity(file);
  if (closed !== null) writeFileSync(markOf(file), closed);
}

/** Whether the file is unchanged since a clean close; the mark is removed either way. */
export function takeCleanMark(file: string): boolean {
  let mark: string;
  try {
    mark = readFileSync(markOf(file), 'utf8');
  } catch {
    return false;
  }
  rmSync(markOf(file), { force: true });
  return identity(`${file}-wal`) === null && mark === identity(file);
}
