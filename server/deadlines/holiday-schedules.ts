import { monotonicFactory } from 'ulid';
import {
  createHolidayCalendar,
  mergeHolidayCalendars,
  PUBLISHED_HOLIDAY_CALENDAR,
  type HolidayCalendar,
  type HolidaySchedule,
} from '../../shared/deadline';
import { currentValue, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';

const ulid = monotonicFactory();

/** Bumped with every loaded schedule, so every server instance notices and rebuilds its calendar. */
const HOLIDAY_VERSION = 'holiday_version';

/** Stores an administrator's schedule; it is validated first, so a bad file never reaches the deadlines. */
export async function storeHolidaySchedule(
  db: Db,
  schedule: HolidaySchedule,
  source: string,
  loadedBy: string,
): Promise<HolidayCalendar> {
  const calendar = createHolidayCalendar(schedule);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('holiday_schedules')
      .values({
        id: ulid(),
        source,
        holidays: JSON.stringify([...calendar.holidays]),
        workdays: JSON.stringify([...calendar.workdays]),
        loaded_at: new Date().toISOString(),
        loaded_by: loadedBy,
      })
      .execute();
    await nextValue(trx, HOLIDAY_VERSION);
  });
  return calendar;
}

/** The published calendar with the loaded schedules over it, in the order they were loaded; cached per version. */
export function holidayCalendarLoader(db: Db): () => Promise<HolidayCalendar> {
  let cached: { version: number; calendar: HolidayCalendar } | null = null;
  return async () => {
    const version = await currentValue(db, HOLIDAY_VERSION);
    if (cached?.version === version) return cached.calendar;
    const rows = await db.selectFrom('holiday_schedules').select(['holidays', 'workdays']).orderBy('id').execute();
    const loaded = rows.map((row) =>
      createHolidayCalendar({
        holidays: JSON.parse(row.holidays) as string[],
        workdays: JSON.parse(row.workdays) as string[],
      }),
    );
    cached = { version, calendar: mergeHolidayCalendars(PUBLISHED_HOLIDAY_CALENDAR, ...loaded) };
    return cached.calendar;
  };
}
