import type { Request, RequestStatus } from '../model';

/**
 * Where one clock stands: `running` until its step is done or it is due, then `overdue`; once the step is
 * done, `met` or `missed`. `none` when there is no such clock, or the request left the path that needed
 * it (junked, merged, closed, or taken from the unit) before the step was done.
 */
export type ClockState = 'none' | 'running' | 'overdue' | 'met' | 'missed';

export interface ClockOutcome {
  dueAt: string | null;
  doneAt: string | null;
  state: ClockState;
}

export interface ClockOutcomes {
  /** Acknowledged by the first response (accept, reply or transfer). */
  acknowledge: ClockOutcome;
  /** Answered by the first reply or transfer. */
  answer: ClockOutcome;
  /** Met by the unit's answer; a progress note does not stop it. */
  unit: ClockOutcome;
}

const STILL_WAITING: readonly RequestStatus[] = ['new', 'accepted', 'transferred', 'replied'];

export function clockOutcomes(request: Request, now: Date): ClockOutcomes {
  const { deadlines, timeline } = request;
  const open = STILL_WAITING.includes(request.status);
  return {
    acknowledge: outcome(deadlines.acknowledgeDueAt, timeline.firstResponseAt, open, now),
    answer: outcome(deadlines.answerDueAt, timeline.answeredAt, open, now),
    unit: outcome(deadlines.unitDueAt, timeline.unitAnsweredAt, request.status === 'transferred', now),
  };
}

function outcome(dueAt: string | null, doneAt: string | null, waiting: boolean, now: Date): ClockOutcome {
  if (dueAt === null) return { dueAt, doneAt, state: 'none' };
  const due = Date.parse(dueAt);
  if (doneAt !== null) return { dueAt, doneAt, state: Date.parse(doneAt) <= due ? 'met' : 'missed' };
  if (!waiting) return { dueAt, doneAt, state: 'none' };
  return { dueAt, doneAt, state: now.getTime() > due ? 'overdue' : 'running' };
}
