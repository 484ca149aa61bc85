/**
 * What happens when a decision meets a request that others changed after the operator looked at it
 * (an offline workstation coming back, two operators on one request). `mine` was made against an
 * older version; `theirs` is each decision applied since, by another device or a unit.
 *
 * mine may follow theirs when theirs left the request's fate alone, so the operator would have
 * decided the same had they seen it; anything else is a conflict that a person resolves. The
 * rule book (decide.ts) still checks that mine makes sense in the request's current status.
 * docs/sync-and-conflicts.md has the table.
 */

/** Kinds that settle who holds a request or whether it is done: after one of these, everything else is a conflict. */
const SETTLING = new Set([
  'transfer',
  'recall',
  'junk',
  'restore',
  'close',
  'reopen',
  'merge',
  'unit-answer',
  'unit-return',
  'reject-answer',
]);

/** Kinds where a second one from someone else is a different answer to the same question, not an addition. */
const ONE_ANSWER = new Set(['classify', 'reply']);

/** Kinds that only add to a request (they keep its version), so they never stand in anyone's way. */
const ADDITIONS = new Set([
  'note',
  'link-citizen',
  'unit-progress',
  'unit-extension-request',
  'extension-grant',
  'extension-refuse',
  'remind',
  'record-callback',
  'citizen-rating',
]);

export function mayFollow(mine: string, theirs: string): boolean {
  if (ADDITIONS.has(mine) || ADDITIONS.has(theirs)) return true;
  if (SETTLING.has(theirs)) return false;
  if (ONE_ANSWER.has(theirs) && mine === theirs) return false;
  return true;
}
