import { describe, expect, it } from 'vitest';
import {
  acknowledgeDueAt,
  DEFAULT_DEADLINE_POLICY,
  deadlineStatus,
  timeLeft,
  toBeijingIso,
} from '../../shared/deadline';

describe('acknowledgement — calendar minutes, day and night', () => {
  it('15 minutes by default, across midnight and a month end, holiday or not', () => {
    const due = (arrival: string) => toBeijingIso(acknowledgeDueAt(arrival, DEFAULT_DEADLINE_POLICY));
    expect(due('2025-11-12T10:00')).toBe('2025-11-12T10:15:00+08:00');
    expect(due('2025-10-01T23:50')).toBe('2025-10-02T00:05:00+08:00');
    expect(due('2025-10-31T23:55')).toBe('2025-11-01T00:10:00+08:00');
  });
});

describe('time left and status', () => {
  const thresholds = DEFAULT_DEADLINE_POLICY.answer.thresholds; // amber ≤ 30 min, red ≤ 10 min
  const due = '2025-11-12T10:00';

  it('time left is signed milliseconds', () => {
    expect(timeLeft(due, '2025-11-12T09:15')).toBe(45 * 60_000);
    expect(timeLeft(due, '2025-11-12T10:01')).toBe(-60_000);
  });

  it('ok → amber → red → overdue at the policy thresholds; red (not overdue) at the due moment itself', () => {
    expect(deadlineStatus(due, '2025-11-12T09:29', thresholds)).toBe('ok');
    expect(deadlineStatus(due, '2025-11-12T09:30', thresholds)).toBe('amber');
    expect(deadlineStatus(due, '2025-11-12T09:50', thresholds)).toBe('red');
    expect(deadlineStatus(due, '2025-11-12T10:00', thresholds)).toBe('red');
    expect(deadlineStatus(due, '2025-11-12T10:00:00.001', thresholds)).toBe('overdue');
  });
});
