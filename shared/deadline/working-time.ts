import { beijingDayNumber, beijingDayStart } from './beijing-time';
import { type HolidayCalendar, isWorkingDay } from './holiday-calendar';
import { sessionWindows, type WorkingHours } from './working-hours';

/** Longest run of days without a working day we accept before deciding the calendar is broken. */
const MAX_DAYS_WITHOUT_WORK = 366;

/** Whether a moment falls inside a session of a working day. */
export function isWorkingTime(ms: number, hours: WorkingHours, calendar: HolidayCalendar): boolean {
  const day = beijingDayNumber(ms);
  if (!isWorkingDay(calendar, day)) return false;
  const into = ms - beijingDayStart(day);
  return sessionWindows(hours).some(([start, end]) => into >= start && into < end);
}

/**
 * The moment `durationMs` of working time has passed after `fromMs`, counting only session time on
 * working days. A duration that ends exactly at closing time is due at closing, not next morning.
 */
export function addWorkingTime(
  fromMs: number,
  durationMs: number,
  hours: WorkingHours,
  calendar: HolidayCalendar,
): number {
  const windows = sessionWindows(hours);
  let remaining = durationMs;
  const firstDay = beijingDayNumber(fromMs);
  for (let day = firstDay, idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
    if (!isWorkingDay(calendar, day)) {
      idle++;
      continue;
    }
    idle = 0;
    const dayStart = beijingDayStart(day);
    for (const [start, end] of windows) {
      const from = Math.max(fromMs, dayStart + start);
      if (from >= dayStart + end) continue;
      if (from + remaining <= dayStart + end) return from + remaining;
      remaining -= dayStart + end - from;
    }
  }
  throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${new Date(fromMs).toISOString()}`);
}

/** The Beijing day number of the nth working day after `fromDay` (n ≥ 1; `fromDay` itself is not counted). */
export function nthWorkingDayAfter(fromDay: number, n: number, calendar: HolidayCalendar): number {
  let found = 0;
  for (let day = fromDay + 1, idle = 0; idle <= MAX_DAYS_WITHOUT_WORK; day++) {
    if (!isWorkingDay(calendar, day)) {
      idle++;
      continue;
    }
    idle = 0;
    if (++found === n) return day;
  }
  throw new RangeError(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of day ${fromDay}`);
}

/** Closing time (end of the last session) of a day. */
export function closingTime(day: number, hours: WorkingHours): number {
  const windows = sessionWindows(hours);
  return beijingDayStart(day) + windows[windows.length - 1]![1];
}

/** Start of the first rest day after `fromMs`'s day, up to `untilMs`'s day, if any. */
export function firstRestDayBetween(fromMs: number, untilMs: number, calendar: HolidayCalendar): number | null {
  for (let day = beijingDayNumber(fromMs) + 1; day <= beijingDayNumber(untilMs); day++) {
    if (!isWorkingDay(calendar, day)) return beijingDayStart(day);
  }
  return null;
}
