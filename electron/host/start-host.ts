import type { ApiArgs, ApiMethod, ApiReply, ApiResult, SyncStatus } from '../../shared/api/workstation-api';
import { join } from 'node:path';
import { callHandler, workstationHandlers } from './api';
import type { TokenSeal } from './cache/token-seal';
import { openWorkstationCache } from './cache/workstation-cache';
import { conflicts } from './conflicts';
import { decisions } from './decisions';
import { hostEvents, type HostListener } from './host-events';
import { mediaCache } from './media/media-cache';
import { fetchServerMedia } from './media/server-media';
import { workstationMedia, type MediaAnswer } from './media/workstation-media';
import { mediaHashesIn } from '../../shared/sync/media-address';
import { searchBackfill } from './search-backfill';
import { syncClient } from './sync/sync-client';
import { DEFAULT_SHIFT_HANDOVERS } from './shift/breaches-before-next-shift';
import { suggester } from './suggestions/suggest';
import { trainedModels } from './suggestions/trained-models';
import { keepPrivate } from './private-folder';
import { checkServerAddress } from './server-address';
import { syncLoop } from './sync/sync-loop';

export interface HostOptions {
  /** Folder of the cache file; created if missing. */
  dataDir: string;
  serverUrl: string;
  /** An administrator's permission to reach a server on another computer over plain http:// (see server-address.ts). */
  allowHttpServer?: boolean;
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
  /** How much fetched media the workstation keeps for offline use; the oldest used go first. Default 512 MB. */
  mediaCacheBytes?: number;
  /** How session tokens are kept in the cache: sealed by the OS keychain where the shell has one. */
  tokenSeal?: TokenSeal;
}

export interface Host {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>>;
  subscribe(listener: HostListener): () => void;
  status(): SyncStatus;
  close(): Promise<void>;
  /** The folder ledger exports are written to (the browser shell serves its files for download). */
  exportsDir: string;
  /** An attachment by its sha256, as both shells serve it at MEDIA_PATH + hash. */
  serveMedia(hash: string): Promise<MediaAnswer>;
}

const DEFAULT_POLL_MS = 5_000;
const DEFAULT_HOLD_MS = 1_500;
const DEFAULT_DEBOUNCE_MS = 200;
const DEFAULT_MEDIA_CACHE_BYTES = 512 * 1024 * 1024;
/** The first requests of the queue whose media are fetched ahead, for the operator about to open them. */
const MEDIA_PREFETCH_WINDOW = 50;
/** When the warm-up starts if no page has asked for the queue by then. */
const WARM_UP_AT_LATEST_MS = 3_000;

/** Opens the cache, starts the sync loop, and serves the WorkstationApi. */
export async function startHost(options: HostOptions): Promise<Host> {
  checkServerAddress(options.serverUrl, options.allowHttpServer ?? false, (line) =>
    console.error(`yiwang host: ${line}`),
  );
  keepPrivate(options.dataDir);
  const cache = openWorkstationCache(options.dataDir, options.serverUrl, options.tokenSeal);
  keepPrivate(options.dataDir); // the files the cache has just made, too
  // Requests the search index is missing (a catch-up cut short) are indexed behind the first requests served.
  const backfill = searchBackfill(cache.search);
  // Likewise the queue's order keys, for waiting requests the server never gave a due time.
  cache.requests.fillQueueKeys();
  const events = hostEvents();
  const client = syncClient(options.serverUrl);
  const loop = syncLoop({
    cache,
    client,
    events,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    backfill,
  });
  if (cache.report) console.error(`yiwang host: ${cache.report}`);
  const made = decisions({ cache, holdMs: options.holdMs ?? DEFAULT_HOLD_MS });
  const suggestions = suggester(cache, trainedModels(cache), { confidenceThreshold: options.suggestionThreshold });
  const exportsDir = options.exportsDir ?? join(options.dataDir, 'exports');
  const handlers = workstationHandlers({
    cache,
    client,
    decisions: made,
    conflicts: conflicts(cache, made),
    loop,
    events,
    suggestions,
    exportsDir,
    shiftHandovers: options.shiftHandovers ?? DEFAULT_SHIFT_HANDOVERS,
  });
  const media = workstationMedia({
    cache: mediaCache(join(options.dataDir, 'media'), options.mediaCacheBytes ?? DEFAULT_MEDIA_CACHE_BYTES),
    fetchFromServer: (hash) => fetchServerMedia(client.serverUrl, cache.session.get().token, hash),
  });
  const prefetchQueueMedia = () =>
    media.prefetch(
      cache.requests
        .window('queue', new Date().toISOString(), 0, MEDIA_PREFETCH_WINDOW)
        .flatMap((r) => mediaHashesIn(r.attachments)),
    );
  events.subscribe((event) => {
    if (event.type === 'requests-changed') prefetchQueueMedia();
  });
  loop.start();
  prefetchQueueMedia();
  // Behind the first calls: what the first request's suggestion needs, then the search index's gaps.
  // Begun once the page has its first queue window (or after a while if no page asks), so that it
  // does not take the CPU from the first request being painted.
  const closing = new AbortController();
  let warming: Promise<void> | null = null;
  const warmUp = () => {
    clearTimeout(warmUpAtLatest);
    warming ??= suggestions
      .warmUp(closing.signal)
      .then(() => backfill.run())
      .catch((error: unknown) => console.error('yiwang host: warming up stopped', error));
  };
  const warmUpAtLatest = setTimeout(warmUp, WARM_UP_AT_LATEST_MS);

  return {
    async call(method, args) {
      const reply = await callHandler(handlers, method, args);
      // The next turn: the reply goes out first.
      if (method === 'queue.window' && !warming) setImmediate(warmUp);
      return reply;
    },
    subscribe: events.subscribe,
    status: loop.status,
    exportsDir,
    serveMedia: media.serve,
    async close() {
      clearTimeout(warmUpAtLatest);
      closing.abort();
      await loop.stop();
      await backfill.stop();
      await warming;
      await media.close();
      cache.close();
    },
  };
}
