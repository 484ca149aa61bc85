import type { CacheNotice } from '../../../shared/api/workstation-api';
import type { WorkstationCache } from '../cache/workstation-cache';

/**
 * The server tells the highest sequence number it holds from this device (at sign-in, with every
 * pull and push). A cache that took fewer lost part of itself after they went (a write-ahead log
 * deleted, an older copy restored, a power cut): its unsent decisions are renumbered past the
 * server's so they can land — same ids, so none applies twice — and the operator is told. The
 * decisions the server holds and the cache had lost are not lost: their effects come back with the
 * next pull. `refused`: the server refused some for their number, so they are renumbered whatever
 * it said. Returns whether anything was renumbered.
 */
export function catchUpWithServer(cache: WorkstationCache, serverSeq: number | null, refused = false): boolean {
  const caughtUp = cache.transaction(() => {
    const next = cache.device.nextSeq();
    const behind = serverSeq !== null && serverSeq >= next;
    if (!behind && !refused) return null;
    const first = Math.max(next, (serverSeq ?? 0) + 1);
    const renumbered = cache.outbox.renumberFrom(first);
    cache.device.continueFrom(first + renumbered);
    // Numbers the server holds past the last answer here: decisions this cache no longer knows of.
    return { serverAhead: behind ? serverSeq - cache.outbox.lastAnsweredSeq() : 0, renumbered };
  });
  if (!caughtUp) return false;
  cache.notice = behindServer(cache.notice, caughtUp.serverAhead, caughtUp.renumbered);
  console.error(
    `yiwang host: the server holds ${caughtUp.serverAhead} decisions from this device that the cache had lost (an older copy or a lost write-ahead log); ${caughtUp.renumbered} unsent decisions renumbered`,
  );
  return true;
}

function behindServer(notice: CacheNotice | null, serverAhead: number, renumbered: number): CacheNotice {
  const base: CacheNotice = notice ?? {
    kind: 'behind',
    keptFromFile: 0,
    keptFromLog: 0,
    unreadable: 0,
    reason: null,
    movedTo: null,
    serverAhead: 0,
    renumbered: 0,
  };
  return { ...base, serverAhead: base.serverAhead + serverAhead, renumbered: base.renumbered + renumbered };
}
