import type { Cache } from './open-cache';

interface SyncState {
  cursor: string | null;
  directoryVersion: number;
  lastSyncAt: string | null;
  lastError: string | null;
}

/** Where the last pull stopped and how the last sync went. */
export function syncStateStore(db: Cache) {
  const get = db.prepare<
    [],
    { cursor: string | null; directory_version: number; last_sync_at: string | null; last_error: string | null }
  >('SELECT cursor, directory_version, last_sync_at, last_error FROM sync_state WHERE singleton = 1');
  const put = db.prepare(
    `UPDATE sync_state SET cursor = @cursor, directory_version = @directoryVersion,
       last_sync_at = @lastSyncAt, last_error = @lastError WHERE singleton = 1`,
  );

  const read = (): SyncState => {
    const row = get.get()!;
    return {
      cursor: row.cursor,
      directoryVersion: row.directory_version,
      lastSyncAt: row.last_sync_at,
      lastError: row.last_error,
    };
  };

  return {
    get: read,
    update(change: Partial<SyncState>): void {
      put.run({ ...read(), ...change });
    },
  };
}
