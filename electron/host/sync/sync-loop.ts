import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SyncStatus } from '../../../shared/api/workstation-api';
import { MAX_PULL_PAGE, MAX_PUSH_BATCH, type PullResponse } from '../../../shared/sync/protocol';
import { MODEL_FORMAT } from '../../../shared/text';
import type { WorkstationCache } from '../cache/workstation-cache';
import type { HostEvents } from '../host-events';
import type { SearchBackfill } from '../search-backfill';
import { applyPull } from './apply-pull';
import { applyPushResults } from './apply-push';
import { backoffDelay } from './backoff';
import { catchUpWithServer } from './seq-check';
import { SyncError, type SyncClient } from './sync-client';

export interface SyncLoopOptions {
  cache: WorkstationCache;
  client: SyncClient;
  events: HostEvents;
  /** Pause between syncs while all is well. */
  pollMs: number;
  /** Quiet time after a decision before pushing, so a burst of keys goes in one batch. */
  debounceMs: number;
  /** Indexes for search what a catch-up left out. */
  backfill: SearchBackfill;
}

/** Large pages: a fresh workstation bootstraps a big archive in few round trips. */
const PULL_PAGE_SIZE = MAX_PULL_PAGE;

/**
 * Keeps the cache and the server in step: pull every page of changes, then push the outbox in
 * order, each operator's decisions with that operator's token, then any handover notes left. Runs on a timer (poll), soon after each decision (debounced), and on demand; never two
 * at once. Network failures back off exponentially and mark the workstation offline; deciding
 * never waits for any of this.
 */
export function syncLoop({ cache, client, events, pollMs, debounceMs, backfill }: SyncLoopOptions) {
  let online = false;
  let failures = 0;
  let lastFailure: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let dueAt = Infinity;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastEmitted = '';
  let catchUp: SyncStatus['catchUp'] = null;

  function status(): SyncStatus {
    const state = cache.syncState.get();
    return {
      online,
      signedIn: cache.session.get().token !== null,
      outbox: cache.outbox.size(),
      outboxRequests: cache.outbox.requestCount(),
      lastSyncAt: state.lastSyncAt,
      lastError: state.lastError,
      lastFailure,
      serverUrl: client.serverUrl,
      catchUp,
      conflicts: cache.conflicts.openCount(),
      notice: cache.notice,
    };
  }

  function announce(): void {
    const current = status();
    const key = JSON.stringify(current);
    if (key === lastEmitted) return;
    lastEmitted = key;
    events.emit({ type: 'sync-status', status: current });
  }

  /** Runs a sync in `delayMs` unless one is already due sooner. */
  function schedule(delayMs: number): void {
    if (stopped) return;
    const at = Date.now() + delayMs;
    if (timer && dueAt <= at) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = null;
      dueAt = Infinity;
      void run();
    }, delayMs);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await syncOnce();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  async function syncOnce(): Promise<void> {
    const { token } = cache.session.get();
    // Signed out, a workstation still sends what its operators left behind (decisions, handover notes).
    const leftBehind = () =>
      cache.outbox.nextBatch(Number.MAX_SAFE_INTEGER, 1).length > 0 || cache.handovers.unsent().length > 0;
    if (stopped || (!token && !leftBehind())) {
      announce();
      return schedule(pollMs);
    }
    try {
      if (token) await pull(token);
      const held = await push();
      await sendHandovers();
      cache.operatorTokens.forgetIdle(cache.session.get().operator?.id ?? null);
      online = true;
      failures = 0;
      lastFailure = null;
      cache.syncState.update({ lastSyncAt: new Date().toISOString(), lastError: null });
      schedule(held === null ? pollMs : Math.min(pollMs, Math.max(0, held - Date.now())));
    } catch (error) {
      failures += 1;
      const kind = error instanceof SyncError ? error.kind : 'protocol';
      // Any HTTP answer means the server is reachable; only a failed connection is "offline".
      online = kind !== 'network';
      lastFailure = kind === 'network' ? 'offline' : kind;
      cache.syncState.update({ lastError: error instanceof Error ? error.message : String(error) });
      if (kind === 'unauthorized' && token) {
        const operator = cache.session.get().operator;
        if (operator) cache.operatorTokens.forget(operator.id);
        signOutLocally();
      }
      schedule(backoffDelay(failures));
    } finally {
      announce();
    }
  }

  /** One page after `cursor`, with the versions held so the directory, models and rules come only when newer; null for a cursor the server no longer knows. */
  function requestPage(token: string, cursor: string | null): Promise<PullResponse | null> {
    const asked = client
      .pull(token, {
        cursor,
        directoryVersion: cache.syncState.get().directoryVersion,
        limit: PULL_PAGE_SIZE,
        models: cache.suggestionModels.versions(),
        modelFormat: MODEL_FORMAT,
        suggestionRulesVersion: cache.suggestionRules.version(),
        replyTemplatesVersion: cache.replyTemplates.inForce().version,
      })
      .catch((error: unknown) => {
        // A cursor the server no longer knows (e.g. its database was replaced): start over from the beginning.
        if (error instanceof SyncError && error.code === 'bad-cursor' && cursor !== null) {
          cache.syncState.update({ cursor: null });
          return null;
        }
        throw error;
      });
    // A page asked ahead may be abandoned (stop, or the page before it failed): its failure is then nobody's.
    asked.catch(() => undefined);
    return asked;
  }

  /**
   * Pulls every page. A catch-up (more than one page) asks for the next page before storing the one in
   * hand, so the server reads while the host writes, and leaves new requests out of the search index
   * until its last page, then indexes them in the background: the queue is usable first.
   */
  async function pull(token: string): Promise<void> {
    let received = 0;
    let deferredSearch = false;
    let pending = requestPage(token, cache.syncState.get().cursor);
    try {
      while (!stopped) {
        const page = await pending;
        if (!page) {
          pending = requestPage(token, null);
          continue;
        }
        // A page bringing the directory, models or rules must be stored before the next ask gives their versions.
        const bringsVersions =
          page.directory !== null ||
          (page.models?.length ?? 0) > 0 ||
          page.suggestionRules !== null ||
          page.replyTemplates !== null;
        const ahead = page.hasMore && !bringsVersions ? requestPage(token, page.cursor) : null;
        // Let the ask leave before the page is stored (storing holds the event loop).
        if (ahead) await nextTurn();
        if (page.hasMore && !deferredSearch) {
          cache.search.deferNew(true);
          deferredSearch = true;
        }
        // Before any push: a cache behind the server renumbers its outbox first, so nothing is refused for its number.
        if (catchUpWithServer(cache, page.deviceSeq)) announce();
        const changed = applyPull(cache, page);
        if (changed.length > 0) events.emit({ type: 'requests-changed', ids: changed });
        received += page.requests.length;
        if (!page.hasMore) break;
        // Only a pull of more than one page is worth a progress bar.
        catchUp = { received, total: received + page.remaining };
        announce();
        pending = ahead ?? requestPage(token, page.cursor);
      }
    } finally {
      catchUp = null;
      if (deferredSearch) {
        cache.search.deferNew(false);
        void backfill.run();
      }
    }
  }

  /**
   * Pushes every ready batch, each with the token of the operator who made it; returns when the
   * first held decision becomes ready, or null.
   */
  async function push(): Promise<number | null> {
    while (!stopped) {
      const batch = cache.outbox.nextBatch(Date.now(), MAX_PUSH_BATCH);
      if (batch.length === 0) return cache.outbox.firstHeldUntil();
      const operatorId = batch[0]!.operatorId;
      const token = cache.operatorTokens.tokenFor(operatorId)!;
      cache.transaction(() => cache.outbox.markSent(batch.map((decision) => decision.id)));
      const { results, deviceSeq } = await client
        .push(token, { deviceId: cache.device.id, decisions: batch })
        .catch((error: unknown) => {
          // That operator's token is no longer accepted: their decisions wait for their next sign-in; others go on.
          if (error instanceof SyncError && error.kind === 'unauthorized') {
            cache.operatorTokens.forget(operatorId);
            if (cache.session.get().operator?.id === operatorId) signOutLocally();
            return { results: [], deviceSeq: null };
          }
          throw error;
        });
      if (results.length === 0) continue;
      const changed = applyPushResults(cache, batch, results, new Date().toISOString());
      if (changed.length > 0) events.emit({ type: 'requests-changed', ids: changed });
      // Those refused for their number only are renumbered and go again in the next batch.
      const refused = results.some((r) => r.outcome === 'rejected' && r.reason.code === 'seq-taken');
      const renumbered = catchUpWithServer(cache, deviceSeq, refused);
      announce();
      // The server answered none of them: stop rather than resend the same batch in a tight loop.
      if (changed.length === 0 && !renumbered)
        throw new SyncError('protocol', 'the server answered none of the pushed decisions');
    }
    return null;
  }

  /** Handover notes written at sign-out, sent with the token of the operator who wrote them. */
  async function sendHandovers(): Promise<void> {
    // Signing out ends the session on the server, so it waits until every decision made before it has gone.
    if (cache.outbox.size() > 0) return;
    for (const handover of cache.handovers.unsent()) {
      const token = cache.operatorTokens.tokenFor(handover.operatorId);
      if (!token) continue;
      await client.signOut(token, { handoverNote: handover.note });
      cache.handovers.markSent(handover.id, new Date().toISOString());
    }
  }

  /** The server no longer accepts the token: sign out here too; the outbox waits for the next sign-in. */
  function signOutLocally(): void {
    cache.session.save({ ...cache.session.get(), operator: null, token: null });
    events.emit({
      type: 'session-changed',
      session: { operator: null, deviceId: cache.device.id, serverUrl: client.serverUrl },
    });
  }

  return {
    status,
    start(): void {
      announce();
      schedule(0);
    },
    /** After a decision: push soon, once the burst of keys is over and its hold window has passed. */
    decided(): void {
      announce();
      const held = cache.outbox.firstHeldUntil();
      schedule(Math.max(debounceMs, held === null ? 0 : held - Date.now()));
    },
    /** Syncs now and resolves when done (a run already in progress is followed by a fresh one). */
    async syncNow(): Promise<SyncStatus> {
      await run();
      return status();
    },
    /** Status changed outside the loop (sign-in, sign-out). */
    announce,
    /** What the server said at sign-in of this device's sequence numbers (see seq-check.ts). */
    serverSeq(deviceSeq: number | null): void {
      if (catchUpWithServer(cache, deviceSeq)) announce();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

export type SyncLoop = ReturnType<typeof syncLoop>;
