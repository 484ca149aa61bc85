import type { HandlingMeasure } from '../../../shared/api/workstation-api';

/**
 * For the ledger and the live counter: when each request was first shown, and how many keys the
 * operator pressed while it was the current one (in overlays too).
 */
const firstShown = new Map<string, number>();
const keyPresses = new Map<string, number>();

export function requestShown(requestId: string): void {
  if (!firstShown.has(requestId)) firstShown.set(requestId, Date.now());
}

export function keyPressed(requestId: string): void {
  keyPresses.set(requestId, (keyPresses.get(requestId) ?? 0) + 1);
}

/** The measure sent with a decision; a request decided without being shown (bulk) counts from now. */
export function measureOf(requestId: string): HandlingMeasure {
  return {
    handlingMs: Date.now() - (firstShown.get(requestId) ?? Date.now()),
    keyPresses: keyPresses.get(requestId) ?? 0,
  };
}
