import { join } from 'node:path';
import type { CacheNotice } from '../../../shared/api/workstation-api';
import { deviceStore } from './device-store';
import { directoryStore } from './directory-store';
import { handlingTimesStore } from './handling-times-store';
import { claimStore } from './claim-store';
import { conflictStore } from './conflict-store';
import { handoverStore } from './handover-store';
import { operatorTokenStore } from './operator-token-store';
import { closeCache } from './open-cache';
import { historyStore } from './history-store';
import { outboxLog } from './outbox-log';
import { openOrRecoverCache, type CacheDamage } from './recover-cache';
import { outboxStore } from './outbox-store';
import { restoreFromLog, rewriteLog, type LogCheck } from './restore-from-log';
import { requestStore } from './request-store';
import { searchIndex } from './search-index';
import { sessionStore } from './session-store';
import { NO_SEAL, type TokenSeal } from './token-seal';
import { suggestionModelStore } from './suggestion-model-store';
import { suggestionRulesStore } from './suggestion-rules-store';
import { replyTemplatesStore } from './reply-templates-store';
import { syncStateStore } from './sync-state-store';

export const CACHE_FILE_NAME = 'workstation.sqlite';

/**
 * The cache file in `dataDir` with one store per table group. A damaged file is moved aside and
 * rebuilt, keeping what of its outbox reads; then the outbox is checked against its log, which gives
 * back what the file lost (see `notice`).
 */
export function openWorkstationCache(dataDir: string, defaultServerUrl: string, tokenSeal: TokenSeal = NO_SEAL) {
  const file = join(dataDir, CACHE_FILE_NAME);
  const { db, damage } = openOrRecoverCache(file);
  const log = outboxLog(`${file}.outbox-log`);
  const check = restoreFromLog(db, log);
  const device = deviceStore(db);
  rewriteLog(db, log);
  const search = searchIndex(db);
  return {
    db,
    /** Set when the cache file was damaged or behind (here, or as the server tells): what happened, for the operator. */
    notice: cacheNotice(damage, check) as CacheNotice | null,
    /** The same for the log, with SQLite's words; null when nothing happened. */
    report: report(damage, check),
    search,
    requests: requestStore(db, search),
    outbox: outboxStore(db, log),
    device,
    session: sessionStore(db, defaultServerUrl, tokenSeal),
    syncState: syncStateStore(db),
    directory: directoryStore(db),
    handlingTimes: handlingTimesStore(db),
    operatorTokens: operatorTokenStore(db, tokenSeal),
    conflicts: conflictStore(db),
    claims: claimStore(db),
    handovers: handoverStore(db),
    histories: historyStore(db),
    suggestionModels: suggestionModelStore(db),
    suggestionRules: suggestionRulesStore(db),
    replyTemplates: replyTemplatesStore(db),
    /** Runs `work` in one SQLite transaction: all of it commits or none. */
    transaction<T>(work: () => T): T {
      if (db.inTransaction) return db.transaction(work)();
      try {
        const result = db.transaction(work)();
        log.flush();
        return result;
      } catch (error) {
        log.discard();
        throw error;
      }
    },
    close(): void {
      log.close();
      closeCache(db);
    },
  };
}

function cacheNotice(damage: CacheDamage | null, check: LogCheck): CacheNotice | null {
  if (!damage && !check.behind && check.restored === 0) return null;
  return {
    kind: damage ? 'damaged' : 'behind',
    keptFromFile: damage?.kept ?? 0,
    keptFromLog: check.restored,
    // With the log every decision it held is back; without it, what the file lost cannot be counted.
    unreadable: check.hadLog ? 0 : damage ? null : 0,
    reason: damage?.reason === 'foreign' ? 'foreign' : damage ? 'corrupt' : null,
    movedTo: damage?.movedTo ?? null,
    serverAhead: 0,
    renumbered: 0,
  };
}

function report(damage: CacheDamage | null, check: LogCheck): string | null {
  const fromLog = `${check.restored} from the outbox log`;
  if (damage)
    return (
      `the workstation cache was ${damage.reason} (${damage.detail}); moved aside to ${damage.movedTo} and rebuilt from the server; ` +
      `unsent decisions kept: ${damage.kept} read back from the file, ${fromLog}` +
      (check.hadLog ? '' : `; no outbox log, so any others could not be counted (${damage.invalid} rows unreadable)`)
    );
  if (check.behind || check.restored > 0)
    return `the workstation cache was behind its outbox log (a write-ahead log lost or an older copy restored); unsent decisions given back: ${fromLog}`;
  return null;
}

export type WorkstationCache = ReturnType<typeof openWorkstationCache>;
