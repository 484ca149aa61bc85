/**
 * Key press to the next request painted, measured in the page with performance marks: the mark
 * is set on the key, the measure once the detail pane has painted a different request. The
 * benchmark reads the measures by name.
 */
export const KEY_MARK = 'yiwang:key';
export const KEY_TO_PAINT = 'yiwang:key-to-next-request';

let waitingSince: { at: number; requestId: string | null } | null = null;

/** A key that may bring another request on screen; `requestId` is the one shown when it was pressed. */
export function markKey(requestId: string | null): void {
  waitingSince = { at: performance.mark(KEY_MARK).startTime, requestId };
}

/** Called after the detail pane committed `requestId`; measures once the frame is painted. */
export function requestPainted(requestId: string): void {
  const waiting = waitingSince;
  if (!waiting || waiting.requestId === requestId) return;
  waitingSince = null;
  afterNextPaint(() => performance.measure(KEY_TO_PAINT, { start: waiting.at, end: performance.now() }));
}

/** Runs `work` once the next frame is painted: rAF runs before the paint, a task queued from it after. */
export function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
