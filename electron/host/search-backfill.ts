import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SearchIndex } from './cache/search-index';

/** Small enough that a call waiting behind one batch is not kept long; large enough that FTS5 merges little. */
const BATCH = 1000;

/**
 * Fills the search index with the requests it is missing (a catch-up's, or those of a host stopped
 * mid-way), one batch per turn of the event loop, so the host answers the operator meanwhile and the
 * queue is usable before search over the whole archive is. One pass at a time; asking during a pass
 * makes it look again at the end.
 */
export function searchBackfill(search: SearchIndex) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function pass(): Promise<void> {
    do {
      again = false;
      while (!stopped && search.indexMissing(BATCH) > 0) await nextTurn();
    } while (again && !stopped);
  }

  return {
    /** Starts a pass unless one is under way; resolves when the index holds every cached request. */
    run(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      // The index is a convenience over the cache: a failed pass is logged, and the next catch-up tries again.
      running = pass()
        .catch((error: unknown) => console.error('yiwang host: search indexing stopped', error))
        .finally(() => {
          running = null;
        });
      return running;
    },
    /** Stops after the batch in hand, before the cache closes. */
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
  };
}

export type SearchBackfill = ReturnType<typeof searchBackfill>;
