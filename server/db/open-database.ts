import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { withCachedStatements } from './cached-statements';
import type { Database } from './schema';

export type Db = Kysely<Database>;

const BUSY_TIMEOUT_MS = 5_000;
/** PostgreSQL connections per server instance (YIWANG_DB_POOL_SIZE); SQLite has its one. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Transactions that take the write lock when they begin. A deferred BEGIN that reads and then writes
 * fails at once with "database is locked" when another process (a CLI, a test, a second server) committed
 * in between, whatever the busy timeout; BEGIN IMMEDIATE waits its turn instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): SqliteDriver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** The file of a `sqlite:<path>` database URL, null for PostgreSQL. */
export function sqliteFileOf(databaseUrl: string): string | null {
  return databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
}

/**
 * Opens the database named by `sqlite:<path>` (embedded, the default) or `postgres://…`.
 * SQLite runs in WAL mode so readers (a second process, a backup) never block the server. On
 * PostgreSQL `poolSize` connections at most are held: instances × pool must fit max_connections.
 */
export function openDatabase(databaseUrl: string, { poolSize = DEFAULT_POOL_SIZE } = {}): Db {
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
    return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withCachedStatements(sqlite) }) });
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  throw new Error(`unsupported database URL (expected sqlite:<path> or postgres://…): ${databaseUrl}`);
}
