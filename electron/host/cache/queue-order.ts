import type { Request } from '../../../shared/model';
import { queueKey } from '../../../shared/queue/queue-order';
import { inQueue } from '../../../shared/queue/unit-news';
import type { Cache } from './open-cache';

/** How many of this device's decisions on the request are still in the outbox. */
export const PENDING = '(SELECT count(*) FROM outbox o WHERE o.request_id = l.id)';

export interface LocalRow {
  json: string;
  rejection: string | null;
  pending: number;
}

/** The queue view: waiting or with news from its unit (`queued`, as the partial indexes'), and not snoozed past `now`. */
export const QUEUE_FILTER = `l.queued = 1 AND (l.snoozed_until IS NULL OR l.snoozed_until <= @now)`;

/** The order columns saved with each local view row, and whether the queue shows it (shared/queue/unit-news.ts). */
export function queueColumns(request: Request): { dueMs: number; priority: 0 | 1; queued: 0 | 1 } {
  const key = queueKey(request);
  return { dueMs: key.dueMs, priority: key.priority ? 1 : 0, queued: inQueue(request) ? 1 : 0 };
}

interface At {
  now: string;
  nowMs: number;
}

/**
 * The queue view in deadline order (shared/queue/queue-order.ts) as three tiers, each a range of a
 * partial index already in order, so a window is read without sorting the view: overdue on
 * local_requests_due, then priority and the rest on local_requests_priority_due.
 */
export function queueOrder(db: Cache) {
  const ORDER = 'ORDER BY l.answer_due_ms, l.received_at, l.id';
  // INDEXED BY: without statistics the planner would rather take the status index and sort.
  const TIERS = [
    { index: 'local_requests_due', where: `l.answer_due_ms < @nowMs` },
    { index: 'local_requests_priority_due', where: `l.priority = 1 AND l.answer_due_ms >= @nowMs` },
    { index: 'local_requests_priority_due', where: `l.priority = 0 AND l.answer_due_ms >= @nowMs` },
  ] as const;
  const tiers = TIERS.map(({ index, where }) => ({
    rows: db.prepare<At & { offset: number; limit: number }, LocalRow>(
      `SELECT l.json, l.rejection, ${PENDING} AS pending FROM local_requests l INDEXED BY ${index}
       WHERE ${QUEUE_FILTER} AND ${where} ${ORDER} LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<At, { n: number }>(
      `SELECT count(*) AS n FROM local_requests l INDEXED BY ${index} WHERE ${QUEUE_FILTER} AND ${where}`,
    ),
    before: db.prepare<At & { dueMs: number; receivedAt: string; id: string }, { n: number }>(
      `SELECT count(*) AS n FROM local_requests l INDEXED BY ${index}
       WHERE ${QUEUE_FILTER} AND ${where} AND (l.answer_due_ms, l.received_at, l.id) < (@dueMs, @receivedAt, @id)`,
    ),
  }));
  const keyOf = db.prepare<At & { id: string }, { dueMs: number; priority: number; receivedAt: string }>(
    `SELECT l.answer_due_ms AS dueMs, l.priority, l.received_at AS receivedAt FROM local_requests l WHERE l.id = @id AND ${QUEUE_FILTER}`,
  );
  const next = db.prepare<{ nowMs: number }, { dueMs: number | null }>(
    `SELECT min(l.answer_due_ms) AS dueMs FROM local_requests l INDEXED BY local_requests_due
     WHERE l.queued = 1 AND l.answer_due_ms >= @nowMs`,
  );
  const at = (now: string): At => ({ now, nowMs: Date.parse(now) });

  return {
    /** Rows `offset` to `offset + limit` (a negative limit: to the end). */
    window(now: string, offset: number, limit: number): LocalRow[] {
      const moment = at(now);
      const rows: LocalRow[] = [];
      let skip = offset;
      for (const tier of tiers) {
        const want = limit < 0 ? -1 : limit - rows.length;
        if (want === 0) break;
        const got = tier.rows.all({ ...moment, offset: skip, limit: want });
        rows.push(...got);
        // A tier the window starts beyond is counted (never read) to know how far into the next one it starts.
        skip = got.length > 0 ? 0 : Math.max(0, skip - tier.count.get(moment)!.n);
      }
      return rows;
    },
    position(id: string, now: string): number | null {
      const moment = at(now);
      const key = keyOf.get({ ...moment, id });
      if (!key) return null;
      const tier = key.dueMs < moment.nowMs ? 0 : key.priority ? 1 : 2;
      let position = 0;
      for (let i = 0; i < tier; i++) position += tiers[i]!.count.get(moment)!.n;
      return position + tiers[tier]!.before.get({ ...moment, ...key, id })!.n;
    },
    nextCrossing(now: string): number | null {
      return next.get({ nowMs: Date.parse(now) })!.dueMs;
    },
  };
}
