import type { Claim } from '../../../shared/sync/protocol';
import type { Cache } from './open-cache';

/** Other operators' leases on requests as of the last pull, so the queue can say who holds what. */
export function claimStore(db: Cache) {
  const clear = db.prepare('DELETE FROM claims');
  const insert = db.prepare(
    'INSERT OR REPLACE INTO claims (request_id, operator_id, operator_name, device_id, until) VALUES (@requestId, @operatorId, @operatorName, @deviceId, @until)',
  );
  const get = db.prepare<[string, string], { request_id: string; operator_id: string; operator_name: string; device_id: string; until: string }>(
    'SELECT * FROM claims WHERE request_id = ? AND until > ?',
  );

  return {
    /** The server sends every claim in force with each pull: the last answer replaces the whole set. */
    replace(claims: readonly Claim[]): void {
      clear.run();
      for (const claim of claims) insert.run(claim);
    },
    /** Records a lease the server just granted or reported, without waiting for the next pull. */
    put(claim: Claim): void {
      insert.run(claim);
    },
    /** The lease in force on a request, or null; an expired one counts as none. */
    on(requestId: string, now = new Date().toISOString()): Claim | null {
      const row = get.get(requestId, now);
      if (!row) return null;
      return { requestId: row.request_id, operatorId: row.operator_id, operatorName: row.operator_name, deviceId: row.device_id, until: row.until };
    },
  };
}
