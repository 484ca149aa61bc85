import { acknowledgeDueAt, answerDueAt, unitDueAt, type DeadlinePolicy, type HolidayCalendar } from '../deadline';
import type { Request, RequestDeadlines } from '../model';

export type DeadlineInputs = Pick<Request, 'receivedAt' | 'categoryId' | 'unitId' | 'timeline' | 'deadlines'>;

/**
 * A request's three due times from what they depend on: arrival and category for the acknowledgement and
 * the answer, the latest transfer and the extensions granted for the unit, which has a clock only while a
 * unit holds (or answered) the request. Recomputed after every change, so a reclassification or an
 * extension moves them.
 */
export function requestDeadlines(
  request: DeadlineInputs,
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
): RequestDeadlines {
  const options = { categoryId: request.categoryId };
  const { transferredAt } = request.timeline;
  const { extensionWorkingDays } = request.deadlines;
  return {
    acknowledgeDueAt: acknowledgeDueAt(request.receivedAt, policy, options).toISOString(),
    answerDueAt: answerDueAt(request.receivedAt, policy, calendar, options).toISOString(),
    unitDueAt:
      request.unitId !== null && transferredAt !== null
        ? unitDueAt(transferredAt, policy, calendar, { ...options, extensionWorkingDays }).toISOString()
        : null,
    extensionWorkingDays,
  };
}
