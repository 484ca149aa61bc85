import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import { dbFault, type DbFault } from './db-fault';
import type { Db } from './open-database';

/** Below this much free space beside an SQLite database, the disk counts as full: a delivery batch must still fit. */
const MIN_FREE_BYTES = 16 * 1024 * 1024;

export interface ProbeResult {
  fault: DbFault | null;
  /** What the database said, for the log. */
  detail: string | null;
}

/**
 * Whether the database takes a write now: on SQLite a real committed write (the header's
 * user_version set to itself) and the free space beside the file; on PostgreSQL a transaction id
 * assigned, which a read-only server or transaction refuses.
 */
export async function probeWrite(db: Db, sqliteFile: string | null): Promise<ProbeResult> {
  try {
    if (sqliteFile) {
      const { bavail, bsize } = statfsSync(sqliteFile);
      if (bavail * bsize < MIN_FREE_BYTES) return { fault: 'disk-full', detail: `${bavail * bsize} bytes free` };
      const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
      await sql.raw(`PRAGMA user_version = ${Number(rows[0]?.user_version ?? 0)}`).execute(db);
    } else {
      await sql`SELECT txid_current()`.execute(db);
    }
    return { fault: null, detail: null };
  } catch (error) {
    const fault = dbFault(error) ?? 'unreachable';
    return { fault, detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Before SQLite opens the file: it and its folder (where the write-ahead log goes) must take
 * writes, else SQLite fails with a bare "unable to open database file" or opens it read-only.
 */
export function sqliteFileWritable(file: string): ProbeResult {
  for (const path of existsSync(file) ? [file, dirname(file)] : [dirname(file)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      return { fault: dbFault(error) ?? 'read-only', detail: `${path}: ${(error as Error).message}` };
    }
  }
  return { fault: null, detail: null };
}
