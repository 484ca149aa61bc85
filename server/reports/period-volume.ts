import { sql } from 'kysely';
import { dateKeyOf, dayNumberOf } from '../../shared/deadline/beijing-time';
import { Channel } from '../../shared/model';
import type { PeriodDates } from '../../shared/reports/period';
import { periodInstants } from '../../shared/reports/summary';
import type { Volume } from '../../shared/reports/period-report';
import type { Db } from '../db/open-database';

/**
 * Arrivals per Beijing day, channel and category over a stretch of dates, in one grouped query. The day is
 * found without time-zone functions, which SQLite and PostgreSQL spell differently: Beijing is UTC+8 all
 * year, so a Beijing day is the UTC day's hours before 16:00 and the previous UTC day's from 16:00, and
 * ISO text gives both the UTC date and the hour by position. Junk and merged are left out, as in every number.
 */
export async function dailyVolume(db: Db, dates: PeriodDates): Promise<Map<string, Volume>> {
  const { start, end } = periodInstants(dates);
  const utcDate = sql<string>`substr(r.received_at, 1, 10)`;
  const evening = sql<number>`case when substr(r.received_at, 12, 2) >= '16' then 1 else 0 end`;
  const rows = await db
    .selectFrom('requests as r')
    .where('r.received_at', '>=', start)
    .where('r.received_at', '<', end)
    .where('r.status', 'not in', ['junk', 'merged'])
    .select([
      utcDate.as('utc_date'),
      evening.as('evening'),
      'r.channel',
      'r.category_id',
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy([utcDate, evening, 'r.channel', 'r.category_id'])
    .execute();

  const days = new Map<string, Volume>();
  for (let day = dayNumberOf(dates.from); day <= dayNumberOf(dates.to); day++) {
    const key = dateKeyOf(day);
    days.set(key, emptyVolume(key, key));
  }
  for (const row of rows) {
    const key = dateKeyOf(dayNumberOf(row.utc_date) + Number(row.evening));
    const volume = days.get(key);
    if (!volume) continue; // cannot happen within [start, end); kept safe against a clock-skewed row
    const n = Number(row.n);
    volume.received += n;
    volume.byChannel[Channel.parse(row.channel)] += n;
    if (row.category_id !== null) volume.byCategory[row.category_id] = (volume.byCategory[row.category_id] ?? 0) + n;
  }
  return days;
}

function emptyVolume(from: string, to: string): Volume {
  return { from, to, received: 0, byChannel: { wechat: 0, weibo: 0, alipay: 0 }, byCategory: {} };
}

/** The days' volumes added up over a period. */
export function volumeOver(days: Map<string, Volume>, period: PeriodDates): Volume {
  const total = emptyVolume(period.from, period.to);
  for (let day = dayNumberOf(period.from); day <= dayNumberOf(period.to); day++) {
    const volume = days.get(dateKeyOf(day));
    if (!volume) continue;
    total.received += volume.received;
    for (const channel of Channel.options) total.byChannel[channel] += volume.byChannel[channel];
    for (const [category, n] of Object.entries(volume.byCategory))
      total.byCategory[category] = (total.byCategory[category] ?? 0) + n;
  }
  return total;
}
