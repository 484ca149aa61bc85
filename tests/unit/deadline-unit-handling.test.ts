import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR, toBeijingIso, unitDueAt } from '../../shared/deadline';

// Default policy: 5 working days, the day of transfer not counted, due at closing time (17:30).
function due(transferredAt: string, extensionWorkingDays = 0): string {
  return toBeijingIso(
    unitDueAt(transferredAt, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR, { extensionWorkingDays }),
  );
}

describe('unit handling time — N working days after the day of transfer', () => {
  it('an ordinary week: Wednesday → next Wednesday, whatever the hour of transfer', () => {
    expect(due('2025-11-12T08:00')).toBe('2025-11-19T17:30:00+08:00');
    expect(due('2025-11-12T23:00')).toBe('2025-11-19T17:30:00+08:00');
  });

  it('across the 2025 National Day holiday, counting the 调休 Sunday and Saturday', () => {
    // 09-28 Sun (worked), 09-29, 09-30, [10-01..10-08], 10-09, 10-10
    expect(due('2025-09-26T10:00')).toBe('2025-10-10T17:30:00+08:00');
  });

  it('a supervisor extension adds working days (here the 调休 Saturday 10-11, then Monday)', () => {
    expect(due('2025-09-26T10:00', 2)).toBe('2025-10-13T17:30:00+08:00');
  });

  it('transferred during a holiday: counting starts with the first working day', () => {
    expect(due('2025-10-03T15:00')).toBe('2025-10-14T17:30:00+08:00');
  });

  it('across the 2026 Spring Festival', () => {
    // 02-12, 02-13, 02-14 Sat (worked), [02-15..02-23], 02-24, 02-25
    expect(due('2026-02-11T16:00')).toBe('2026-02-25T17:30:00+08:00');
  });

  it('across the year end and New Year 2026 (Sunday 01-04 worked)', () => {
    expect(due('2025-12-29T10:00')).toBe('2026-01-06T17:30:00+08:00');
  });

  it('a category can have its own working days', () => {
    const policy = {
      ...DEFAULT_DEADLINE_POLICY,
      categoryOverrides: { 城乡建设: { unitHandling: { workingDays: 2 } } },
    };
    const at = (categoryId: string) =>
      toBeijingIso(unitDueAt('2025-10-31T10:00', policy, PUBLISHED_HOLIDAY_CALENDAR, { categoryId }));
    expect(at('城乡建设/安全生产/安全隐患')).toBe('2025-11-04T17:30:00+08:00');
    expect(at('教育')).toBe('2025-11-07T17:30:00+08:00');
  });

  it('rejects a negative or fractional extension', () => {
    expect(() => due('2025-11-12T10:00', -1)).toThrow(/extension/);
    expect(() => due('2025-11-12T10:00', 0.5)).toThrow(/extension/);
  });
});
