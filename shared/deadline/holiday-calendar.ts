import { type DateKey, dayNumberOf, dateKeyOf, weekdayOf } from './beijing-time';

/**
 * The official schedule as published: rest days that fall on weekdays or around them (放假) and
 * weekend days that become working days (调休上班). Any other day follows the Monday–Friday week.
 */
export interface HolidaySchedule {
  holidays: readonly DateKey[];
  workdays: readonly DateKey[];
}

export interface HolidayCalendar {
  readonly holidays: ReadonlySet<DateKey>;
  readonly workdays: ReadonlySet<DateKey>;
  /** Years the schedule mentions, so an admin screen can warn when next year's schedule is missing. */
  readonly years: ReadonlySet<number>;
}

export function createHolidayCalendar(schedule: HolidaySchedule): HolidayCalendar {
  const holidays = new Set(schedule.holidays.map(validDateKey));
  const workdays = new Set(schedule.workdays.map(validDateKey));
  for (const day of holidays) {
    if (workdays.has(day)) throw new RangeError(`${day} is listed both as a holiday and as a working day`);
  }
  return { holidays, workdays, years: yearsOf(holidays, workdays) };
}

/**
 * Later schedules win, date by date: an administrator's file adds next year and can correct a published
 * day (a holiday listed there stops being a working day in the base, and the reverse).
 */
export function mergeHolidayCalendars(base: HolidayCalendar, ...later: HolidayCalendar[]): HolidayCalendar {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  for (const next of later) {
    for (const day of next.holidays) {
      holidays.add(day);
      workdays.delete(day);
    }
    for (const day of next.workdays) {
      workdays.add(day);
      holidays.delete(day);
    }
  }
  return { holidays, workdays, years: yearsOf(holidays, workdays) };
}

/** Same rule as chinese-days' isWorkday: a 调休 working day, or Monday–Friday that is not a holiday. */
export function isWorkingDay(calendar: HolidayCalendar, dayNumber: number): boolean {
  const key = dateKeyOf(dayNumber);
  if (calendar.workdays.has(key)) return true;
  const weekday = weekdayOf(dayNumber);
  return weekday >= 1 && weekday <= 5 && !calendar.holidays.has(key);
}

export function isWorkingDate(calendar: HolidayCalendar, key: DateKey): boolean {
  return isWorkingDay(calendar, dayNumberOf(key));
}

function validDateKey(key: DateKey): DateKey {
  return dateKeyOf(dayNumberOf(key));
}

function yearsOf(...sets: ReadonlySet<DateKey>[]): Set<number> {
  const years = new Set<number>();
  for (const set of sets) for (const day of set) years.add(Number(day.slice(0, 4)));
  return years;
}
