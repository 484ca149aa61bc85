import { beijingDayNumber, toEpochMs } from '../deadline';
import { CHANNEL_LABEL, NO_CATEGORY, NO_UNIT } from './labels';
import type { LedgerLine } from './ledger-line';

/** One group's figures in the totals (合计) of a ledger. */
export interface TotalRow {
  label: string;
  count: number;
  /** Median over the lines whose handling time was measured; null when none was. */
  medianHandlingSeconds: number | null;
  deadlineMet: number;
  deadlineMissed: number;
}

export interface LedgerTotals {
  lines: number;
  byChannel: TotalRow[];
  byCategory: TotalRow[];
  byUnit: TotalRow[];
  byOperator: TotalRow[];
  medianHandlingSeconds: number | null;
  /** Lines whose handling time was measured, so a reader can judge the median. */
  measuredLines: number;
  /**
   * Requests per operator per day worked (人均日受理量): lines ÷ distinct (operator, Beijing day) pairs.
   * For one day this is simply lines ÷ operators; over a range it stays a daily figure.
   */
  requestsPerOperator: number | null;
  deadlineMet: number;
  deadlineMissed: number;
}

export function ledgerTotals(lines: readonly LedgerLine[]): LedgerTotals {
  const operatorDays = new Set(lines.map((l) => `${l.operator.id} ${beijingDayNumber(toEpochMs(l.handledAt))}`));
  const all = totalRow('', lines);
  return {
    lines: lines.length,
    byChannel: groupBy(lines, (l) => CHANNEL_LABEL[l.channel]),
    byCategory: groupBy(lines, (l) => l.category ?? NO_CATEGORY),
    byUnit: groupBy(lines, (l) => l.unit ?? NO_UNIT),
    byOperator: groupBy(lines, (l) => l.operator.name),
    medianHandlingSeconds: all.medianHandlingSeconds,
    measuredLines: lines.filter((l) => l.handlingSeconds !== null).length,
    requestsPerOperator: operatorDays.size === 0 ? null : lines.length / operatorDays.size,
    deadlineMet: all.deadlineMet,
    deadlineMissed: all.deadlineMissed,
  };
}

/** The middle value, or the mean of the two middle values; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Groups by label, largest first (ties by label, so exports are stable). */
function groupBy(lines: readonly LedgerLine[], labelOf: (line: LedgerLine) => string): TotalRow[] {
  const groups = new Map<string, LedgerLine[]>();
  for (const line of lines) {
    const label = labelOf(line);
    const group = groups.get(label);
    if (group) group.push(line);
    else groups.set(label, [line]);
  }
  return [...groups]
    .map(([label, members]) => totalRow(label, members))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-Hans-CN'));
}

function totalRow(label: string, lines: readonly LedgerLine[]): TotalRow {
  return {
    label,
    count: lines.length,
    medianHandlingSeconds: median(lines.flatMap((l) => (l.handlingSeconds === null ? [] : [l.handlingSeconds]))),
    deadlineMet: lines.filter((l) => l.deadlineMet === true).length,
    deadlineMissed: lines.filter((l) => l.deadlineMet === false).length,
  };
}
