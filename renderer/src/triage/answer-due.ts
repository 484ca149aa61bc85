import type { LocalRequest } from '../../../shared/api/workstation-api';
import { queueDueAt } from '../../../shared/queue/queue-order';

const cache = new Map<string, number>();

/** When the answer to this request is due (有呼必应), as the host orders the queue by it; memoised per request. */
export function answerDue(request: LocalRequest): number {
  const key = `${request.id}|${request.categoryId ?? ''}|${request.deadlines.answerDueAt ?? ''}`;
  let due = cache.get(key);
  if (due === undefined) {
    due = queueDueAt(request);
    if (cache.size > 5000) cache.clear();
    cache.set(key, due);
  }
  return due;
}
