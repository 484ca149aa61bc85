import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy, policyForCategory, WorkingHours } from '../../shared/deadline';

describe('deadline policy configuration', () => {
  it('the defaults are a valid configuration', () => {
    expect(DeadlinePolicy.parse(DEFAULT_DEADLINE_POLICY)).toEqual(DEFAULT_DEADLINE_POLICY);
  });

  it('rejects malformed, reversed or overlapping working hours', () => {
    expect(WorkingHours.safeParse({ sessions: [{ start: '9:00', end: '12:00' }] }).success).toBe(false);
    expect(WorkingHours.safeParse({ sessions: [{ start: '12:00', end: '09:00' }] }).success).toBe(false);
    expect(
      WorkingHours.safeParse({
        sessions: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }).success,
    ).toBe(false);
    expect(WorkingHours.safeParse({ sessions: [] }).success).toBe(false);
  });

  it('rejects thresholds where red would come before amber', () => {
    const policy = {
      ...DEFAULT_DEADLINE_POLICY,
      acknowledge: { minutes: 15, thresholds: { amberMinutesLeft: 2, redMinutesLeft: 5 } },
    };
    expect(DeadlinePolicy.safeParse(policy).success).toBe(false);
  });

  it('category overrides: ancestors apply, the more specific key wins, other categories keep the defaults', () => {
    const policy = DeadlinePolicy.parse({
      ...DEFAULT_DEADLINE_POLICY,
      categoryOverrides: {
        城乡建设: { answer: { restDayHours: 4 } },
        '城乡建设/安全生产/安全隐患': {
          answer: { workingTimeHours: 0.5, restDayHours: 2 },
          acknowledge: { minutes: 5 },
        },
      },
    });
    const specific = policyForCategory(policy, '城乡建设/安全生产/安全隐患');
    expect(specific.answer).toMatchObject({ workingTimeHours: 0.5, restDayHours: 2 });
    expect(specific.acknowledge).toEqual({ minutes: 5, thresholds: DEFAULT_DEADLINE_POLICY.acknowledge.thresholds });
    expect(policyForCategory(policy, '城乡建设/安全生产/事故处理').answer).toMatchObject({
      workingTimeHours: 1,
      restDayHours: 4,
    });
    expect(policyForCategory(policy, '城乡建设其他').answer.restDayHours).toBe(8);
    expect(policyForCategory(policy, null)).toBe(policy);
  });

  it('an override field left undefined inherits instead of erasing the default', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, categoryOverrides: { 教育: { answer: { restDayHours: undefined } } } };
    expect(policyForCategory(policy, '教育').answer.restDayHours).toBe(8);
  });
});
