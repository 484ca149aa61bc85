import { beijingDayNumber, type DateKey, dateKeyOf, dayNumberOf, toEpochMs } from '../deadline';
import type { LedgerLine } from './ledger-line';
import { type LedgerTotals, ledgerTotals } from './totals';

/** Beijing calendar days, both ends included; a day ledger has from === to. */
export interface LedgerPeriod {
  from: DateKey;
  to: DateKey;
}

export type LedgerScope = { kind: 'centre' } | { kind: 'operator'; id: string; name: string };

/**
 * Where the lines came from and whether they are all there. Online the workstation takes them from the centre's
 * server, which has every operator's (`server`). Offline it builds them from its cache, which holds other operators'
 * work only as of its last sync (`may-miss-other-operators`), unless the ledger is the operator's own and a sync
 * finished after the period (`complete`). The host says which applies and every export prints it.
 */
export type LedgerCompleteness =
  { kind: 'server' } | { kind: 'complete' } | { kind: 'may-miss-other-operators'; lastSyncAt: string | null };

export interface Ledger {
  period: LedgerPeriod;
  scope: LedgerScope;
  completeness: LedgerCompleteness;
  generatedAt: string;
  /** The period's and scope's lines, in the order they were handled. */
  lines: LedgerLine[];
  totals: LedgerTotals;
}

export type BuildLedgerInput = {
  lines: readonly LedgerLine[];
  completeness: LedgerCompleteness;
  generatedAt: string;
} & ({ day: DateKey; range?: never } | { range: LedgerPeriod; day?: never }) &
  ({ operator: { id: string; name: string }; centre?: never } | { centre: true; operator?: never });

/** Picks the lines handled in the period (Beijing days) by the operator or the whole centre, and totals them. */
export function buildLedger(input: BuildLedgerInput): Ledger {
  const period = input.range ?? { from: input.day, to: input.day };
  const first = dayNumberOf(period.from);
  const last = dayNumberOf(period.to);
  if (last < first) throw new RangeError(`ledger range ends before it starts: ${period.from} … ${period.to}`);
  const scope: LedgerScope = input.operator ? { kind: 'operator', ...input.operator } : { kind: 'centre' };
  const lines = input.lines
    .filter((line) => {
      const day = beijingDayNumber(toEpochMs(line.handledAt));
      return day >= first && day <= last && (scope.kind === 'centre' || line.operator.id === scope.id);
    })
    .sort((a, b) => toEpochMs(a.handledAt) - toEpochMs(b.handledAt) || a.number.localeCompare(b.number));
  return {
    period: { from: dateKeyOf(first), to: dateKeyOf(last) },
    scope,
    completeness: input.completeness,
    generatedAt: input.generatedAt,
    lines,
    totals: ledgerTotals(lines),
  };
}
