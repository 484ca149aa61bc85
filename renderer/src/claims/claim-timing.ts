import type { ClaimOutcome } from '../../../shared/api/workstation-api';

/** Offline, the claim is tried again now and then; work never waits for it. */
export const OFFLINE_RETRY_MS = 30_000;
const MIN_WAIT_MS = 1_000;
const MAX_WAIT_MS = 60_000;

/** When to claim the open request again: halfway through my lease, just after theirs ends, or later when offline. */
export function nextClaimIn(outcome: ClaimOutcome, now: number): number {
  if (outcome.offline || !outcome.claim) return OFFLINE_RETRY_MS;
  const left = Date.parse(outcome.claim.until) - now;
  const wait = outcome.granted ? left / 2 : left + 250;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, wait));
}
