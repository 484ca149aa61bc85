import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DuplicateMatch, Duplicates, LocalRequest } from '../../../shared/api/workstation-api';
import { isSameCitizen, personKey } from '../../../shared/model';
import { NearDuplicateIndex } from '../../../shared/text';
import { OPEN_STATUSES, openRequestTexts } from '../cache/open-request-texts';
import type { WorkstationCache } from '../cache/workstation-cache';

/** This many different citizens writing the same complaint make a hot issue. */
export const HOT_ISSUE_CITIZENS = 3;
/** Matches shown beside the request; the hot-issue count takes all of them. */
const SHOWN_MATCHES = 5;

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);
/** Open requests taken in per turn of the event loop while warming up: some tens of milliseconds. */
const WARM_UP_BATCH = 250;

/**
 * Near-duplicate detection over the open requests in the cache (MinHash of character shingles,
 * shared/text): flags a request that repeats an open one, the same citizen's or, from many citizens,
 * a hot issue. The index is built on first use and then takes in what each later pull brought;
 * requests closed since are skipped when matched and dropped when the index is rebuilt.
 */
export function openDuplicates(cache: WorkstationCache) {
  const texts = openRequestTexts(cache.db);
  let index = new NearDuplicateIndex();
  let indexedUpTo = -1;

  /** Takes in up to `limit` open requests cached since the last look (all when negative); false once none is left. */
  function catchUp(limit = -1): boolean {
    // Rebuilt once most of what it holds is closed: the index cannot forget one document at a time.
    if (indexedUpTo < 0 || index.size > 2 * texts.openCount() + 100) {
      index = new NearDuplicateIndex();
      indexedUpTo = 0;
    }
    const last = texts.lastRowid();
    if (last <= indexedUpTo) return false;
    const rows = texts.since(indexedUpTo, limit);
    for (const { rowid, id, text } of rows) {
      index.add(id, text);
      indexedUpTo = rowid;
    }
    // A short batch read to the end: the closed requests after the last open one need no second look.
    if (limit < 0 || rows.length < limit) indexedUpTo = Math.max(indexedUpTo, last);
    return indexedUpTo < last;
  }

  return {
    /**
     * Builds the index ahead of the first request's context (about 2 s for 100,000 open requests), a
     * batch per turn of the event loop so the host keeps answering meanwhile; a context asked for
     * before it is done takes in the rest at once.
     */
    async warmUp(signal: AbortSignal): Promise<void> {
      while (!signal.aborted && catchUp(WARM_UP_BATCH)) await nextTurn();
    },
    find(request: LocalRequest): Duplicates {
      catchUp();
      const matches: DuplicateMatch[] = [];
      for (const { id, similarity } of index.query(request.text)) {
        if (id === request.id) continue;
        const other = cache.requests.local(id);
        if (!other || !OPEN.has(other.status)) continue;
        matches.push({ request: other, similarity, sameCitizen: isSameCitizen(request.citizen, other.citizen) });
      }
      // A citizen linked across channels is one citizen, not several: counted by person.
      const citizens = new Set([personKey(request.citizen), ...matches.map((m) => personKey(m.request.citizen))]).size;
      return {
        matches: matches.slice(0, SHOWN_MATCHES),
        hotIssue: citizens >= HOT_ISSUE_CITIZENS ? { citizens } : null,
      };
    },
  };
}
