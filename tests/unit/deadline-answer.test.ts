import { describe, expect, it } from 'vitest';
import {
  answerDueAt,
  DEFAULT_DEADLINE_POLICY,
  type DeadlinePolicy,
  PUBLISHED_HOLIDAY_CALENDAR,
  toBeijingIso,
} from '../../shared/deadline';

// Arrivals are written in Beijing wall time (no zone = Beijing); expectations are Beijing ISO strings.
function due(arrival: string, answer: Partial<DeadlinePolicy['answer']> = {}): string {
  const policy = { ...DEFAULT_DEADLINE_POLICY, answer: { ...DEFAULT_DEADLINE_POLICY.answer, ...answer } };
  return toBeijingIso(answerDueAt(arrival, policy, PUBLISHED_HOLIDAY_CALENDAR));
}

describe('answer promise — arrival in working time: 1 working hour', () => {
  it('counts inside a session', () => {
    expect(due('2025-11-12T09:00')).toBe('2025-11-12T10:00:00+08:00');
    expect(due('2025-11-12T15:05:30')).toBe('2025-11-12T16:05:30+08:00');
  });

  it('ending exactly at closing time is due at closing, not next morning', () => {
    expect(due('2025-11-12T16:30')).toBe('2025-11-12T17:30:00+08:00');
  });

  it('just before closing continues at 09:00 the next working day', () => {
    expect(due('2025-11-12T17:10')).toBe('2025-11-13T09:40:00+08:00');
    expect(due('2025-11-12T17:29')).toBe('2025-11-13T09:59:00+08:00');
  });

  it('just before lunch continues after lunch', () => {
    expect(due('2025-11-12T11:30')).toBe('2025-11-12T14:00:00+08:00');
    expect(due('2025-11-12T11:59')).toBe('2025-11-12T14:29:00+08:00');
  });

  it('just before closing on a Friday continues on Monday', () => {
    expect(due('2025-11-14T17:10')).toBe('2025-11-17T09:40:00+08:00');
  });

  it('just before closing on Friday before a 调休 Saturday continues on that Saturday', () => {
    expect(due('2025-10-10T17:10')).toBe('2025-10-11T09:40:00+08:00');
  });

  it('just before closing on the eve of National Day continues after the 8-day holiday', () => {
    expect(due('2025-09-30T17:10')).toBe('2025-10-09T09:40:00+08:00');
  });

  it('counts on a 调休 Sunday as on any working day', () => {
    expect(due('2025-09-28T10:00')).toBe('2025-09-28T11:00:00+08:00');
  });
});

describe('answer promise — working day outside working hours: 1 working hour from the next session start', () => {
  it('lunch: counts from 13:30', () => {
    expect(due('2025-11-12T12:00')).toBe('2025-11-12T14:30:00+08:00');
    expect(due('2025-11-12T12:10')).toBe('2025-11-12T14:30:00+08:00');
    expect(due('2025-11-12T13:29')).toBe('2025-11-12T14:30:00+08:00');
  });

  it('evening and across midnight: counts from 09:00 the next working day', () => {
    expect(due('2025-11-13T20:00')).toBe('2025-11-14T10:00:00+08:00');
    expect(due('2025-11-13T23:59')).toBe('2025-11-14T10:00:00+08:00');
    expect(due('2025-11-12T17:30')).toBe('2025-11-13T10:00:00+08:00');
  });

  it('early morning: counts from 09:00 the same day', () => {
    expect(due('2025-11-14T00:30')).toBe('2025-11-14T10:00:00+08:00');
    expect(due('2025-11-14T08:59')).toBe('2025-11-14T10:00:00+08:00');
  });

  it('Friday evening before a 调休 Saturday: due that Saturday morning', () => {
    expect(due('2025-10-10T20:00')).toBe('2025-10-11T10:00:00+08:00');
    expect(due('2026-02-13T20:00')).toBe('2026-02-14T10:00:00+08:00');
  });

  it('the evening of a 调休 Saturday before the Spring Festival waits for the first working day after it', () => {
    expect(due('2026-02-14T19:00')).toBe('2026-02-24T10:00:00+08:00');
  });

  it('across month and year ends', () => {
    expect(due('2025-10-31T17:10')).toBe('2025-11-03T09:40:00+08:00');
    expect(due('2026-02-28T17:10')).toBe('2026-03-02T09:40:00+08:00'); // 02-28 is a 调休 Saturday
    expect(due('2025-12-31T17:10')).toBe('2026-01-04T09:40:00+08:00'); // New Year 01-01..03, Sunday 01-04 worked
    expect(due('2025-12-31T21:00')).toBe('2026-01-04T10:00:00+08:00');
  });
});

describe('answer promise — arrival on a rest day or holiday: 8 calendar hours', () => {
  it('any time of a weekend day', () => {
    expect(due('2025-11-15T10:00')).toBe('2025-11-15T18:00:00+08:00');
    expect(due('2025-11-15T22:00')).toBe('2025-11-16T06:00:00+08:00');
    expect(due('2025-09-27T10:00')).toBe('2025-09-27T18:00:00+08:00'); // Saturday before the 调休 Sunday
  });

  it('the last day of the National Day holiday, including late evening into the first working day', () => {
    expect(due('2025-10-08T10:00')).toBe('2025-10-08T18:00:00+08:00');
    expect(due('2025-10-08T20:00')).toBe('2025-10-09T04:00:00+08:00');
    expect(due('2026-10-07T23:30')).toBe('2026-10-08T07:30:00+08:00');
  });

  it('the 2026 Spring Festival, including its last day and a weekday inside it', () => {
    expect(due('2026-02-15T00:00')).toBe('2026-02-15T08:00:00+08:00');
    expect(due('2026-02-20T09:30')).toBe('2026-02-20T17:30:00+08:00');
    expect(due('2026-02-23T17:00')).toBe('2026-02-24T01:00:00+08:00');
    expect(due('2026-02-24T09:00')).toBe('2026-02-24T10:00:00+08:00');
  });

  it('across a month end (Dragon Boat Festival 2025-05-31)', () => {
    expect(due('2025-05-31T20:00')).toBe('2025-06-01T04:00:00+08:00');
  });
});

describe('answer promise — configurable rule choices', () => {
  it('offHoursOnWorkingDay "rest-day-hours": evenings get 8 calendar hours, sessions keep 1 working hour', () => {
    expect(due('2025-11-13T20:00', { offHoursOnWorkingDay: 'rest-day-hours' })).toBe('2025-11-14T04:00:00+08:00');
    expect(due('2025-11-12T12:10', { offHoursOnWorkingDay: 'rest-day-hours' })).toBe('2025-11-12T20:10:00+08:00');
    expect(due('2025-11-12T17:10', { offHoursOnWorkingDay: 'rest-day-hours' })).toBe('2025-11-13T09:40:00+08:00');
  });

  it('capAtRestDayPromise: a clock that would run through rest days is due 8 h into the first one', () => {
    const cap = { capAtRestDayPromise: true };
    expect(due('2025-09-30T17:10', cap)).toBe('2025-10-01T08:00:00+08:00');
    expect(due('2025-09-30T20:00', cap)).toBe('2025-10-01T08:00:00+08:00');
    expect(due('2026-02-14T17:10', cap)).toBe('2026-02-15T08:00:00+08:00');
    expect(due('2025-11-14T17:10', cap)).toBe('2025-11-15T08:00:00+08:00');
    // No rest day in between: unchanged.
    expect(due('2025-10-10T20:00', cap)).toBe('2025-10-11T10:00:00+08:00');
    expect(due('2025-11-12T17:10', cap)).toBe('2025-11-13T09:40:00+08:00');
  });

  it('other hours and other working hours', () => {
    expect(due('2025-11-12T11:30', { workingTimeHours: 0.5 })).toBe('2025-11-12T12:00:00+08:00');
    expect(due('2025-11-15T10:00', { restDayHours: 4 })).toBe('2025-11-15T14:00:00+08:00');
    const longDay = { ...DEFAULT_DEADLINE_POLICY, workingHours: { sessions: [{ start: '08:30', end: '18:00' }] } };
    expect(toBeijingIso(answerDueAt('2025-11-12T17:30', longDay, PUBLISHED_HOLIDAY_CALENDAR))).toBe(
      '2025-11-13T09:00:00+08:00',
    );
  });

  it('accepts a Date or a UTC ISO string for the same moment', () => {
    expect(toBeijingIso(answerDueAt('2025-10-10T12:00:00Z', DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR))).toBe(
      '2025-10-11T10:00:00+08:00',
    );
    expect(
      toBeijingIso(
        answerDueAt(new Date(Date.UTC(2025, 9, 10, 12)), DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR),
      ),
    ).toBe('2025-10-11T10:00:00+08:00');
  });
});
