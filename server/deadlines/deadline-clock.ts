import type { DeadlinePolicy, HolidayCalendar } from '../../shared/deadline';
import { requestDeadlines, type DeadlineInputs } from '../../shared/units/request-deadlines';
import type { Db } from '../db/open-database';
import { holidayCalendarLoader } from './holiday-schedules';

/** Sets a request's due times with the policy and the calendar as they were when it was prepared. */
export type SetDeadlines = <R extends DeadlineInputs>(request: R) => R;

export interface DeadlineClock {
  readonly policy: DeadlinePolicy;
  /**
   * Reads the holiday calendar. Call it before opening a transaction: on SQLite the database has one
   * connection, which the transaction holds.
   */
  prepare(): Promise<SetDeadlines>;
  /** The holiday calendar in force (published, with administrators' schedules over it). */
  calendar(): Promise<HolidayCalendar>;
}

export function createDeadlineClock(db: Db, policy: DeadlinePolicy): DeadlineClock {
  const calendar = holidayCalendarLoader(db);
  return {
    policy,
    async prepare() {
      const current = await calendar();
      return (request) => ({ ...request, deadlines: requestDeadlines(request, policy, current) });
    },
    calendar,
  };
}
