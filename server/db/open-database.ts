import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withCachedStatements } from './cached-statements';
import type { Database } from './schema';

export type Db = Kysely<Database>;

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database named by `sqlite:<path>` (embedded, the default) or `postgres://…`.
 * SQLite runs in WAL mode so readers (a second process, a backup) never block the server.
 */
export function openDatabase(databaseUrl: string): Db {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    // In WAL mode NORMAL syncs the log at checkpoints rather than at every commit: a commit survives
    // the server process crashing, and the file never corrupts, but a power cut can lose the last
    // moments of commits. FULL would add a disk flush (about 2 ms here) to every intake batch.
    sqlite.pragma('synchronous = NORMAL');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withCachedStatements(sqlite) }) });
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  throw new Error(`unsupported database URL (expected sqlite:<path> or postgres://…): ${databaseUrl}`);
}
