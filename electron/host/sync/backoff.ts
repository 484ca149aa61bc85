export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;

/**
 * How long to wait before retry number `attempt` (1, 2, 3 …) after a failed sync: doubling from
 * BACKOFF_BASE_MS up to BACKOFF_CAP_MS, with "equal jitter" (half fixed, half random) so many
 * workstations coming back after an outage don't hit the server in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
