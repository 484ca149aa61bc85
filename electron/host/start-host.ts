import type { ApiArgs, ApiMethod, ApiReply, ApiResult, SyncStatus } from '../../shared/api/workstation-api';
import { join } from 'node:path';
import { callHandler, workstationHandlers } from './api';
import { openWorkstationCache } from './cache/workstation-cache';
import { conflicts } from './conflicts';
import { decisions } from './decisions';
import { hostEvents, type HostListener } from './host-events';
import { syncClient } from './sync/sync-client';
import { DEFAULT_SHIFT_HANDOVERS } from './shift/breaches-before-next-shift';
import { suggester } from './suggestions/suggest';
import { trainedModels } from './suggestions/trained-models';
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
  /** Where ledger exports are written; default `dataDir/exports`. */
  exportsDir?: string;
  /** Shift handover times, 'HH:mm' Beijing time; default 08:30 and 17:30. */
  shiftHandovers?: readonly string[];
  /** Suggestions less sure than this (0–1) are shown but not pre-filled; default in suggestions/confidence.ts. */
  suggestionThreshold?: number;
}

export interface Host {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>>;
  subscribe(listener: HostListener): () => void;
  status(): SyncStatus;
  close(): Promise<void>;
  /** The folder ledger exports are written to (the browser shell serves its files for download). */
  exportsDir: string;
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
  if (cache.notice) console.error(`yiwang host: ${cache.notice}`);
  const made = decisions({ cache, holdMs: options.holdMs ?? DEFAULT_HOLD_MS });
  const exportsDir = options.exportsDir ?? join(options.dataDir, 'exports');
  const handlers = workstationHandlers({
    cache,
    client,
    decisions: made,
    conflicts: conflicts(cache, made),
    loop,
    events,
    suggestions: suggester(cache, trainedModels(cache), { confidenceThreshold: options.suggestionThreshold }),
    exportsDir,
    shiftHandovers: options.shiftHandovers ?? DEFAULT_SHIFT_HANDOVERS,
  });
  loop.start();

  return {
    call: (method, args) => callHandler(handlers, method, args),
    subscribe: events.subscribe,
    status: loop.status,
    exportsDir,
    async close() {
      await loop.stop();
      cache.close();
    },
  };
}
