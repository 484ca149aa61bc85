import { z } from 'zod';
import { beijingDayStart, DAY_MS, dayNumberOf } from '../deadline/beijing-time';
import { Channel, Instant } from '../model';

/**
 * The centre's numbers for a period (docs/numbers.md defines each): served to supervisors and admins at
 *   GET /api/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD   → Summary
 * Beijing dates, both inclusive; a request belongs to the period it arrived in, and is counted as it stands now.
 */
export const REPORTS_API = '/api/reports';

/** The longest period one summary covers: ten years of days, so a typo in a year cannot scan everything. */
const MAX_DAYS = 3660;

/** The day number of a calendar date, or null for anything else (2026-02-30, 2026/11/02). */
function dayOf(key: string): number | null {
  try {
    return dayNumberOf(key);
  } catch {
    return null;
  }
}

export const DateKey = z.string().refine((key) => dayOf(key) !== null, {
  message: 'expected a calendar date YYYY-MM-DD (Beijing)',
});

/** Days from `from` to `to`, both counted; only called on valid dates. */
const daysIn = ({ from, to }: { from: string; to: string }) => dayNumberOf(to) - dayNumberOf(from) + 1;

export const SummaryQuery = z
  .object({ from: DateKey, to: DateKey })
  .refine(({ from, to }) => dayOf(from) === null || dayOf(to) === null || from <= to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  })
  .refine((period) => dayOf(period.from) === null || dayOf(period.to) === null || daysIn(period) <= MAX_DAYS, {
    message: `a summary covers at most ${MAX_DAYS} days`,
    path: ['to'],
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** The instants a period of Beijing dates covers: [start, end). */
export function periodInstants({ from, to }: SummaryQuery): { start: string; end: string } {
  return {
    start: new Date(beijingDayStart(dayNumberOf(from))).toISOString(),
    end: new Date(beijingDayStart(dayNumberOf(to)) + DAY_MS).toISOString(),
  };
}

const Count = z.number().int().nonnegative();
/** A share between 0 and 1; null when nothing was there to divide. */
const Rate = z.number().min(0).max(1).nullable();

/** One slice's counts and rates (a unit, a category, a channel); docs/numbers.md says what each counts. */
export const SummaryCounts = z.object({
  received: Count,
  answered: Count,
  closed: Count,
  onTime: Count,
  overdue: Count,
  rated: Count,
  satisfied: Count,
  closedRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
});
export type SummaryCounts = z.infer<typeof SummaryCounts>;

export const Summary = z.object({
  from: z.string(),
  to: z.string(),
  /** Requests that arrived in the period, neither junk nor merged. */
  received: Count,
  byChannel: z.object({ wechat: Count, weibo: Count, alipay: Count }),
  /** Arrivals of the period left out of every number: junk, and merged into another request. */
  excluded: z.object({ junk: Count, merged: Count }),
  transferred: Count,
  answeredByUnits: Count,
  closed: Count,
  closedRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
  onTime: Count,
  overdue: Count,
  rated: Count,
  satisfied: Count,
  /** Unit answers operators sent back as not acceptable (答复不满意 / 未实质答复). */
  rejectedAnswers: Count,
  byUnit: z.array(
    SummaryCounts.extend({
      unitId: z.string(),
      unitName: z.string(),
      /** Its answers operators sent back: each counts against the unit that gave it. */
      rejectedAnswers: Count,
    }),
  ),
  byCategory: z.array(SummaryCounts.extend({ categoryId: z.string(), categoryName: z.string() })),
  /** The requests each operator closed (the latest close), with their ratings: 满意率 per operator. */
  byOperator: z.array(SummaryCounts.extend({ operatorId: z.string(), operatorName: z.string() })),
  /** The same counts per channel, for the rates by channel. */
  channels: z.array(SummaryCounts.extend({ channel: Channel })),
  generatedAt: Instant,
});
export type Summary = z.infer<typeof Summary>;
