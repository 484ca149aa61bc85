import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { withCachedStatements } from './cached-statements';
import type { Database } from './schema';

export type Db = Kysely<Database>;

const BUSY_TIMEOUT_MS = 5_000;

/** The file of a `sqlite:<path>` database URL, null for PostgreSQL. */
export function sqliteFileOf(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
}

/**
 * Opens the database named by `sqlite:<path>` (embedded, the default) or `postgres://…`.
 * SQLite runs in WAL mode so readers (a second process, a backup) never block the server.
 */
export function openDatabase(databaseUrl: string): Db {
  const file = sqliteFileOf(databaseUrl);
  if (file !== null) {
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    // FULL: every commit flushes the write-ahead log to the disk before it returns, so a delivery
    // answered 200 survives a power cut (the platforms never send it again). NORMAL would sync only
    // at checkpoints. Intake commits in groups, so the flush is paid per batch (docs/reliability.md).
    sqlite.pragma('synchronous = FULL');
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withCachedStatements(sqlite) }) });
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  throw new Error(`unsupported database URL (expected sqlite:<path> or postgres://…): ${databaseUrl}`);
}
