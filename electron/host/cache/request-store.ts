import type Database from 'better-sqlite3';
import type { LocalRequest, QueueView } from '../../../shared/api/workstation-api';
import type { Rejection, Request } from '../../../shared/model';
import type { Cache } from './open-cache';
import type { SearchIndex } from './search-index';

const PENDING = '(SELECT count(*) FROM outbox o WHERE o.request_id = l.id)';

/** What each queue view shows, on the local (optimistic) status. */
const VIEW_FILTER: Record<QueueView, string> = {
  queue: `l.status IN ('new', 'accepted') AND (l.snoozed_until IS NULL OR l.snoozed_until <= @now)`,
  junk: `l.status = 'junk'`,
  done: `l.status IN ('transferred', 'replied', 'closed', 'merged')`,
  all: '1 = 1',
};

interface LocalRow {
  json: string;
  rejection: string | null;
  pending: number;
}

/** Requests as last pulled from the server, and the local view built on them. */
export function requestStore(db: Cache, search: SearchIndex) {
  const getServer = db.prepare<[string], { json: string }>('SELECT json FROM requests WHERE id = ?');
  const getVersion = db.prepare<[string], { version: number }>('SELECT version FROM requests WHERE id = ?');
  const putServer = db.prepare(
    `INSERT INTO requests (id, json, status, received_at, version) VALUES (@id, @json, @status, @receivedAt, @version)
     ON CONFLICT (id) DO UPDATE SET json = excluded.json, status = excluded.status, version = excluded.version
     -- A late push answer must not roll back a newer state a pull already brought.
     WHERE excluded.version >= requests.version`,
  );
  const getLocal = db.prepare<[string], LocalRow>(
    `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l WHERE l.id = ?`,
  );
  const putLocal = db.prepare(
    `INSERT INTO local_requests (id, json, status, received_at, snoozed_until, version)
     VALUES (@id, @json, @status, @receivedAt, @snoozedUntil, @version)
     ON CONFLICT (id) DO UPDATE SET json = excluded.json, status = excluded.status,
       snoozed_until = excluded.snoozed_until, version = excluded.version`,
  );
  const setRejection = db.prepare('UPDATE local_requests SET rejection = ? WHERE id = ?');
  const lists = Object.fromEntries(
    (Object.keys(VIEW_FILTER) as QueueView[]).map((view) => [
      view,
      db.prepare<{ now: string }, LocalRow>(
        `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l
         WHERE ${VIEW_FILTER[view]} ORDER BY l.received_at, l.id`,
      ),
    ]),
  ) as Record<QueueView, Database.Statement<{ now: string }, LocalRow>>;
  const windows = Object.fromEntries(
    (Object.keys(VIEW_FILTER) as QueueView[]).map((view) => [
      view,
      db.prepare<{ now: string; offset: number; limit: number }, LocalRow>(
        `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l
         WHERE ${VIEW_FILTER[view]} ORDER BY l.received_at, l.id LIMIT @limit OFFSET @offset`,
      ),
    ]),
  ) as Record<QueueView, Database.Statement<{ now: string; offset: number; limit: number }, LocalRow>>;
  const counts = Object.fromEntries(
    (Object.keys(VIEW_FILTER) as QueueView[]).map((view) => [
      view,
      db.prepare<{ now: string }, { n: number }>(`SELECT count(*) AS n FROM local_requests l WHERE ${VIEW_FILTER[view]}`),
    ]),
  ) as Record<QueueView, Database.Statement<{ now: string }, { n: number }>>;

  return {
    server(id: string): Request | null {
      const row = getServer.get(id);
      return row ? (JSON.parse(row.json) as Request) : null;
    },
    /** The server version held, without reading the whole request (a pull checks it for every row). */
    serverVersion(id: string): number | null {
      return getVersion.get(id)?.version ?? null;
    },
    saveServer(request: Request): void {
      putServer.run({ id: request.id, json: JSON.stringify(request), status: request.status, receivedAt: request.receivedAt, version: request.version });
    },
    local(id: string): LocalRequest | null {
      const row = getLocal.get(id);
      return row ? toLocal(row) : null;
    },
    saveLocal(request: Request): void {
      putLocal.run({
        id: request.id,
        json: JSON.stringify(request),
        status: request.status,
        receivedAt: request.receivedAt,
        snoozedUntil: request.snoozedUntil,
        version: request.version,
      });
      search.put(request);
    },
    /** The server's refusal shown on the request, or null once someone acts on it again. */
    setRejection(id: string, rejection: Rejection | null): void {
      setRejection.run(rejection ? JSON.stringify(rejection) : null, id);
    },
    list(view: QueueView, now: string): LocalRequest[] {
      return lists[view].all({ now }).map(toLocal);
    },
    /** One slice of a view in queue order: what a virtualised list needs, not the whole view. */
    window(view: QueueView, now: string, offset: number, limit: number): LocalRequest[] {
      return windows[view].all({ now, offset, limit }).map(toLocal);
    },
    count(view: QueueView, now: string): number {
      return counts[view].get({ now })!.n;
    },
  };
}

function toLocal(row: LocalRow): LocalRequest {
  const request = JSON.parse(row.json) as Request;
  return { ...request, pending: row.pending, rejection: row.rejection ? (JSON.parse(row.rejection) as Rejection) : null };
}
