import { beijingDayNumber, HOUR_MS, MINUTE_MS, type TimeInput, toEpochMs } from './beijing-time';
import { type HolidayCalendar, isWorkingDay } from './holiday-calendar';
import { policyForCategory, type DeadlinePolicy } from './policy';
import { addWorkingTime, closingTime, firstRestDayBetween, isWorkingTime, nthWorkingDayAfter } from './working-time';

export interface DeadlineOptions {
  /** The request's category; its overrides (and its ancestors') apply. */
  categoryId?: string | null;
}

/** Acknowledgement to the citizen: a fixed number of calendar minutes after arrival. */
export function acknowledgeDueAt(arrival: TimeInput, policy: DeadlinePolicy, options: DeadlineOptions = {}): Date {
  const { acknowledge } = policyForCategory(policy, options.categoryId);
  return new Date(toEpochMs(arrival) + acknowledge.minutes * MINUTE_MS);
}

/**
 * The answer promise. On a working day: `workingTimeHours` of session time, counted from arrival or, outside
 * the sessions, from the next session start. On a rest day or holiday: `restDayHours` calendar hours.
 */
export function answerDueAt(
  arrival: TimeInput,
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
  options: DeadlineOptions = {},
): Date {
  const { answer, workingHours } = policyForCategory(policy, options.categoryId);
  const at = toEpochMs(arrival);
  const restDayPromise = (from: number) => from + answer.restDayHours * HOUR_MS;
  if (!isWorkingDay(calendar, beijingDayNumber(at))) return new Date(restDayPromise(at));
  if (answer.offHoursOnWorkingDay === 'rest-day-hours' && !isWorkingTime(at, workingHours, calendar)) {
    return new Date(restDayPromise(at));
  }
  const due = addWorkingTime(at, answer.workingTimeHours * HOUR_MS, workingHours, calendar);
  const restDay = answer.capAtRestDayPromise ? firstRestDayBetween(at, due, calendar) : null;
  return new Date(restDay === null ? due : Math.min(due, restDayPromise(restDay)));
}

/**
 * The unit's handling time: closing time of the Nth working day after the day of transfer. The day of
 * transfer is not counted (as in Civil Code art. 201: 开始的当日不计入), whatever hour it happened;
 * a supervisor's extension adds working days.
 */
export function unitDueAt(
  transferredAt: TimeInput,
  policy: DeadlinePolicy,
  calendar: HolidayCalendar,
  options: DeadlineOptions & { extensionWorkingDays?: number } = {},
): Date {
  const { unitHandling, workingHours } = policyForCategory(policy, options.categoryId);
  const extension = options.extensionWorkingDays ?? 0;
  if (!Number.isInteger(extension) || extension < 0)
    throw new RangeError(`extension must be whole working days ≥ 0: ${extension}`);
  const lastDay = nthWorkingDayAfter(
    beijingDayNumber(toEpochMs(transferredAt)),
    unitHandling.workingDays + extension,
    calendar,
  );
  return new Date(closingTime(lastDay, workingHours));
}
