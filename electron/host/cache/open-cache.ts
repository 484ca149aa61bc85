import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CacheError } from './cache-error';
import { markClosedCleanly, takeCleanMark } from './clean-close';
import { MIGRATIONS } from './migrations';

export type Cache = Database.Database;

/** 'YWWS' — marks a file as a Yiwang workstation cache, so a foreign SQLite file is never migrated. */
export const CACHE_APPLICATION_ID = 0x59575753;
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) the workstation cache: checks the file is ours and readable (every page
 * of it only after an unclean close, see clean-close.ts), sets the pragmas, and brings the schema up
 * to date one migration at a time.
 */
export function openCache(file: string): Cache {
  mkdirSync(dirname(file), { recursive: true });
  const closedCleanly = takeCleanMark(file);
  let db: Cache;
  try {
    // Under Electron the launcher points at a build of the native module made for Electron's ABI.
    const nativeBinding = process.env.YIWANG_SQLITE_BINDING;
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw new CacheError('corrupt', file, describe(error));
  }
  try {
    checkIdentity(db, file, !closedCleanly);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw new CacheError('corrupt', file, 'could not switch to WAL journal mode');
    }
    // FULL: a decision the operator saw taken is in the flushed write-ahead log before the host
    // answers, so a power cut cannot take it back (NORMAL would lose the last commits). About 4 ms a
    // decision here, nothing at the speed of keys; pull pages are few large commits.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof CacheError) throw error;
    throw new CacheError('corrupt', file, describe(error));
  }
}

/** Closes the cache and marks it closed in order, so the next open skips the integrity check. */
export function closeCache(db: Cache): void {
  db.close();
  markClosedCleanly(db.name);
}

/** The header reads (application_id, user_version, the schema) catch a file that is not SQLite or not ours at any open. */
function checkIdentity(db: Cache, file: string, checkPages: boolean): void {
  let applicationId: number;
  let userVersion: number;
  let objects: number;
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    userVersion = db.pragma('user_version', { simple: true }) as number;
    objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
    if (checkPages) {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
    }
  } catch (error) {
    throw new CacheError('corrupt', file, describe(error));
  }
  const blank = applicationId === 0 && userVersion === 0 && objects === 0;
  if (!blank && applicationId !== CACHE_APPLICATION_ID) {
    throw new CacheError('foreign', file, `application_id is ${applicationId}, expected ${CACHE_APPLICATION_ID}`);
  }
  if (userVersion > MIGRATIONS.length) {
    throw new CacheError('too-new', file, `schema version ${userVersion}, this build knows ${MIGRATIONS.length}`);
  }
}

/** Each step and its version bump commit together, so a crash leaves the file at a whole version. */
function migrate(db: Cache): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  MIGRATIONS.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`application_id = ${CACHE_APPLICATION_ID}`);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
