import type { LedgerCompleteness, LedgerLine } from '../../../shared/ledger';
import type { LedgerQuery } from '../../../shared/reports/ledger';
import type { WorkstationCache } from '../cache/workstation-cache';
import { SyncError, type SyncClient } from '../sync/sync-client';
import { ledgerCompleteness } from './ledger-completeness';
import { ledgerLinesFromCache } from './ledger-lines-from-cache';
import { measuredHandling } from './workstation-records';

export interface LedgerSource {
  lines: LedgerLine[];
  completeness: LedgerCompleteness;
}

/**
 * The ledger's lines from the centre's server, which has every operator's, when it answers; from this
 * workstation's cache when it does not (offline, or the session ended), and the completeness says which.
 * The server never learns handling times and key counts: the ones measured here are added to its lines.
 */
export async function ledgerSource(
  cache: WorkstationCache,
  client: SyncClient,
  query: LedgerQuery,
  now: Date,
): Promise<LedgerSource> {
  const { token } = cache.session.get();
  if (token) {
    try {
      const served = await client.ledger(token, query);
      const measured = measuredHandling(cache.db);
      return {
        lines: served.lines.map(({ requestId, line }) => {
          const timing = measured.get(requestId);
          return timing?.operatorId === line.operator.id
            ? { ...line, handlingSeconds: timing.handlingSeconds, keyPresses: timing.keyPresses }
            : line;
        }),
        completeness: { kind: 'server' },
      };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
    }
  }
  return {
    lines: ledgerLinesFromCache(cache, now),
    completeness: ledgerCompleteness(query.scope, query, cache.syncState.get().lastSyncAt),
  };
}
