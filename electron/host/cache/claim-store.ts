import type { Claim } from '../../../shared/sync/protocol';
import type { Cache } from './open-cache';

/** Other operators' leases on requests as of the last pull, so the queue can say who holds what. */
export function claimStore(db: Cache) {
  const clear = db.prepare('DELETE FROM claims');
  const insert = db.prepare(
    'INSERT OR REPLACE INTO claims (request_id, operator_id, operator_name, device_id, until) VALUES (@requestId, @operatorId, @operatorName, @deviceId, @until)',
  );
  const holders = db.prepare<[], { request_id: string; operator_id: string }>(
    'SELECT request_id, operator_id FROM claims',
  );
  const get = db.prepare<
    [string, string],
    { request_id: string; operator_id: string; operator_name: string; device_id: string; until: string }
  >('SELECT * FROM claims WHERE request_id = ? AND until > ?');

  return {
    /**
     * The server sends every claim in force with each pull: the last answer replaces the whole set.
     * Returns the requests whose holder changed (taken, released, expired), so their rows can say so;
     * a renewed lease is no change.
     */
    replace(claims: readonly Claim[]): string[] {
      const before = new Map(holders.all().map((row) => [row.request_id, row.operator_id]));
      clear.run();
      for (const claim of claims) insert.run(claim);
      const changed = claims
        .filter((claim) => before.get(claim.requestId) !== claim.operatorId)
        .map((claim) => claim.requestId);
      const held = new Set(claims.map((claim) => claim.requestId));
      for (const requestId of before.keys()) if (!held.has(requestId)) changed.push(requestId);
      return changed;
    },
    /** Records a lease the server just granted or reported, without waiting for the next pull. */
    put(claim: Claim): void {
      insert.run(claim);
    },
    /** The lease in force on a request, or null; an expired one counts as none. */
    on(requestId: string, now = new Date().toISOString()): Claim | null {
      const row = get.get(requestId, now);
      if (!row) return null;
      return {
        requestId: row.request_id,
        operatorId: row.operator_id,
        operatorName: row.operator_name,
        deviceId: row.device_id,
        until: row.until,
      };
    },
  };
}
