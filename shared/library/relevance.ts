import { z } from 'zod';
import { inForce, LibraryEntry } from './library-entry';
import { telling } from './library-terms';

/**
 * How close a library entry is to the request in front of the operator, from 0 to 1: the cosine of their
 * telling character pairs (library-terms.ts), or the share of the request's pairs for an entry longer than it. An answer is compared by the question it answered (citizen's
 * words against citizen's words), a passage by its title and text. The index finds candidates fast; this
 * score ranks them the same way on the server and in the workstation, and the floor drops the noise.
 */

/** Below this an entry is noise, not an answer (measured in docs/library.md: `npm run eval -- --answers`). */
export const RELEVANCE_FLOOR = 0.2;
/** What the centre promoted goes first among near equals. */
const PROMOTED_BONUS = 0.05;
/** How many candidates the index gives for ranking. */
export const CANDIDATES = 60;

export const LibraryMatch = z.object({ entry: LibraryEntry, score: z.number() });
export type LibraryMatch = z.infer<typeof LibraryMatch>;

export function relevance(requestPairs: ReadonlySet<string>, entry: LibraryEntry): number {
  const matter = new Set(
    telling(entry.kind === 'passage' ? `${entry.title ?? ''} ${entry.text}` : (entry.question ?? entry.text)),
  );
  if (requestPairs.size === 0 || matter.size === 0) return 0;
  let shared = 0;
  for (const pair of requestPairs) if (matter.has(pair)) shared += 1;
  // The cosine, except that an entry longer than the request is not held against it (a passage says more than
  // one question asks): then it is the share of the request's pairs the entry holds.
  const score = shared / Math.sqrt(requestPairs.size * Math.min(matter.size, requestPairs.size));
  return score > 0 && entry.promoted ? score + PROMOTED_BONUS : score;
}

/**
 * The candidates in force on `today` (YYYY-MM-DD) at or above the floor, best first, at most `limit`;
 * the entry of the request itself never answers it.
 */
export function bestMatches(
  requestText: string,
  candidates: readonly LibraryEntry[],
  options: { today: string; limit: number; floor?: number; excludeRequestId?: string | null },
): LibraryMatch[] {
  const pairs = new Set(telling(requestText));
  const floor = options.floor ?? RELEVANCE_FLOOR;
  return candidates
    .filter(
      (entry) =>
        inForce(entry, options.today) && !(options.excludeRequestId && entry.requestId === options.excludeRequestId),
    )
    .map((entry) => ({ entry, score: relevance(pairs, entry) }))
    .filter((match) => match.score >= floor)
    .sort((a, b) => b.score - a.score || b.entry.answeredAt.localeCompare(a.entry.answeredAt))
    .slice(0, options.limit);
}
