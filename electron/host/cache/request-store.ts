import type Database from 'better-sqlite3';
import type { LocalRequest, QueueView } from '../../../shared/api/workstation-api';
import type { Rejection, Request } from '../../../shared/model';
import type { Cache } from './open-cache';
import { PENDING, QUEUE_FILTER, queueColumns, queueOrder, type LocalRow } from './queue-order';
import type { SearchIndex } from './search-index';

/** What each queue view shows, on the local (optimistic) status. */
const VIEW_FILTER: Record<QueueView, string> = {
  queue: QUEUE_FILTER,
  junk: `l.status = 'junk'`,
  // What came back from a unit is in the queue, not here, until the operator acts on it.
  done: `l.status IN ('transferred', 'replied', 'closed', 'merged') AND l.queued = 0`,
  all: '1 = 1',
};
type ArrivalOrdered = Exclude<QueueView, 'queue'>;
const ARRIVAL_ORDERED: readonly ArrivalOrdered[] = ['junk', 'done', 'all'];

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
    `INSERT INTO local_requests (id, json, status, received_at, snoozed_until, version, answer_due_ms, priority, queued)
     VALUES (@id, @json, @status, @receivedAt, @snoozedUntil, @version, @dueMs, @priority, @queued)
     ON CONFLICT (id) DO UPDATE SET json = excluded.json, status = excluded.status,
       snoozed_until = excluded.snoozed_until, version = excluded.version,
       answer_due_ms = excluded.answer_due_ms, priority = excluded.priority, queued = excluded.queued`,
  );
  const unkeyed = db.prepare<[], { json: string }>(
    `SELECT json FROM local_requests WHERE queued = 1 AND answer_due_ms IS NULL`,
  );
  const setKey = db.prepare(
    'UPDATE local_requests SET answer_due_ms = @dueMs, priority = @priority, queued = @queued WHERE id = @id',
  );
  const setRejection = db.prepare('UPDATE local_requests SET rejection = ? WHERE id = ?');
  const order = queueOrder(db);
  // The queue view is in deadline order (queueOrder); the others in arrival order.
  const lists = Object.fromEntries(
    ARRIVAL_ORDERED.map((view) => [
      view,
      db.prepare<{ now: string }, LocalRow>(
        `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l
         WHERE ${VIEW_FILTER[view]} ORDER BY l.received_at, l.id`,
      ),
    ]),
  ) as Record<ArrivalOrdered, Database.Statement<{ now: string }, LocalRow>>;
  const windows = Object.fromEntries(
    ARRIVAL_ORDERED.map((view) => [
      view,
      db.prepare<{ now: string; offset: number; limit: number }, LocalRow>(
        `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l
         WHERE ${VIEW_FILTER[view]} ORDER BY l.received_at, l.id LIMIT @limit OFFSET @offset`,
      ),
    ]),
  ) as Record<ArrivalOrdered, Database.Statement<{ now: string; offset: number; limit: number }, LocalRow>>;
  const counts = Object.fromEntries(
    (Object.keys(VIEW_FILTER) as QueueView[]).map((view) => [
      view,
      db.prepare<{ now: string }, { n: number }>(
        `SELECT count(*) AS n FROM local_requests l WHERE ${VIEW_FILTER[view]}`,
      ),
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
    /** Returns the JSON stored, for a local view that is the same request (a pull writes 100,000 of them at a bootstrap). */
    saveServer(request: Request): string {
      const json = JSON.stringify(request);
      putServer.run({
        id: request.id,
        json,
        status: request.status,
        receivedAt: request.receivedAt,
        version: request.version,
      });
      return json;
    },
    local(id: string): LocalRequest | null {
      const row = getLocal.get(id);
      return row ? toLocal(row) : null;
    },
    saveLocal(request: Request, json = JSON.stringify(request)): void {
      putLocal.run({
        id: request.id,
        json,
        status: request.status,
        receivedAt: request.receivedAt,
        snoozedUntil: request.snoozedUntil,
        version: request.version,
        ...queueColumns(request),
      });
      search.put(request);
    },
    /**
     * Gives the queue's order keys to waiting requests the migration could not (no due time from the
     * server): one indexed look-up when there are none. Other statuses get theirs when they come back.
     */
    fillQueueKeys(): number {
      return db.transaction(() => {
        const rows = unkeyed.all();
        for (const row of rows) {
          const request = JSON.parse(row.json) as Request;
          setKey.run({ id: request.id, ...queueColumns(request) });
        }
        return rows.length;
      })();
    },
    /** The server's refusal shown on the request, or null once someone acts on it again. */
    setRejection(id: string, rejection: Rejection | null): void {
      setRejection.run(rejection ? JSON.stringify(rejection) : null, id);
    },
    list(view: QueueView, now: string): LocalRequest[] {
      const rows = view === 'queue' ? order.window(now, 0, -1) : lists[view].all({ now });
      return rows.map(toLocal);
    },
    /** One slice of a view in queue order: what a virtualised list needs, not the whole view. */
    window(view: QueueView, now: string, offset: number, limit: number): LocalRequest[] {
      const rows = view === 'queue' ? order.window(now, offset, limit) : windows[view].all({ now, offset, limit });
      return rows.map(toLocal);
    },
    /** Where a request stands in the queue view at `now`, or null when the view does not show it. */
    queuePosition: order.position,
    /** The next moment a waiting request turns overdue (and so moves), or null. */
    nextQueueCrossing: order.nextCrossing,
    count(view: QueueView, now: string): number {
      return counts[view].get({ now })!.n;
    },
  };
}

function toLocal(row: LocalRow): LocalRequest {
  const request = JSON.parse(row.json) as Request;
  return {
    ...request,
    pending: row.pending,
    rejection: row.rejection ? (JSON.parse(row.rejection) as Rejection) : null,
  };
}
