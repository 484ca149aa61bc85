import { beijingDayStart, dayNumberOf } from '../../../shared/deadline';
import type { LedgerCompleteness, LedgerPeriod } from '../../../shared/ledger';

export type LedgerScopeChoice = 'me' | 'centre';

/**
 * Whether a ledger built from this cache can be trusted whole. Other operators' work reaches the cache
 * only as the last decision on each request (earlier ones, their timings and replies never arrive), so a
 * centre ledger may always miss lines. The signed-in operator's own ledger is whole once a sync finished
 * after the period ended: every decision they made here is in the cache, and the server's pull has the rest.
 */
export function ledgerCompleteness(
  scope: LedgerScopeChoice,
  period: LedgerPeriod,
  lastSyncAt: string | null,
): LedgerCompleteness {
  const periodEnd = beijingDayStart(dayNumberOf(period.to) + 1);
  if (scope === 'me' && lastSyncAt !== null && Date.parse(lastSyncAt) >= periodEnd) return { kind: 'complete' };
  return { kind: 'may-miss-other-operators', lastSyncAt };
}
