import type { HistoryEvent } from '../../../shared/model';
import type { Cache } from './open-cache';

/** Each request's timeline as the server last gave it: what the detail pane shows of it offline. */
export function historyStore(db: Cache) {
  const get = db.prepare<[string], { json: string; fetched_at: string }>(
    'SELECT json, fetched_at FROM request_histories WHERE request_id = ?',
  );
  const put = db.prepare(
    `INSERT INTO request_histories (request_id, json, fetched_at) VALUES (?, ?, ?)
     ON CONFLICT (request_id) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at`,
  );
  return {
    get(requestId: string): { events: HistoryEvent[]; fetchedAt: string } | null {
      const row = get.get(requestId);
      return row ? { events: JSON.parse(row.json) as HistoryEvent[], fetchedAt: row.fetched_at } : null;
    },
    save(requestId: string, events: readonly HistoryEvent[], fetchedAt: string): void {
      put.run(requestId, JSON.stringify(events), fetchedAt);
    },
  };
}
