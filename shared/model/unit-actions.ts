import { z } from 'zod';
import type { DecisionAction, DecisionMeta } from './decision';
import { SatisfactionScore } from './rating';

/** Most working days one extension may add; a longer case is a supervisor's call, not a form's. */
export const MAX_EXTENSION_WORKING_DAYS = 30;

const WorkingDays = z.number().int().min(1).max(MAX_EXTENSION_WORKING_DAYS);

/**
 * What a responsible unit does with a request transferred to it, in the unit's web page or API.
 * Stored in the decisions table like operators' decisions (with a unit actor) and applied by decide().
 */
export const UnitAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit-answer'), text: z.string().trim().min(1).max(4000) }),
  /** For a case that cannot close yet (complex, historical): what has been done and what comes next. */
  z.object({ kind: z.literal('unit-progress'), text: z.string().trim().min(1).max(4000) }),
  z.object({
    kind: z.literal('unit-extension-request'),
    workingDays: WorkingDays,
    reason: z.string().trim().min(1).max(2000),
  }),
  /** 退单: the request is not this unit's business; it goes back to the queue with the reason. */
  z.object({ kind: z.literal('unit-return'), reason: z.string().trim().min(1).max(2000) }),
]);
export type UnitAction = z.infer<typeof UnitAction>;

/** What a supervisor (督查室) does about a request a unit holds. */
export const SupervisorAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('extension-grant'), workingDays: WorkingDays }),
  /** 督办: a recorded reminder to the holding unit. */
  z.object({ kind: z.literal('remind'), note: z.string().trim().min(1).max(2000) }),
  /** The unit's extension request is refused, with the reason the unit sees; its due time stays. */
  z.object({ kind: z.literal('extension-refuse'), reason: z.string().trim().min(1).max(2000) }),
]);
export type SupervisorAction = z.infer<typeof SupervisorAction>;

/**
 * What the server does by itself (actor `system`): the citizen's answer to the satisfaction question, matched
 * by intake. The escalation ladder's reminders and escalations are `remind` and `escalate` by the system actor.
 */
export const SystemAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('citizen-rating'), score: SatisfactionScore }),
]);
export type SystemAction = z.infer<typeof SystemAction>;

/** Anything decide() applies: an operator's decision, a unit's action, a supervisor's or the server's own. */
export type RequestAction = DecisionAction | UnitAction | SupervisorAction | SystemAction;
export type RequestActionKind = RequestAction['kind'];
export type RequestEvent = DecisionMeta & RequestAction;
