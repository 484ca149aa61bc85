import type { HandlingMeasure, TodayCounter } from '../../../shared/api/workstation-api';
import type { Cache } from './open-cache';

/**
 * How long each request took from first display to its final decision, and how many keys: the
 * ledger's timing columns and the live counter. A later decision on the same request replaces the
 * earlier one, so the row always describes the decision that finished it.
 */
export function handlingTimesStore(db: Cache) {
  const put = db.prepare(
    `INSERT OR REPLACE INTO handling_times (request_id, operator_id, decision_id, decided_at, handling_ms, key_presses)
     VALUES (@requestId, @operatorId, @decisionId, @decidedAt, @handlingMs, @keyPresses)`,
  );
  const since = db.prepare<{ operatorId: string; from: string }, { handling_ms: number }>(
    'SELECT handling_ms FROM handling_times WHERE operator_id = @operatorId AND decided_at >= @from ORDER BY handling_ms',
  );
  const forRequest = db.prepare<[string], { handling_ms: number; key_presses: number }>(
    'SELECT handling_ms, key_presses FROM handling_times WHERE request_id = ?',
  );

  return {
    record(
      requestId: string,
      operatorId: string,
      decisionId: string,
      decidedAt: string,
      measure: HandlingMeasure,
    ): void {
      put.run({
        requestId,
        operatorId,
        decisionId,
        decidedAt,
        handlingMs: Math.round(measure.handlingMs),
        keyPresses: measure.keyPresses,
      });
    },
    /** The ledger's handlingSeconds and keyPresses for one request, or null when it was not handled here. */
    forRequest(requestId: string): { handlingSeconds: number; keyPresses: number } | null {
      const row = forRequest.get(requestId);
      return row ? { handlingSeconds: Math.round(row.handling_ms / 1000), keyPresses: row.key_presses } : null;
    },
    /** Requests this operator finished since `from`, and the median seconds each took. */
    counter(operatorId: string, from: string): TodayCounter {
      const times = since.all({ operatorId, from }).map((row) => row.handling_ms);
      if (times.length === 0) return { handled: 0, medianSeconds: null };
      const middle = Math.floor(times.length / 2);
      const median = times.length % 2 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
      return { handled: times.length, medianSeconds: Math.round(median / 100) / 10 };
    },
  };
}
