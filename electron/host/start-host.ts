import type { ApiArgs, ApiMethod, ApiReply, ApiResult, SyncStatus } from '../../shared/api/workstation-api';
import { callHandler, workstationHandlers } from './api';
import { openWorkstationCache } from './cache/workstation-cache';
import { decisions } from './decisions';
import { hostEvents, type HostListener } from './host-events';
import { syncClient } from './sync/sync-client';
import { suggester } from './suggestions/suggest';
import { syncLoop } from './sync/sync-loop';

export interface HostOptions {
  /** Folder of the cache file; created if missing. */
  dataDir: string;
  serverUrl: string;
  /** Pause between background syncs. */
  pollMs?: number;
  /** How long a decision stays undoable by simply dropping it, before it may be pushed. */
  holdMs?: number;
  /** Quiet time after a decision before pushing. */
  debounceMs?: number;
}

export interface Host {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>>;
  subscribe(listener: HostListener): () => void;
  status(): SyncStatus;
  close(): Promise<void>;
}

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_HOLD_MS = 1_500;
const DEFAULT_DEBOUNCE_MS = 200;

/** Opens the cache, starts the sync loop, and serves the WorkstationApi. */
export async function startHost(options: HostOptions): Promise<Host> {
  const cache = openWorkstationCache(options.dataDir, options.serverUrl);
  // A cache from before search existed is indexed once, before the first request is served.
  cache.search.backfill();
  const events = hostEvents();
  const client = syncClient(options.serverUrl);
  const loop = syncLoop({
    cache,
    client,
    events,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
  });
  const handlers = workstationHandlers({
    cache,
    client,
    decisions: decisions({ cache, holdMs: options.holdMs ?? DEFAULT_HOLD_MS }),
    loop,
    events,
    suggestions: suggester(cache),
  });
  loop.start();

  return {
    call: (method, args) => callHandler(handlers, method, args),
    subscribe: events.subscribe,
    status: loop.status,
    async close() {
      await loop.stop();
      cache.close();
    },
  };
}
