import { z } from 'zod';
import { Instant } from './ids';

/** Who did something to a request: the citizen writing, an operator at a workstation, a unit's account, a supervisor (督查室), or the server itself. */
export const HistoryActor = z.enum(['citizen', 'operator', 'unit', 'supervisor', 'system']);
export type HistoryActor = z.infer<typeof HistoryActor>;

/**
 * One step of a request's story (the detail pane's timeline): the citizen's messages, and every decision applied
 * to it, operators', units', supervisors' and the server's, with who, when and from which device, and the
 * texts in full (a reply, a note, a unit's answer or progress note, a reason) as plain text.
 */
export const HistoryEvent = z.object({
  /** The decision's or the message's id. */
  id: z.string(),
  /** A decision kind, or `message` for what the citizen wrote. */
  kind: z.string(),
  actor: HistoryActor,
  /** The operator's, unit account's or supervisor's display name; the citizen's name; empty for the server. */
  who: z.string(),
  deviceId: z.string().nullable(),
  at: Instant,
  /** Where a transfer sent it, or the unit that held it. */
  unitId: z.string().nullable().default(null),
  categoryId: z.string().nullable().default(null),
  /** The text the step carried: the citizen's message, a reply, note, answer, progress note or reason. */
  text: z.string().nullable().default(null),
  /** Working days an extension asked for or granted; a rating's score; what a merge went into. */
  detail: z.string().nullable().default(null),
  /** Still in this workstation's outbox: the server has not confirmed it yet. */
  pending: z.boolean().default(false),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const RequestHistory = z.object({ requestId: z.string(), events: z.array(HistoryEvent) });
export type RequestHistory = z.infer<typeof RequestHistory>;

/** The fields of a decision (as stored, or in an outbox) a history event shows, whatever its kind. */
export function historyFields(
  payload: Record<string, unknown>,
): Pick<HistoryEvent, 'unitId' | 'categoryId' | 'text' | 'detail'> {
  const text = ['text', 'note', 'reason'].map((key) => payload[key]).find((value) => typeof value === 'string');
  const detail = ['workingDays', 'score', 'intoRequestId', 'citizenId', 'until']
    .map((key) => payload[key])
    .find((value) => typeof value === 'string' || typeof value === 'number');
  return {
    unitId: typeof payload.unitId === 'string' ? payload.unitId : null,
    categoryId: typeof payload.categoryId === 'string' ? payload.categoryId : null,
    text: (text as string | undefined) ?? null,
    detail: detail === undefined ? null : String(detail),
  };
}
