import type { QueueWindow } from '../../../shared/api/workstation-api';

/** Looked at again at least this often, whatever the window says. */
const RECHECK_MS = 60_000;
/** A request is overdue only after its due moment: look a little after it. */
const RECHECK_AFTER_CROSSING_MS = 1_000;

/**
 * The queue's order changes only as requests turn overdue: how long until just after the next one
 * does, and at most a minute.
 */
export function recheckIn(window: Pick<QueueWindow, 'at' | 'nextCrossingAt'>, now: number): number {
  const crossing =
    window.nextCrossingAt === null ? Infinity : Date.parse(window.nextCrossingAt) + RECHECK_AFTER_CROSSING_MS;
  const when = Math.min(crossing, Date.parse(window.at) + RECHECK_MS);
  return Math.max(0, when - now);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Looks at the queue again when its order next changes; a newer window replaces the plan. */
export function recheckAfter(window: QueueWindow, refresh: () => void): void {
  clearTimeout(timer);
  timer = setTimeout(refresh, recheckIn(window, Date.now()));
}
