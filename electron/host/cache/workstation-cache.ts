import { join } from 'node:path';
import { deviceStore } from './device-store';
import { directoryStore } from './directory-store';
import { handlingTimesStore } from './handling-times-store';
import { openCache } from './open-cache';
import { outboxStore } from './outbox-store';
import { requestStore } from './request-store';
import { searchIndex } from './search-index';
import { sessionStore } from './session-store';
import { syncStateStore } from './sync-state-store';

export const CACHE_FILE_NAME = 'workstation.sqlite';

/** The cache file in `dataDir` with one store per table group. */
export function openWorkstationCache(dataDir: string, defaultServerUrl: string) {
  const db = openCache(join(dataDir, CACHE_FILE_NAME));
  const search = searchIndex(db);
  return {
    db,
    search,
    requests: requestStore(db, search),
    outbox: outboxStore(db),
    device: deviceStore(db),
    session: sessionStore(db, defaultServerUrl),
    syncState: syncStateStore(db),
    directory: directoryStore(db),
    handlingTimes: handlingTimesStore(db),
    /** Runs `work` in one SQLite transaction: all of it commits or none. */
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      db.close();
    },
  };
}

export type WorkstationCache = ReturnType<typeof openWorkstationCache>;
