import { dateKeyOf, dayNumberOf } from '../../shared/deadline/beijing-time';
import { periodContaining, periodsBefore, type PeriodQuery } from '../../shared/reports/period';
import type { LeagueRow, PeriodReport } from '../../shared/reports/period-report';
import { SURGE_RULE } from '../../shared/reports/surge-statistics';
import type { Summary } from '../../shared/reports/summary';
import type { Db } from '../db/open-database';
import { commentaryOf } from './commentary';
import { notableCases } from './notable-cases';
import { dailyVolume, volumeOver } from './period-volume';
import { summarize } from './summarize';
import { surgeRadar } from './surge-radar';

/**
 * A period's report (周报 / 月报, or a day's), computed from the database (docs/reports.md): the summary's
 * numbers, the days and the trend over the trailing periods (which are also the surge radar's baseline),
 * the league table, the notable cases, the surges and the commentary.
 */
export async function periodReport(db: Db, query: PeriodQuery, now: Date = new Date()): Promise<PeriodReport> {
  return (await reportWithSamples(db, query, now)).report;
}

/** The report, and its cluster surges' representative messages as written (for marking one handled). */
export async function reportWithSamples(
  db: Db,
  query: PeriodQuery,
  now: Date = new Date(),
): Promise<{ report: PeriodReport; representatives: Map<string, string> }> {
  const dates = periodContaining(query.period, query.date);
  const baseline = periodsBefore(query.period, dates, SURGE_RULE.baselinePeriods);
  const [summary, days, cases, categories, commentary] = await Promise.all([
    summarize(db, dates, now),
    dailyVolume(db, { from: baseline[0]!.from, to: dates.to }),
    notableCases(db, dates),
    db.selectFrom('categories').select(['id', 'name']).execute(),
    commentaryOf(db, query.period, dates.from),
  ]);
  const current = volumeOver(days, dates);
  const baselineVolumes = baseline.map((period) => volumeOver(days, period));
  const categoryNames = Object.fromEntries(categories.map((c) => [c.id, c.name]));
  const { surges, watched, representatives } = await surgeRadar(db, {
    kind: query.period,
    dates,
    baseline,
    current,
    baselineVolumes,
    categoryNames,
  });
  const periodDays: string[] = [];
  for (let day = dayNumberOf(dates.from); day <= dayNumberOf(dates.to); day++) periodDays.push(dateKeyOf(day));
  const report: PeriodReport = {
    ...summary,
    period: query.period,
    days: periodDays.map((day) => days.get(day)!),
    trend: [...baselineVolumes, current],
    categoryNames,
    league: leagueTable(summary.byUnit),
    notableCases: cases,
    surges,
    watched,
    commentary,
  };
  return { report, representatives };
}

/**
 * Units slowest first, as the city names them: lowest 按期办结率, then 办结率, then 满意率; a rate with nothing
 * to divide sorts after every number (the unit had nothing due), then more requests first.
 */
export function leagueTable(byUnit: Summary['byUnit']): LeagueRow[] {
  const ascending = (a: number | null, b: number | null) => (a ?? 2) - (b ?? 2);
  return [...byUnit]
    .sort(
      (a, b) =>
        ascending(a.onTimeRate, b.onTimeRate) ||
        ascending(a.closedRate, b.closedRate) ||
        ascending(a.satisfactionRate, b.satisfactionRate) ||
        b.received - a.received ||
        a.unitName.localeCompare(b.unitName, 'zh'),
    )
    .map((unit, i) => ({ rank: i + 1, ...unit }));
}
