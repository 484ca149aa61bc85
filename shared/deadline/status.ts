import { MINUTE_MS, type TimeInput, toEpochMs } from './beijing-time';
import { DEFAULT_DEADLINE_POLICY, policyForCategory, type DeadlinePolicy, type StatusThresholds } from './policy';

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

export type ClockName = 'acknowledge' | 'answer' | 'unit';

/** When one clock of a request in this category turns amber and red: every screen reads the policy's thresholds here. */
export function clockThresholds(
  clock: ClockName,
  categoryId: string | null,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): StatusThresholds {
  const resolved = policyForCategory(policy, categoryId);
  return { acknowledge: resolved.acknowledge, answer: resolved.answer, unit: resolved.unitHandling }[clock].thresholds;
}
