import type { HandoverBreach, HandoverBreaches, LocalRequest } from '../../../shared/api/workstation-api';
import { beijingDayNumber, beijingDayStart, MINUTE_MS } from '../../../shared/deadline';
import { clockOutcomes } from '../../../shared/units/clock-outcomes';

/** When shifts hand over, Beijing time, every day: the morning and the evening shift. */
export const DEFAULT_SHIFT_HANDOVERS: readonly string[] = ['08:30', '17:30'];

export const HANDOVER_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const WATCHED = ['answer', 'unit'] as const;

/** The first handover strictly after `now`. */
export function nextShiftStart(now: number, handovers: readonly string[]): number {
  const today = beijingDayNumber(now);
  const times = [today, today + 1].flatMap((day) =>
    handovers.map((time) => beijingDayStart(day) + minutesOf(time) * MINUTE_MS),
  );
  return Math.min(...times.filter((time) => time > now));
}

/**
 * What the outgoing shift leaves behind that will breach before the next one starts: open requests whose
 * answer or unit clock runs out by then, and those already past due. Soonest first.
 */
export function breachesBeforeNextShift(
  requests: readonly LocalRequest[],
  now: Date,
  handovers: readonly string[],
): HandoverBreaches {
  const nextShiftAt = nextShiftStart(now.getTime(), handovers);
  const breaches: HandoverBreach[] = [];
  for (const request of requests) {
    const clocks = clockOutcomes(request, now);
    for (const clock of WATCHED) {
      const { state, dueAt } = clocks[clock];
      if ((state === 'running' || state === 'overdue') && dueAt !== null && Date.parse(dueAt) <= nextShiftAt) {
        breaches.push({ request, clock, dueAt, overdue: state === 'overdue' });
      }
    }
  }
  breaches.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return { nextShiftAt: new Date(nextShiftAt).toISOString(), breaches };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}
