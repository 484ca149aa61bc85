import type { Cache } from './open-cache';
import type { LoggedDecision, LoggedOutbox, OutboxLog } from './outbox-log';

export interface LogCheck {
  /** Whether there was a log to check against (none before this build, or if it was deleted too). */
  hadLog: boolean;
  /** Unsent decisions the cache had lost and the log gave back. */
  restored: number;
  /** The cache had taken fewer sequence numbers than the log had seen: it lost writes or is an older copy. */
  behind: boolean;
}

interface OutboxRow {
  json: string;
  before: string;
  not_before: number;
  undoes: string | null;
}

/**
 * Compares the opened cache with its outbox log (outbox-log.ts): every logged decision the cache
 * no longer holds, in its outbox or among its answers, goes back into the outbox (marked sent: it
 * may have arrived, and the server answers a replay by its id), and the device's next sequence
 * number moves past every one the log saw.
 */
export function restoreFromLog(db: Cache, log: OutboxLog): LogCheck {
  const logged = log.read();
  return db.transaction(() => (logged ? restore(db, logged) : { hadLog: false, restored: 0, behind: false }))();
}

/** Starts the log afresh from the outbox as it now is (the device must exist). */
export function rewriteLog(db: Cache, log: OutboxLog): void {
  const device = db.prepare('SELECT id, next_seq FROM device WHERE singleton = 1').get() as {
    id: string;
    next_seq: number;
  };
  const rows = db.prepare('SELECT json, before, not_before, undoes FROM outbox ORDER BY seq').all() as OutboxRow[];
  log.rewrite(device.id, device.next_seq - 1, rows.map(toLogged));
}

function restore(db: Cache, logged: LoggedOutbox): LogCheck {
  let device = db.prepare('SELECT id, next_seq FROM device WHERE singleton = 1').get() as
    { id: string; next_seq: number } | undefined;
  const loggedDevice = logged.device ?? [...logged.decisions.values()][0]?.decision.deviceId ?? null;
  if (!device && loggedDevice) {
    db.prepare('INSERT INTO device (singleton, id, next_seq) VALUES (1, ?, 1)').run(loggedDevice);
    device = { id: loggedDevice, next_seq: 1 };
  }
  // A log of another device (a cache file copied from another workstation) says nothing about this one.
  if (!device || (loggedDevice !== null && loggedDevice !== device.id))
    return { hadLog: true, restored: 0, behind: false };
  const known = db.prepare(
    'SELECT 1 FROM outbox WHERE decision_id = @id UNION ALL SELECT 1 FROM decision_results WHERE decision_id = @id',
  );
  const seqTaken = db.prepare('SELECT 1 FROM outbox WHERE seq = ?');
  const maxSeq = db.prepare('SELECT max(seq) AS seq FROM outbox').get() as { seq: number | null };
  let nextSeq = Math.max(device.next_seq, logged.highestSeq + 1, (maxSeq.seq ?? 0) + 1);
  const insert = db.prepare(
    `INSERT INTO outbox (decision_id, seq, request_id, operator_id, json, created_at, status, not_before, before, undoes)
     VALUES (@id, @seq, @requestId, @operatorId, @json, @madeAt, 'sent', 0, @before, @undoes)`,
  );
  let restored = 0;
  for (const entry of [...logged.decisions.values()].sort((a, b) => a.decision.seq - b.decision.seq)) {
    if (entry.decision.deviceId !== device.id || known.get({ id: entry.decision.id })) continue;
    // Same decision id, so it can never apply twice; a new number only if the cache reused its own.
    const decision = seqTaken.get(entry.decision.seq) ? { ...entry.decision, seq: nextSeq++ } : entry.decision;
    insert.run({
      ...decision,
      json: JSON.stringify(decision),
      before: JSON.stringify(entry.before),
      undoes: entry.undoes,
    });
    restored += 1;
  }
  db.prepare('UPDATE device SET next_seq = ? WHERE singleton = 1').run(nextSeq);
  return { hadLog: true, restored, behind: logged.highestSeq >= device.next_seq };
}

function toLogged(row: OutboxRow): LoggedDecision {
  return {
    decision: JSON.parse(row.json) as LoggedDecision['decision'],
    before: JSON.parse(row.before) as LoggedDecision['before'],
    notBefore: row.not_before,
    undoes: row.undoes,
  };
}
