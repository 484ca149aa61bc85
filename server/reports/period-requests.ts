import type { PeriodDates } from '../../shared/reports/period';
import { periodInstants } from '../../shared/reports/summary';
import type { Db } from '../db/open-database';

/**
 * The requests that arrived in a period (Beijing dates, both inclusive) with their unit and category joined,
 * as every report query starts: `r`, `u` and `c`. ISO-8601 text compares as time on both dialects, so the
 * range uses the received_at index.
 */
export function requestsReceivedIn(db: Db, dates: PeriodDates) {
  const { start, end } = periodInstants(dates);
  return db
    .selectFrom('requests as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('categories as c', 'c.id', 'r.category_id')
    .where('r.received_at', '>=', start)
    .where('r.received_at', '<', end);
}
