import { MINUTE_MS, type TimeInput, toEpochMs } from './beijing-time';
import type { StatusThresholds } from './policy';

export type DeadlineStatus = 'ok' | 'amber' | 'red' | 'overdue';

/** Milliseconds until `due`; negative once it has passed. */
export function timeLeft(due: TimeInput, now: TimeInput): number {
  return toEpochMs(due) - toEpochMs(now);
}

/** Overdue only after the due moment itself; at exactly the due time the clock is still red. */
export function deadlineStatus(due: TimeInput, now: TimeInput, thresholds: StatusThresholds): DeadlineStatus {
  const left = timeLeft(due, now);
  if (left < 0) return 'overdue';
  if (left <= thresholds.redMinutesLeft * MINUTE_MS) return 'red';
  if (left <= thresholds.amberMinutesLeft * MINUTE_MS) return 'amber';
  return 'ok';
}
