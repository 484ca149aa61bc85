import { z } from 'zod';
import { CitizenIdentity } from './citizen-identities';
import { Instant, Ulid } from './ids';
import { SatisfactionScore } from './rating';

/**
 * What an operator decided about one request. Decisions are the unit of sync: the workstation
 * appends them to its outbox and the server applies them (see `decide.ts` for the rules).
 * `id` and (`deviceId`, `seq`) are the idempotency keys; `baseVersion` is the request version the
 * operator saw when deciding.
 */
export const DecisionAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accept') }),
  z.object({ kind: z.literal('classify'), categoryId: z.string().min(1) }),
  z.object({ kind: z.literal('transfer'), unitId: z.string().min(1), note: z.string().max(2000).nullable() }),
  /** Compensates a transfer that already left: the unit is told and the request returns to the operator. */
  z.object({ kind: z.literal('recall'), reason: z.string().max(2000).nullable() }),
  z.object({ kind: z.literal('junk') }),
  /** Brings a request back from junk (a false positive). */
  z.object({ kind: z.literal('restore') }),
  z.object({ kind: z.literal('reply'), text: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('note'), text: z.string().min(1).max(4000) }),
  z.object({ kind: z.literal('close') }),
  z.object({ kind: z.literal('reopen') }),
  z.object({ kind: z.literal('merge'), intoRequestId: Ulid }),
  z.object({ kind: z.literal('escalate'), note: z.string().max(2000).nullable() }),
  z.object({ kind: z.literal('snooze'), until: Instant }),
  /** The request's citizen and `citizenId` (another channel identity) are one person (docs/triage.md). */
  z.object({ kind: z.literal('link-citizen'), citizenId: CitizenIdentity }),
  /**
   * A phone callback's result (电话回访) on a closed request: the citizen's rating and the operator's note. A 不满意
   * is followed by a `reopen` of its own when the operator sends it back to the queue (docs/numbers.md).
   */
  /**
   * 答复不满意 / 未实质答复: the unit's answer does not answer the citizen, so the request goes back to the
   * unit that gave it, with the reason it sees; counted against that unit (docs/units.md).
   */
  z.object({ kind: z.literal('reject-answer'), unitId: z.string().min(1), reason: z.string().trim().min(1).max(2000) }),
  z.object({ kind: z.literal('record-callback'), score: SatisfactionScore, note: z.string().max(2000).nullable() }),
]);
export type DecisionAction = z.infer<typeof DecisionAction>;

/** The operator id on what the server decides by itself (actor `system`: the escalation ladder, matched ratings). */
export const SYSTEM_OPERATOR_ID = '00000000000000000000000000';

export const DecisionMeta = z.object({
  id: Ulid,
  deviceId: z.string().min(1).max(100),
  /** Per-device sequence number, 1, 2, 3 … in the order the device made them. */
  seq: z.number().int().positive(),
  requestId: Ulid,
  baseVersion: z.number().int().nonnegative(),
  operatorId: Ulid,
  madeAt: Instant,
});
export type DecisionMeta = z.infer<typeof DecisionMeta>;

export const Decision = z.intersection(DecisionMeta, DecisionAction);
export type Decision = DecisionMeta & DecisionAction;

/** Why the server (or the local view) refused a decision. */
export const RejectionCode = z.enum([
  'stale', // the request changed since the operator saw it
  'invalid-transition', // the decision makes no sense in the request's current status
  'unknown-request',
  'unknown-unit',
  'unknown-category',
  'forbidden', // operator or device mismatch
  'seq-taken', // the device used this sequence number for another decision (its cache is behind): renumbered and sent again, never a conflict
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

export const Rejection = z.object({ code: RejectionCode, message: z.string() });
export type Rejection = z.infer<typeof Rejection>;
