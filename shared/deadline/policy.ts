import { z } from 'zod';
import { DEFAULT_WORKING_HOURS, WorkingHours } from './working-hours';

/** When a clock turns amber and red, in calendar minutes left before it is due. */
export const StatusThresholds = z
  .object({ amberMinutesLeft: z.number().nonnegative(), redMinutesLeft: z.number().nonnegative() })
  .refine((t) => t.redMinutesLeft <= t.amberMinutesLeft, { message: 'red must come no earlier than amber' });
export type StatusThresholds = z.infer<typeof StatusThresholds>;

/** Acknowledging receipt to the citizen: calendar minutes, day or night. */
export const AcknowledgePolicy = z.object({ minutes: z.number().positive(), thresholds: StatusThresholds });
export type AcknowledgePolicy = z.infer<typeof AcknowledgePolicy>;

/** The answer the centre promises; see docs/deadlines.md for the rules and examples. */
export const AnswerPolicy = z.object({
  /** Working hours (session time only) when the request arrives on a working day. */
  workingTimeHours: z.number().positive(),
  /** Calendar hours when it arrives on a rest day or holiday. */
  restDayHours: z.number().positive(),
  /** A working day's evening, lunch or early morning: wait for the next session, or treat like a rest day. */
  offHoursOnWorkingDay: z.enum(['next-session', 'rest-day-hours']),
  /** If the working-hour clock would run through a rest day, be due no later than that rest day's promise. */
  capAtRestDayPromise: z.boolean(),
  thresholds: StatusThresholds,
});
export type AnswerPolicy = z.infer<typeof AnswerPolicy>;

/** The unit's handling time after transfer, in working days, ending at closing time. */
export const UnitHandlingPolicy = z.object({ workingDays: z.number().int().positive(), thresholds: StatusThresholds });
export type UnitHandlingPolicy = z.infer<typeof UnitHandlingPolicy>;

/**
 * The escalation ladder (督办) that runs itself once a unit's answer is overdue: an automatic reminder to the
 * unit at once, then, after a further `escalateAfterWorkingHours` of working time, escalation into the
 * supervisors' view. Null turns a rung off.
 */
export const EscalationPolicy = z.object({
  remindWhenOverdue: z.boolean(),
  escalateAfterWorkingHours: z.number().positive().nullable(),
});
export type EscalationPolicy = z.infer<typeof EscalationPolicy>;

/** Per-category changes; each field given replaces the default, the rest is inherited. */
export const DeadlinePolicyOverride = z.object({
  acknowledge: AcknowledgePolicy.partial().optional(),
  answer: AnswerPolicy.partial().optional(),
  unitHandling: UnitHandlingPolicy.partial().optional(),
});
export type DeadlinePolicyOverride = z.infer<typeof DeadlinePolicyOverride>;

/**
 * The centre's deadline policy — configuration, loaded and validated with this schema.
 * Category override keys are category ids or their ancestors ('城乡建设' covers '城乡建设/安全生产/…');
 * the more specific key wins.
 */
export const DeadlinePolicy = z.object({
  workingHours: WorkingHours,
  acknowledge: AcknowledgePolicy,
  answer: AnswerPolicy,
  unitHandling: UnitHandlingPolicy,
  categoryOverrides: z.record(z.string(), DeadlinePolicyOverride),
  escalation: EscalationPolicy,
});
export type DeadlinePolicy = z.infer<typeof DeadlinePolicy>;

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = {
  workingHours: DEFAULT_WORKING_HOURS,
  acknowledge: { minutes: 15, thresholds: { amberMinutesLeft: 5, redMinutesLeft: 2 } },
  answer: {
    workingTimeHours: 1,
    restDayHours: 8,
    offHoursOnWorkingDay: 'next-session',
    capAtRestDayPromise: false,
    thresholds: { amberMinutesLeft: 30, redMinutesLeft: 10 },
  },
  unitHandling: { workingDays: 5, thresholds: { amberMinutesLeft: 2 * 24 * 60, redMinutesLeft: 24 * 60 } },
  categoryOverrides: {},
  // One working day of the default hours (3 + 4) after the unit's due time.
  escalation: { remindWhenOverdue: true, escalateAfterWorkingHours: 7 },
};

/** The policy that applies to one category: defaults, then each ancestor's override, then its own. */
export function policyForCategory(policy: DeadlinePolicy, categoryId?: string | null): DeadlinePolicy {
  if (!categoryId) return policy;
  const segments = categoryId.split('/');
  let resolved = policy;
  for (let depth = 1; depth <= segments.length; depth++) {
    const override = policy.categoryOverrides[segments.slice(0, depth).join('/')];
    if (override) resolved = applyOverride(resolved, override);
  }
  return resolved;
}

function applyOverride(policy: DeadlinePolicy, override: DeadlinePolicyOverride): DeadlinePolicy {
  return {
    ...policy,
    acknowledge: { ...policy.acknowledge, ...given(override.acknowledge) },
    answer: { ...policy.answer, ...given(override.answer) },
    unitHandling: { ...policy.unitHandling, ...given(override.unitHandling) },
  };
}

/** Drops fields set to undefined so they inherit instead of erasing the default. */
function given<T extends object>(partial: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(partial ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
