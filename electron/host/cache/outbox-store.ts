import type { Decision, Rejection, Request } from '../../../shared/model';
import type { Cache } from './open-cache';
import type { OutboxLog } from './outbox-log';

export type OutboxStatus = 'pending' | 'sent';
export type Outcome = 'applied' | 'replay' | 'rejected';

/** A decision this device made, wherever it is now: in the outbox or answered by the server. */
export interface MadeDecision {
  decision: Decision;
  before: Before;
  /** pending/sent while in the outbox; the server's outcome once answered. */
  state: OutboxStatus | Outcome;
}

/** What undo needs to know of the request as it was just before a decision. */
export type Before = Pick<Request, 'categoryId' | 'unitId'>;

interface MadeRow {
  json: string;
  before: string;
  state: OutboxStatus | Outcome;
}

/**
 * The outbox of decisions not yet answered by the server, in per-device seq order, and the record
 * of answered ones (decision_results), which undo reads to find the operator's last decision.
 * Every change is noted in the outbox log too (outbox-log.ts), written once its transaction commits.
 */
export function outboxStore(db: Cache, log: OutboxLog) {
  // Outside a transaction the change has already committed.
  const written = () => {
    if (!db.inTransaction) log.flush();
  };
  const insert = db.prepare(
    `INSERT INTO outbox (decision_id, seq, request_id, operator_id, json, created_at, status, not_before, before, undoes)
     VALUES (@id, @seq, @requestId, @operatorId, @json, @madeAt, 'pending', @notBefore, @before, @undoes)`,
  );
  const forRequest = db.prepare<[string], { json: string }>(
    'SELECT json FROM outbox WHERE request_id = ? ORDER BY seq',
  );
  const batch = db.prepare<[number], { json: string; not_before: number; operator_id: string }>(
    // Only operators whose token is kept here can push; the others' decisions wait for their next sign-in.
    `SELECT json, not_before, operator_id FROM outbox WHERE operator_id IN (SELECT operator_id FROM operator_tokens)
     ORDER BY seq LIMIT ?`,
  );
  const heldUntil = db.prepare<[number], { at: number | null }>(
    'SELECT min(not_before) AS at FROM outbox WHERE not_before > ?',
  );
  const markSent = db.prepare("UPDATE outbox SET status = 'sent' WHERE decision_id = ?");
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox');
  const requests = db.prepare<[], { n: number }>('SELECT count(DISTINCT request_id) AS n FROM outbox');
  const remove = db.prepare('DELETE FROM outbox WHERE decision_id = ?');
  const find = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM outbox WHERE decision_id = ?');
  const answer = db.prepare(
    `INSERT OR REPLACE INTO decision_results (decision_id, seq, request_id, operator_id, json, outcome, reason, answered_at, before, undoes, undone_by)
     SELECT decision_id, seq, request_id, operator_id, json, @outcome, @reason, @answeredAt, before, undoes, undone_by
     FROM outbox WHERE decision_id = @id`,
  );
  // Undo walks back over this operator's own decisions, skipping undos, what was already undone,
  // and what the server refused (it never took effect).
  const lastUndoable = db.prepare<[string, string], MadeRow>(
    `SELECT json, before, state FROM (
       SELECT seq, json, before, status AS state FROM outbox
        WHERE operator_id = ? AND undoes IS NULL AND undone_by IS NULL
       UNION ALL
       SELECT seq, json, before, outcome AS state FROM decision_results
        WHERE operator_id = ? AND undoes IS NULL AND undone_by IS NULL AND outcome != 'rejected'
     ) ORDER BY seq DESC LIMIT 1`,
  );
  const inOrder = db.prepare<
    [],
    { decision_id: string; json: string; before: string; not_before: number; undoes: string | null }
  >('SELECT decision_id, json, before, not_before, undoes FROM outbox ORDER BY seq');
  // Out of the way first, so that no new number meets an old one on the UNIQUE seq.
  const setAside = db.prepare('UPDATE outbox SET seq = -seq');
  const renumber = db.prepare(
    "UPDATE outbox SET seq = @seq, json = json_set(json, '$.seq', @seq) WHERE decision_id = @id",
  );
  const lastAnswered = db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM decision_results');
  const markUndoneOutbox = db.prepare('UPDATE outbox SET undone_by = ? WHERE decision_id = ?');
  const markUndoneResult = db.prepare('UPDATE decision_results SET undone_by = ? WHERE decision_id = ?');

  return {
    add(decision: Decision, before: Before, notBefore: number, undoes: string | null = null): void {
      insert.run({ ...decision, json: JSON.stringify(decision), before: JSON.stringify(before), notBefore, undoes });
      log.added({ decision, before, notBefore, undoes });
      written();
    },
    /** Decisions on one request still waiting for the server, oldest first. */
    pendingFor(requestId: string): Decision[] {
      return forRequest.all(requestId).map((row) => JSON.parse(row.json) as Decision);
    },
    /**
     * The next decisions to push, in order: one operator's run of them (a push carries one operator's
     * token), stopping at the first still inside its hold window.
     */
    nextBatch(now: number, limit: number): Decision[] {
      const ready: Decision[] = [];
      let operatorId: string | null = null;
      for (const row of batch.all(limit)) {
        if (row.not_before > now) break;
        operatorId ??= row.operator_id;
        if (row.operator_id !== operatorId) break;
        ready.push(JSON.parse(row.json) as Decision);
      }
      return ready;
    },
    /** When the earliest decision still inside its hold window becomes ready to push, or null. */
    firstHeldUntil(now = Date.now()): number | null {
      return heldUntil.get(now)!.at;
    },
    /** Once pushed, a decision may have reached the server, so undo must compensate rather than drop it. */
    markSent(ids: readonly string[]): void {
      for (const id of ids) markSent.run(id);
    },
    size(): number {
      return count.get()!.n;
    },
    /** How many requests those decisions are on: what the operator counts (one Enter is up to four decisions). */
    requestCount(): number {
      return requests.get()!.n;
    },
    /** Moves an answered decision from the outbox to decision_results. */
    recordAnswer(decisionId: string, outcome: Outcome, reason: Rejection | null, answeredAt: string): void {
      answer.run({ id: decisionId, outcome, reason: reason ? JSON.stringify(reason) : null, answeredAt });
      remove.run(decisionId);
      log.gone([decisionId]);
      written();
    },
    isInOutbox(decisionId: string): boolean {
      return find.get(decisionId) !== undefined;
    },
    drop(decisionId: string): void {
      remove.run(decisionId);
      log.gone([decisionId]);
      written();
    },
    lastUndoable(operatorId: string): MadeDecision | null {
      const row = lastUndoable.get(operatorId, operatorId);
      return row
        ? { decision: JSON.parse(row.json) as Decision, before: JSON.parse(row.before) as Before, state: row.state }
        : null;
    },
    /**
     * Gives the outbox's decisions new sequence numbers from `first` on, in their order; their ids
     * stay, so one the server already holds is still answered as a replay. Returns how many.
     */
    renumberFrom(first: number): number {
      const rows = inOrder.all();
      setAside.run();
      rows.forEach((row, index) => {
        const decision = { ...(JSON.parse(row.json) as Decision), seq: first + index };
        renumber.run({ id: row.decision_id, seq: decision.seq });
        log.added({
          decision,
          before: JSON.parse(row.before) as Before,
          notBefore: row.not_before,
          undoes: row.undoes,
        });
      });
      written();
      return rows.length;
    },
    /** The highest sequence number the server has answered here, 0 for none. */
    lastAnsweredSeq(): number {
      return lastAnswered.get()!.seq;
    },
    markUndone(decisionId: string, by: string): void {
      markUndoneOutbox.run(by, decisionId);
      markUndoneResult.run(by, decisionId);
    },
  };
}
