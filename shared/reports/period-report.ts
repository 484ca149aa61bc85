import { z } from 'zod';
import { Channel, Instant } from '../model';
import { PeriodKind, PeriodQuery } from './period';
import { DateKey, Summary, SummaryCounts } from './summary';

/**
 * A weekly or monthly report (周报 / 月报), or a day's, as the server computes it (docs/reports.md):
 *   GET /api/reports/period?period=day|week|month&date=YYYY-MM-DD   → PeriodReport (supervisors, admins)
 * It carries the summary's fields for the period, then the volume by day and the trend over the periods
 * before, the units' league table, the notable cases, the surges and the operator's commentary.
 * Citizen text in it is masked (shared/privacy) before it leaves the server.
 */
const Count = z.number().int().nonnegative();
const ByChannel = z.object({ wechat: Count, weibo: Count, alipay: Count });

/** Arrivals in a stretch of days (a day of the period, or a whole earlier period), by channel and category. */
export const Volume = z.object({
  from: z.string(),
  to: z.string(),
  received: Count,
  byChannel: ByChannel,
  /** Category id → arrivals; uncategorised arrivals are in `received` only. */
  byCategory: z.record(z.string(), Count),
});
export type Volume = z.infer<typeof Volume>;

/** A unit's line in the league table: slowest first by 按期办结率, then 办结率, then 满意率. */
export const LeagueRow = SummaryCounts.extend({
  rank: z.number().int().positive(),
  unitId: z.string(),
  unitName: z.string(),
});
export type LeagueRow = z.infer<typeof LeagueRow>;

export const NotableReason = z.enum(['returned', 'dissatisfied', 'escalated']);
export type NotableReason = z.infer<typeof NotableReason>;

export const NotableCase = z.object({
  requestId: z.string(),
  number: z.string(),
  channel: Channel,
  receivedAt: Instant,
  status: z.string(),
  unitName: z.string().nullable(),
  categoryName: z.string().nullable(),
  reasons: z.array(NotableReason).min(1),
  returnCount: Count,
  /** The citizen's words, masked and cut short. */
  text: z.string(),
});
export type NotableCase = z.infer<typeof NotableCase>;

/** A supervisor's mark that a surge was dealt with; the radar then watches whether it comes back. */
export const SurgeMark = z.object({ handledAt: Instant, handledBy: z.string(), note: z.string() });
export type SurgeMark = z.infer<typeof SurgeMark>;

export const SurgeKind = z.enum(['category', 'cluster']);

export const Surge = z.object({
  /** category:<id>, or cluster:<hash of the representative message>; names the surge in this period. */
  key: z.string(),
  kind: SurgeKind,
  /** The category's name, or the cluster's representative message (masked). */
  label: z.string(),
  categoryId: z.string().nullable(),
  count: Count,
  /** The trailing baseline scaled to this period. */
  expected: z.number().nonnegative(),
  ratio: z.number().nonnegative().nullable(),
  pValue: z.number().min(0).max(1),
  adjustedP: z.number().min(0).max(1),
  /** Representative messages, masked. */
  messages: z.array(z.object({ number: z.string(), receivedAt: Instant, channel: Channel, text: z.string() })),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), count: Count })),
  /** Set once a supervisor marked it handled; a surge matching a mark made before this period is a recurrence. */
  handled: SurgeMark.nullable(),
  recurrence: z.boolean(),
});
export type Surge = z.infer<typeof Surge>;

/** A surge handled in the weeks before this period, and whether it came back in it (复发) or not (不再复发). */
export const WatchedSurge = z.object({
  kind: SurgeKind,
  label: z.string(),
  foundIn: z.object({ period: PeriodKind, from: z.string(), to: z.string() }),
  mark: SurgeMark,
  cameBack: z.boolean(),
});
export type WatchedSurge = z.infer<typeof WatchedSurge>;

export const Commentary = z.object({ text: z.string(), author: z.string(), writtenAt: Instant });
export type Commentary = z.infer<typeof Commentary>;

export const PeriodReport = Summary.extend({
  period: PeriodKind,
  /** The period's days in order. */
  days: z.array(Volume),
  /** The trailing periods and this one, oldest first: the trend. */
  trend: z.array(Volume),
  /** Names of the categories `byCategory` keys use. */
  categoryNames: z.record(z.string(), z.string()),
  league: z.array(LeagueRow),
  notableCases: z.array(NotableCase),
  surges: z.array(Surge),
  watched: z.array(WatchedSurge),
  commentary: Commentary.nullable(),
});
export type PeriodReport = z.infer<typeof PeriodReport>;

/** Mark a surge of a period handled: POST /api/reports/surges/handled → SurgeMark. */
export const MarkSurgeHandled = z.object({
  period: PeriodKind,
  date: DateKey,
  key: z.string().min(1).max(200),
  note: z.string().max(2000).default(''),
});

/** Write the commentary of a period's report: POST /api/reports/commentary → Commentary. */
export const WriteCommentary = z.object({
  period: PeriodKind,
  date: DateKey,
  text: z.string().max(20_000),
});

/** The formats a report is exported in: GET /api/reports/period/export?period&date&format → the file. */
export const ReportFormat = z.enum(['json', 'docx', 'pdf', 'xlsx']);
export type ReportFormat = z.infer<typeof ReportFormat>;
export const ReportExportQuery = PeriodQuery.extend({ format: ReportFormat });
