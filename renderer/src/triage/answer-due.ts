import type { LocalRequest } from '../../../shared/api/workstation-api';
import { answerDueAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR } from '../../../shared/deadline';

const cache = new Map<string, number>();

/** When the answer to this request is due (有呼必应), by the centre's policy and the holiday calendar; memoised per request. */
export function answerDue(request: LocalRequest): number {
  const key = `${request.id}|${request.categoryId ?? ''}`;
  let due = cache.get(key);
  if (due === undefined) {
    due = answerDueAt(request.receivedAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR, { categoryId: request.categoryId }).getTime();
    if (cache.size > 5000) cache.clear();
    cache.set(key, due);
  }
  return due;
}
