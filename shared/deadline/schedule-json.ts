import { z } from 'zod';
import type { HolidaySchedule } from './holiday-calendar';

/** Either a list of dates or chinese-days' map of date → 'English,中文,days' (the description is ignored). */
const DateList = z.union([z.array(z.string()), z.record(z.string(), z.string())]);

const ScheduleFile = z.object({ holidays: DateList, workdays: DateList });

/**
 * An administrator's schedule file in the chinese-days shape — `{ holidays, workdays }` as arrays of
 * 'YYYY-MM-DD' or as maps keyed by them. Dates are checked when the calendar is built.
 */
export function parseHolidayScheduleJson(text: string): HolidaySchedule {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`holiday schedule is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = ScheduleFile.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(
      `holiday schedule needs { holidays, workdays } as date lists: ${z.prettifyError(parsed.error)}`,
    );
  }
  return { holidays: dates(parsed.data.holidays), workdays: dates(parsed.data.workdays) };
}

function dates(list: z.infer<typeof DateList>): string[] {
  return Array.isArray(list) ? list : Object.keys(list);
}
