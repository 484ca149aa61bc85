import { z } from 'zod';
import { Channel, Instant, RequestStatus } from '../model';
import { NotableCase, Surge } from './period-report';
import { DateKey, REPORTS_API } from './summary';

/**
 * The morning briefing (晨会): the day before, reviewed by the team each morning (docs/reports.md), computed by
 * the server for any signed-in operator:
 *   GET /api/reports/briefing?date=YYYY-MM-DD   → Briefing     (date: the Beijing day reviewed, usually yesterday)
 * Citizen text in it is masked before it leaves the server.
 */
export const BriefingQuery = z.object({ date: DateKey });
export type BriefingQuery = z.infer<typeof BriefingQuery>;

export function briefingPath({ date }: BriefingQuery): string {
  return `${REPORTS_API}/briefing?date=${date}`;
}

/** How many weeks back the same weekday is compared. */
export const BRIEFING_WEEKS = 4;

const Count = z.number().int().nonnegative();

/** The day's arrivals against the same weekday of the four weeks before: their mean, and the change from it. */
export const Compared = z.object({
  count: Count,
  mean: z.number().nonnegative(),
  /** (count − mean) ÷ mean; null when the mean is 0. */
  change: z.number().nullable(),
});
export type Compared = z.infer<typeof Compared>;

/** A request the briefing names: enough to recognise it and open it (Enter) in the detail pane. */
export const BriefingRequest = z.object({
  requestId: z.string(),
  number: z.string(),
  channel: Channel,
  status: RequestStatus,
  unitName: z.string().nullable(),
  /** The due time it missed (overdue), else null. */
  dueAt: Instant.nullable(),
  /** The citizen's words, masked and cut short. */
  text: z.string(),
});
export type BriefingRequest = z.infer<typeof BriefingRequest>;

export const Briefing = z.object({
  date: z.string(),
  /** The same weekday in each of the four weeks before, oldest first. */
  comparedWith: z.array(z.string()),
  volume: z.object({
    total: Compared,
    byChannel: z.array(Compared.extend({ channel: Channel })),
    /** Categories with arrivals that day or in the weeks compared, most that day first. */
    byCategory: z.array(Compared.extend({ categoryId: z.string(), categoryName: z.string() })),
  }),
  /** Open requests past a due time now, most overdue first. */
  overdue: z.array(BriefingRequest),
  /** Open requests escalated to the supervisors. */
  escalated: z.array(BriefingRequest),
  /** The day's rises unlikely by chance (categories and near-duplicate clusters), from the surge radar. */
  hotIssues: z.array(Surge),
  /** Thorny cases (returned twice or more, 不满意, escalated) among the arrivals of the 30 days to the date. */
  thorny: z.array(NotableCase),
  /** Units holding requests past their due time now, most first. */
  unitsLate: z.array(z.object({ unitId: z.string(), unitName: z.string(), overdue: Count, holding: Count })),
  generatedAt: Instant,
});
export type Briefing = z.infer<typeof Briefing>;
