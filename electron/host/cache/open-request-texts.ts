import type { Cache } from './open-cache';

/** Statuses in which a request is still being handled, so a new one may repeat it. */
export const OPEN_STATUSES = ['new', 'accepted', 'transferred', 'replied'] as const;
const OPEN = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export interface OpenRequestText {
  /** local_requests' rowid: a new request always gets a larger one, so "what came since" is one range. */
  rowid: number;
  id: string;
  text: string;
}

/** The texts of open requests, for the near-duplicate index, read without parsing whole requests. */
export function openRequestTexts(db: Cache) {
  const since = db.prepare<[number, number], OpenRequestText>(
    `SELECT rowid, id, json_extract(json, '$.text') AS text FROM local_requests WHERE rowid > ? AND status IN (${OPEN}) ORDER BY rowid LIMIT ?`,
  );
  const last = db.prepare<[], { n: number | null }>('SELECT max(rowid) AS n FROM local_requests');
  const count = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM local_requests WHERE status IN (${OPEN})`);
  return {
    /** Open requests cached after `rowid` (0 for all), at most `limit` of them (all when negative). */
    since: (rowid: number, limit = -1): OpenRequestText[] => since.all(rowid, limit),
    lastRowid: (): number => last.get()?.n ?? 0,
    openCount: (): number => count.get()!.n,
  };
}
