import { existsSync, renameSync } from 'node:fs';
import { CacheError, type CacheErrorReason } from './cache-error';
import { openCache, type Cache } from './open-cache';
import { salvageRows, type Salvaged } from './salvage-rows';

/** A cache file that could not be used: why, where it went, and what of its outbox was read back. */
export interface CacheDamage {
  reason: CacheErrorReason;
  movedTo: string;
  /** Unsent decisions read back from the file and its write-ahead log and kept. */
  kept: number;
  /** Outbox rows found whose decision did not parse or validate. */
  invalid: number;
  /** What SQLite said, shortened, for the log (never shown to the operator). */
  detail: string;
}

export interface OpenedCache {
  db: Cache;
  /** Null when the cache opened as it was. */
  damage: CacheDamage | null;
}

/**
 * Opens the cache; a corrupt or foreign file is moved aside to `<file>.corrupt-<timestamp>` (with
 * its write-ahead log) and a fresh cache is built in its place, to be filled again from the server.
 * Decisions that never reached the server are read back from the old file row by row, from its pages
 * and its log without SQLite's b-trees or indexes (salvage-rows.ts), so any damage loses only the
 * rows whose own bytes are gone; the device identity and tokens they need to be pushed come too.
 * The server recognises any that did arrive as replays. A file from a newer Yiwang is left alone
 * (the error stands): rebuilding would throw its data away.
 */
export function openOrRecoverCache(file: string, now = new Date()): OpenedCache {
  try {
    return { db: openCache(file), damage: null };
  } catch (error) {
    if (!(error instanceof CacheError) || error.reason === 'too-new') throw error;
    const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    const db = openCache(file);
    const salvaged = salvageRows(aside);
    db.transaction(() => keep(db, salvaged))();
    return {
      db,
      damage: {
        reason: error.reason,
        movedTo: aside,
        kept: salvaged.outbox.length,
        invalid: salvaged.invalid,
        detail: error.message.split('\n')[0]!.slice(0, 200),
      },
    };
  }
}

function keep(db: Cache, { outbox, device, session, tokens }: Salvaged): void {
  const deviceId = device?.id ?? deviceOf(outbox[0]?.json);
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
  const token = db.prepare('INSERT OR REPLACE INTO operator_tokens (operator_id, operator, token) VALUES (?, ?, ?)');
  const signedIn = session?.operator && session.token ? operatorId(session.operator) : null;
  if (signedIn) token.run(signedIn, session!.operator, session!.token);
  for (const row of tokens) token.run(row.operator_id, row.operator, row.token);
}

function deviceOf(json: string | undefined): string | null {
  return json ? (JSON.parse(json) as { deviceId: string }).deviceId : null;
}

function operatorId(json: string): string | null {
  try {
    const id = (JSON.parse(json) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
