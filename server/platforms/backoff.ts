import type { WorkerTiming } from '../config';

/** Delay before attempt `attempts + 1`: doubling from the base, capped, with up to 20% jitter so retries spread out. */
export function retryDelayMs(attempts: number, timing: WorkerTiming, random: () => number = Math.random): number {
  const delay = Math.min(timing.retryBaseMs * 2 ** Math.max(0, attempts - 1), timing.maxRetryMs);
  return Math.round(delay * (1 + random() * 0.2));
}
