import type { FastifyBaseLogger } from 'fastify';
/**
 * A database failure the server cannot do anything about but wait and say so: the disk is full,
 * the database is read-only, or it cannot be reached. Answered 503 with Retry-After (the platforms
 * and workstations send again), logged by name, and reported by /healthz.
 */
export type DbFault = 'disk-full' | 'read-only' | 'unreachable';

export const DB_FAULT_TEXT: Record<DbFault, string> = {
  'disk-full': 'the database disk is full',
  'read-only': 'the database is read-only',
  unreachable: 'the database cannot be reached',
};

/** Seconds a client is asked to wait before sending again. */
export const RETRY_AFTER_SECONDS = 30;

// SQLite (better-sqlite3 extended codes) and PostgreSQL (SQLSTATE, Node socket errors).
const BY_CODE: [RegExp, DbFault][] = [
  [/^SQLITE_FULL$|^53100$|^ENOSPC$/, 'disk-full'],
  [/^SQLITE_READONLY|^SQLITE_PERM$|^SQLITE_AUTH$|^25006$|^EROFS$|^EACCES$/, 'read-only'],
  [
    /^SQLITE_CANTOPEN|^SQLITE_IOERR|^ECONNREFUSED$|^ECONNRESET$|^ENOTFOUND$|^ETIMEDOUT$|^EHOSTUNREACH$|^08|^57P0[123]$|^53300$/,
    'unreachable',
  ],
];

/** The fault behind an error, looking through its causes; null for anything else. */
export function dbFault(error: unknown): DbFault | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      const match = BY_CODE.find(([pattern]) => pattern.test(code));
      if (match) return match[1];
    }
    const message = e instanceof Error ? e.message : '';
    if (/database or disk is full|No space left on device/i.test(message)) return 'disk-full';
    if (/readonly database|read-only/i.test(message)) return 'read-only';
    if (/Connection terminated|connect ECONNREFUSED|the database system is (starting up|shutting down)/i.test(message))
      return 'unreachable';
  }
  return null;
}

/** One error line naming the fault (`database disk full`), with what the database said. */
export function logDbFault(log: FastifyBaseLogger, fault: DbFault, detail: unknown): void {
  log.error(
    { fault, detail: detail instanceof Error ? detail.message : detail },
    `database ${fault}: ${DB_FAULT_TEXT[fault]}`,
  );
}
