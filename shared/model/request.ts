import { z } from 'zod';
import { Attachment, Channel } from './channel';
import { Instant, Ulid } from './ids';

/**
 * Where a request stands. `new` waits for an operator; `accepted` is being handled;
 * `transferred` sits with a unit; `junk` and `merged` leave the main queue; `closed` is done.
 */
export const RequestStatus = z.enum(['new', 'accepted', 'transferred', 'replied', 'closed', 'junk', 'merged']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const Citizen = z.object({
  /** `${channel}:${channel id}` — one channel identity; linking identities into one person comes later. */
  id: z.string().min(1),
  /** Display name when the channel gives one; never trusted as markup. */
  name: z.string().nullable(),
});
export type Citizen = z.infer<typeof Citizen>;

/** Who made the last decision on a request: operator, device, time. */
export const DecisionStamp = z.object({
  decisionId: Ulid,
  kind: z.string(),
  operatorId: Ulid,
  operatorName: z.string(),
  deviceId: z.string(),
  at: Instant,
});
export type DecisionStamp = z.infer<typeof DecisionStamp>;

/** A citizen's need: what the queue shows and what decisions act on. */
export const Request = z.object({
  id: Ulid,
  /** Human request number staff read out and units quote, e.g. YW-20261128-0007. */
  number: z.string(),
  channel: Channel,
  account: z.string(),
  citizen: Citizen,
  text: z.string(),
  attachments: z.array(Attachment),
  receivedAt: Instant,
  status: RequestStatus,
  categoryId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** Set when status is `merged`. */
  mergedInto: Ulid.nullable(),
  /** Hidden from the queue until then. */
  snoozedUntil: Instant.nullable(),
  /** Raised to a supervisor (督查室). */
  escalated: z.boolean(),
  /** Increments with every applied decision; decisions name the version they were made against. */
  version: z.number().int().nonnegative(),
  updatedAt: Instant,
  lastDecision: DecisionStamp.nullable(),
});
export type Request = z.infer<typeof Request>;
