import { join } from 'node:path';
import { deviceStore } from './device-store';
import { directoryStore } from './directory-store';
import { handlingTimesStore } from './handling-times-store';
import { claimStore } from './claim-store';
import { conflictStore } from './conflict-store';
import { handoverStore } from './handover-store';
import { operatorTokenStore } from './operator-token-store';
import { closeCache } from './open-cache';
import { openOrRecoverCache } from './recover-cache';
import { outboxStore } from './outbox-store';
import { requestStore } from './request-store';
import { searchIndex } from './search-index';
import { sessionStore } from './session-store';
import { suggestionModelStore } from './suggestion-model-store';
import { suggestionRulesStore } from './suggestion-rules-store';
import { syncStateStore } from './sync-state-store';

export const CACHE_FILE_NAME = 'workstation.sqlite';

/** The cache file in `dataDir` with one store per table group; a damaged file is moved aside and rebuilt (see `notice`). */
export function openWorkstationCache(dataDir: string, defaultServerUrl: string) {
  const { db, notice } = openOrRecoverCache(join(dataDir, CACHE_FILE_NAME));
  const search = searchIndex(db);
  return {
    db,
    /** Set when the cache file had to be rebuilt: what happened, for the operator. */
    notice,
    search,
    requests: requestStore(db, search),
    outbox: outboxStore(db),
    device: deviceStore(db),
    session: sessionStore(db, defaultServerUrl),
    syncState: syncStateStore(db),
    directory: directoryStore(db),
    handlingTimes: handlingTimesStore(db),
    operatorTokens: operatorTokenStore(db),
    conflicts: conflictStore(db),
    claims: claimStore(db),
    handovers: handoverStore(db),
    suggestionModels: suggestionModelStore(db),
    suggestionRules: suggestionRulesStore(db),
    /** Runs `work` in one SQLite transaction: all of it commits or none. */
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      closeCache(db);
    },
  };
}

export type WorkstationCache = ReturnType<typeof openWorkstationCache>;
