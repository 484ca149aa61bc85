import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CacheError } from './cache-error';
import { openCache, type Cache } from './open-cache';

export interface OpenedCache {
  db: Cache;
  /** What happened to a damaged file, for the operator; null when the cache opened as it was. */
  notice: string | null;
}

/**
 * Opens the cache; a corrupt or foreign file is moved aside to `<file>.corrupt-<timestamp>` and a
 * fresh cache is built in its place, to be filled again from the server. Decisions that never
 * reached the server are copied over from the old file when it still opens, with the device
 * identity and tokens they need to be pushed: the server recognises any that did arrive as replays.
 * A file from a newer Yiwang is left alone (the error stands): rebuilding would throw its data away.
 */
export function openOrRecoverCache(file: string, now = new Date()): OpenedCache {
  try {
    return { db: openCache(file), notice: null };
  } catch (error) {
    if (!(error instanceof CacheError) || error.reason === 'too-new') throw error;
    const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    const db = openCache(file);
    const recovered = salvage(aside, db);
    const notice =
      `The workstation cache was ${error.reason} (${error.message}). It was moved aside to ${aside} and is being rebuilt from the server; ` +
      (recovered > 0
        ? `${recovered} decisions not yet sent were recovered from it.`
        : 'no unsent decisions could be recovered from it.');
    return { db, notice };
  }
}

/** Copies what is needed to send unsent decisions from the old file; each part on its own, as far as it reads. */
function salvage(oldFile: string, db: Cache): number {
  let old: Database.Database;
  try {
    old = new Database(oldFile, { readonly: true, fileMustExist: true });
  } catch {
    return 0;
  }
  try {
    const outbox = attempt(() => old.prepare('SELECT * FROM outbox ORDER BY seq').all() as OutboxRow[]) ?? [];
    const device = attempt(
      () => old.prepare('SELECT id, next_seq FROM device WHERE singleton = 1').get() as DeviceRow | undefined,
    );
    const tokens =
      attempt(() => old.prepare('SELECT operator_id, operator, token FROM operator_tokens').all() as TokenRow[]) ?? [];
    const session = attempt(
      () =>
        old.prepare('SELECT operator, token, server_url FROM session WHERE singleton = 1').get() as
          SessionRow | undefined,
    );
    db.transaction(() => {
      const deviceId = device?.id ?? deviceOf(outbox[0]);
      if (deviceId) {
        // Past every seq the old file used, so a new decision never reuses one the server may have seen.
        const nextSeq = Math.max(device?.next_seq ?? 1, ...outbox.map((row) => row.seq + 1));
        db.prepare('INSERT INTO device (singleton, id, next_seq) VALUES (1, ?, ?)').run(deviceId, nextSeq);
      }
      const insert = db.prepare(
        `INSERT INTO outbox (decision_id, seq, request_id, operator_id, json, created_at, status, not_before, before, undoes, undone_by)
         VALUES (@decision_id, @seq, @request_id, @operator_id, @json, @created_at, 'sent', 0, @before, @undoes, @undone_by)`,
      );
      // Marked sent: they may have reached the server, so undo must compensate rather than drop them.
      for (const row of outbox) insert.run(row);
      if (session) {
        db.prepare('INSERT INTO session (singleton, operator, token, server_url) VALUES (1, ?, ?, ?)').run(
          session.operator,
          session.token,
          session.server_url,
        );
      }
      const token = db.prepare(
        'INSERT OR REPLACE INTO operator_tokens (operator_id, operator, token) VALUES (?, ?, ?)',
      );
      if (session?.operator && session.token)
        token.run((JSON.parse(session.operator) as { id: string }).id, session.operator, session.token);
      for (const row of tokens) token.run(row.operator_id, row.operator, row.token);
    })();
    return outbox.length;
  } finally {
    old.close();
  }
}

interface OutboxRow {
  decision_id: string;
  seq: number;
  request_id: string;
  operator_id: string;
  json: string;
  created_at: string;
  before: string;
  undoes: string | null;
  undone_by: string | null;
}
interface DeviceRow {
  id: string;
  next_seq: number;
}
interface TokenRow {
  operator_id: string;
  operator: string;
  token: string;
}
interface SessionRow {
  operator: string | null;
  token: string | null;
  server_url: string;
}

function deviceOf(row: OutboxRow | undefined): string | null {
  return row ? (JSON.parse(row.json) as { deviceId: string }).deviceId : null;
}

/** A damaged file may fail on any one table; what does read is still worth having. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
