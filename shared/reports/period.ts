import { z } from 'zod';
import { dateKeyOf, dayNumberOf, weekdayOf } from '../deadline/beijing-time';
import { DateKey } from './summary';

/**
 * The periods the centre reports on: a day (the morning review), a week (周报, Monday to Sunday, as the city's
 * working weeks run) and a month (月报, the calendar month). A period is named by any date inside it.
 */
export const PeriodKind = z.enum(['day', 'week', 'month']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const PeriodQuery = z.object({ period: PeriodKind, date: DateKey });
export type PeriodQuery = z.infer<typeof PeriodQuery>;

/** A period's Beijing dates, both inclusive (the summary's `from` and `to`). */
export interface PeriodDates {
  from: string;
  to: string;
}

/** The period of `kind` that contains `date`. */
export function periodContaining(kind: PeriodKind, date: string): PeriodDates {
  const day = dayNumberOf(date);
  if (kind === 'day') return { from: date, to: date };
  if (kind === 'week') {
    const monday = day - ((weekdayOf(day) + 6) % 7);
    return { from: dateKeyOf(monday), to: dateKeyOf(monday + 6) };
  }
  const first = `${date.slice(0, 8)}01`;
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { from: first, to: dateKeyOf(dayNumberOf(next) - 1) };
}

/** The `count` periods of `kind` just before `period`, oldest first. */
export function periodsBefore(kind: PeriodKind, period: PeriodDates, count: number): PeriodDates[] {
  const before: PeriodDates[] = [];
  let current = period;
  for (let i = 0; i < count; i++) {
    current = periodContaining(kind, dateKeyOf(dayNumberOf(current.from) - 1));
    before.unshift(current);
  }
  return before;
}

/** Days in a period, both ends counted. */
export function daysOf({ from, to }: PeriodDates): number {
  return dayNumberOf(to) - dayNumberOf(from) + 1;
}
