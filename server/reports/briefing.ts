import { dateKeyOf, dayNumberOf } from '../../shared/deadline/beijing-time';
import { Channel, type Request } from '../../shared/model';
import {
  type Briefing,
  BRIEFING_WEEKS,
  type BriefingQuery,
  type BriefingRequest,
  type Compared,
} from '../../shared/reports/briefing';
import type { Volume } from '../../shared/reports/period-report';
import type { Db } from '../db/open-database';
import { toRequest } from '../requests/request-rows';
import { overdueRequests } from '../supervision/overdue-requests';
import { unitPerformance } from '../supervision/unit-performance';
import { notableCases, reportExcerpt } from './notable-cases';
import { periodReport } from './period-report';
import { dailyVolume } from './period-volume';

/** Each list of requests on the briefing's one screen is cut here; the supervisors' view has the rest. */
const MOST = 50;
/** Thorny cases are looked for among the arrivals of this many days up to the date reviewed. */
const THORNY_DAYS = 30;

/**
 * The morning briefing for a Beijing day (usually yesterday), from the counts the reports already make: the day's
 * volume by channel and category against the same weekday of the four weeks before (dailyVolume), the surges of
 * the day (the surge radar, through the day's period report), the thorny cases (notableCases), and, as they stand
 * now, the overdue requests and the units late (the supervisors' queries), and the open escalated requests.
 */
export async function briefing(db: Db, { date }: BriefingQuery, now: Date = new Date()): Promise<Briefing> {
  const day = dayNumberOf(date);
  const comparedWith = Array.from({ length: BRIEFING_WEEKS }, (_, i) => dateKeyOf(day - 7 * (BRIEFING_WEEKS - i)));
  const [days, report, thorny, overdue, units, escalated] = await Promise.all([
    dailyVolume(db, { from: comparedWith[0]!, to: date }),
    periodReport(db, { period: 'day', date }, now),
    notableCases(db, { from: dateKeyOf(day - THORNY_DAYS + 1), to: date }),
    overdueRequests(db, now),
    unitPerformance(db, now),
    escalatedRequests(db),
  ]);
  const current = days.get(date)!;
  const before = comparedWith.map((key) => days.get(key)!);
  const compare = (count: (volume: Volume) => number): Compared => {
    const mean = before.reduce((sum, volume) => sum + count(volume), 0) / before.length;
    const n = count(current);
    return { count: n, mean, change: mean === 0 ? null : (n - mean) / mean };
  };
  const categoryIds = new Set([current, ...before].flatMap((volume) => Object.keys(volume.byCategory)));
  return {
    date,
    comparedWith,
    volume: {
      total: compare((v) => v.received),
      byChannel: Channel.options.map((channel) => ({ channel, ...compare((v) => v.byChannel[channel]) })),
      byCategory: [...categoryIds]
        .map((categoryId) => ({
          categoryId,
          categoryName: report.categoryNames[categoryId] ?? categoryId,
          ...compare((v) => v.byCategory[categoryId] ?? 0),
        }))
        .sort((a, b) => b.count - a.count || b.mean - a.mean || a.categoryId.localeCompare(b.categoryId, 'zh')),
    },
    overdue: overdue.requests.slice(0, MOST).map(({ request, unitName, clocks }) => {
      const missed = Object.values(clocks)
        .filter((clock) => clock.state === 'overdue' && clock.dueAt !== null)
        .map((clock) => clock.dueAt!)
        .sort();
      return briefingRequest(request, unitName, missed[0] ?? null);
    }),
    escalated,
    hotIssues: report.surges,
    thorny,
    unitsLate: units.units
      .filter((unit) => unit.overdue > 0)
      .map(({ unitId, unitName, overdue: late, holding }) => ({ unitId, unitName, overdue: late, holding })),
    generatedAt: now.toISOString(),
  };
}

function briefingRequest(request: Request, unitName: string | null, dueAt: string | null): BriefingRequest {
  return {
    requestId: request.id,
    number: request.number,
    channel: request.channel,
    status: request.status,
    unitName,
    dueAt,
    text: reportExcerpt(request.text),
  };
}

/** Open requests escalated to the supervisors, oldest first. */
async function escalatedRequests(db: Db): Promise<BriefingRequest[]> {
  const rows = await db
    .selectFrom('requests')
    .leftJoin('units', 'units.id', 'requests.unit_id')
    .selectAll('requests')
    .select('units.name as unit_name')
    .where('requests.escalated', '=', 1)
    .where('requests.status', 'not in', ['closed', 'junk', 'merged'])
    .orderBy('requests.received_at')
    .limit(MOST)
    .execute();
  return rows.map((row) => briefingRequest(toRequest(row), row.unit_name, null));
}
