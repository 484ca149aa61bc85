import type { Decision, Operator } from '../../../shared/model';
import type { Cache } from '../cache/open-cache';

/** This workstation's latest decision on a request, and the last reply text it sent on it. */
export interface OwnDecision {
  operatorId: string;
  madeAt: string;
  reply: string | null;
}

/**
 * What this workstation decided, per request: waiting in the outbox or answered by the server.
 * Undos, undone decisions and refused ones are left out: they never stood. Read-only: the ledger reads it.
 */
export function ownDecisions(db: Cache): Map<string, OwnDecision> {
  const rows = db
    .prepare<[], { json: string }>(
      `SELECT json FROM (
         SELECT seq, json FROM outbox WHERE undoes IS NULL AND undone_by IS NULL
         UNION ALL
         SELECT seq, json FROM decision_results WHERE undoes IS NULL AND undone_by IS NULL AND outcome != 'rejected'
       ) ORDER BY seq`,
    )
    .all();
  const byRequest = new Map<string, OwnDecision>();
  for (const row of rows) {
    const decision = JSON.parse(row.json) as Decision;
    const earlier = byRequest.get(decision.requestId);
    byRequest.set(decision.requestId, {
      operatorId: decision.operatorId,
      madeAt: decision.madeAt,
      reply: decision.kind === 'reply' ? decision.text : (earlier?.reply ?? null),
    });
  }
  return byRequest;
}

/** Seconds and keys measured here for the decision that finished a request, and who made it. */
export interface MeasuredHandling {
  operatorId: string;
  handlingSeconds: number;
  keyPresses: number;
}

export function measuredHandling(db: Cache): Map<string, MeasuredHandling> {
  const rows = db
    .prepare<[], { request_id: string; operator_id: string; handling_ms: number; key_presses: number }>(
      'SELECT request_id, operator_id, handling_ms, key_presses FROM handling_times',
    )
    .all();
  return new Map(
    rows.map((row) => [
      row.request_id,
      { operatorId: row.operator_id, handlingSeconds: Math.round(row.handling_ms / 1000), keyPresses: row.key_presses },
    ]),
  );
}

/** Display names of the operators who signed in here, by id. */
export function signedInOperators(db: Cache): Map<string, string> {
  const rows = db.prepare<[], { operator: string }>('SELECT operator FROM operator_tokens').all();
  return new Map(
    rows.map((row) => JSON.parse(row.operator) as Operator).map((operator) => [operator.id, operator.displayName]),
  );
}
