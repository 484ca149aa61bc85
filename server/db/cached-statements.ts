import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query the server makes (Kysely's SQL text repeats; only the parameters change). */
const MAX_STATEMENTS = 500;

const ROLLED_BACK: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

/**
 * Kysely prepares every query afresh, and on SQLite preparing costs more than running a small
 * query: a catch-up push of 10,000 decisions is mostly statement compilation. This hands Kysely
 * the same prepared statement for the same SQL text, oldest dropped first past MAX_STATEMENTS.
 */
export function withCachedStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      // A failed COMMIT (disk full, I/O error) has already rolled the transaction back; Kysely's
      // ROLLBACK would then fail with "no transaction is active" and hide the real error.
      if (sql === 'rollback' && !sqlite.inTransaction) return ROLLED_BACK;
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
        if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
