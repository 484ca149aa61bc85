import { answerDueAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR } from '../deadline';
import type { Request } from '../model';

/**
 * The merged queue's order (docs/triage.md), the one definition: the workstation host walks it on
 * indexes (electron/host/cache/queue-order.ts), and this comparator is what the host must agree with.
 *
 *   1. overdue — the answer promise has passed — most overdue first;
 *   2. priority — escalated to a supervisor, or returned by units more than twice — least time left first;
 *   3. everything else, least time left first;
 *   ties by arrival, then id.
 *
 * Only the moment a request turns overdue moves it: within a tier the order is fixed by its due time.
 */

export type QueueTier = 'overdue' | 'priority' | 'waiting';
const TIER_RANK: Record<QueueTier, number> = { overdue: 0, priority: 1, waiting: 2 };

/** What a request's place in the queue depends on. */
export interface QueueKey {
  id: string;
  receivedAt: string;
  /** The answer promise, epoch milliseconds (queueDueAt). */
  dueMs: number;
  priority: boolean;
}

/**
 * When the answer to this request is due as the queue counts it: the server's stamp, else (a request
 * the server has not stamped yet) the same shared rule with the default policy.
 */
export function queueDueAt(request: Pick<Request, 'receivedAt' | 'categoryId' | 'deadlines'>): number {
  const stamped = request.deadlines.answerDueAt;
  if (stamped !== null) return Date.parse(stamped);
  return answerDueAt(request.receivedAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR, {
    categoryId: request.categoryId,
  }).getTime();
}

/** Raised to a supervisor, or bounced by units more than twice: ahead of the requests merely waiting. */
export function queuePriority(request: Pick<Request, 'escalated' | 'flagged'>): boolean {
  return request.escalated || request.flagged;
}

export function queueKey(
  request: Pick<Request, 'id' | 'receivedAt' | 'categoryId' | 'deadlines' | 'escalated' | 'flagged'>,
): QueueKey {
  return {
    id: request.id,
    receivedAt: request.receivedAt,
    dueMs: queueDueAt(request),
    priority: queuePriority(request),
  };
}

/** Overdue only after the due moment itself, as deadlineStatus says. */
export function queueTier(key: Pick<QueueKey, 'dueMs' | 'priority'>, nowMs: number): QueueTier {
  if (key.dueMs < nowMs) return 'overdue';
  return key.priority ? 'priority' : 'waiting';
}

/** Negative when `a` comes first in the queue at `nowMs`. */
export function compareQueueOrder(a: QueueKey, b: QueueKey, nowMs: number): number {
  return (
    TIER_RANK[queueTier(a, nowMs)] - TIER_RANK[queueTier(b, nowMs)] ||
    a.dueMs - b.dueMs ||
    compareText(a.receivedAt, b.receivedAt) ||
    compareText(a.id, b.id)
  );
}

/** Byte order, as SQLite's BINARY collation compares the same columns. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
