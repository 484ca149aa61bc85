import { z } from 'zod';
import { MINUTE_MS } from './beijing-time';

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, 24-hour Beijing time');

export const WorkingSession = z.object({ start: ClockTime, end: ClockTime });
export type WorkingSession = z.infer<typeof WorkingSession>;

/** The centre's opening hours on a working day, in Beijing time, e.g. 09:00–12:00 and 13:30–17:30. */
export const WorkingHours = z
  .object({ sessions: z.array(WorkingSession).min(1) })
  .refine(
    (hours) =>
      sessionWindows(hours).every(([start, end], i, all) => start < end && (i === 0 || all[i - 1]![1] <= start)),
    {
      message: 'sessions must each end after they start, in order, without overlapping',
    },
  );
export type WorkingHours = z.infer<typeof WorkingHours>;

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  sessions: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

/** Each session as [start, end) in milliseconds after Beijing midnight. */
export function sessionWindows(hours: { sessions: readonly WorkingSession[] }): Array<[number, number]> {
  return hours.sessions.map((session) => [clockMs(session.start), clockMs(session.end)]);
}

function clockMs(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return ((h ?? 0) * 60 + (m ?? 0)) * MINUTE_MS;
}
