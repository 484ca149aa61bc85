import { z } from 'zod';
import { Attachment, Channel } from './channel';
import { Instant, Ulid } from './ids';
import { Rating } from './rating';
import { NO_CONTACT, ReplyContact, ReplyDelivery } from './reply-delivery';

/**
 * Where a request stands. `new` waits for an operator; `accepted` is being handled;
 * `transferred` sits with a unit; `junk` and `merged` leave the main queue; `closed` is done.
 */
export const RequestStatus = z.enum(['new', 'accepted', 'transferred', 'replied', 'closed', 'junk', 'merged']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const Citizen = z.object({
  /** `${channel}:${channel id}` — the channel identity this request came from. */
  id: z.string().min(1),
  /** Display name when the channel gives one; never trusted as markup. */
  name: z.string().nullable(),
  /**
   * Every channel identity an operator linked as this one citizen, this one included, sorted; absent
   * while it stands alone (see citizen-identities.ts).
   */
  identities: z.array(z.string().min(1)).optional(),
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

/**
 * The three clocks' due times (see docs/deadlines.md), set by the server at intake and transfer.
 * `unitDueAt` is null while no unit holds the request; `extensionWorkingDays` is what supervisors granted.
 */
export const RequestDeadlines = z.object({
  acknowledgeDueAt: Instant.nullable(),
  answerDueAt: Instant.nullable(),
  unitDueAt: Instant.nullable(),
  extensionWorkingDays: z.number().int().nonnegative(),
});
export type RequestDeadlines = z.infer<typeof RequestDeadlines>;

export const NO_DEADLINES: RequestDeadlines = {
  acknowledgeDueAt: null,
  answerDueAt: null,
  unitDueAt: null,
  extensionWorkingDays: 0,
};

/**
 * When each step happened, for the ledger and for met/missed (shared/units/clock-outcomes.ts).
 * firstResponseAt: first accept, reply or transfer (or a decision that accepts implicitly);
 * answeredAt: first reply or transfer, what the answer promise asks for;
 * transferredAt: the latest transfer, from which the unit's clock runs.
 */
export const RequestTimeline = z.object({
  firstResponseAt: Instant.nullable(),
  answeredAt: Instant.nullable(),
  transferredAt: Instant.nullable(),
  unitAnsweredAt: Instant.nullable(),
  closedAt: Instant.nullable(),
});
export type RequestTimeline = z.infer<typeof RequestTimeline>;

export const EMPTY_TIMELINE: RequestTimeline = {
  firstResponseAt: null,
  answeredAt: null,
  transferredAt: null,
  unitAnsweredAt: null,
  closedAt: null,
};

/** A dated piece of text from a unit or a supervisor. */
export const DatedText = z.object({ text: z.string(), at: Instant });
export type DatedText = z.infer<typeof DatedText>;

/** A unit's pending request for more working days, until a supervisor grants it or the request leaves the unit. */
export const ExtensionRequest = z.object({ workingDays: z.number().int().positive(), reason: z.string(), at: Instant });
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

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
  // The fields below came with the units' side; their defaults let older payloads and caches parse.
  deadlines: RequestDeadlines.default(NO_DEADLINES),
  timeline: RequestTimeline.default(EMPTY_TIMELINE),
  /** How often units returned it as wrongly transferred (退单). */
  returnCount: z.number().int().nonnegative().default(0),
  /** Returned more than twice: needs a supervisor's eye. */
  flagged: z.boolean().default(false),
  lastReturnReason: z.string().nullable().default(null),
  /** The holding unit's answer; cleared when the request is transferred again. */
  unitAnswer: z.string().nullable().default(null),
  /** The unit's latest progress explanation for a case that cannot close yet. */
  unitProgress: DatedText.nullable().default(null),
  extensionRequest: ExtensionRequest.nullable().default(null),
  /** Supervisor reminders (督办) to the holding unit. */
  reminderCount: z.number().int().nonnegative().default(0),
  lastReminder: DatedText.nullable().default(null),
  // Added with outbound replies (server/outbound): the reply window's facts and the latest reply's fate.
  contact: ReplyContact.default(NO_CONTACT),
  replyDelivery: ReplyDelivery.nullable().default(null),
  /** Why intake took it for junk (advertising, gambling, an empty greeting, a subscribe event), else null. */
  junkReason: z.string().nullable().default(null),
  // Added with closing the loop (docs/numbers.md): 回访 and the supervisors' refusals.
  /** The citizen's latest rating of the closed request (channel answer or phone callback); null until rated. */
  rating: Rating.nullable().default(null),
  /** A supervisor's refusal of the unit's latest extension request, with the reason; cleared when it leaves the unit. */
  extensionRefusal: DatedText.nullable().default(null),
  /** Why an operator sent the unit's latest answer back (答复不满意 / 未实质答复); cleared when the unit answers again or it leaves the unit. */
  answerRejection: DatedText.nullable().default(null),
  /** How often operators sent this request's unit answers back. */
  answerRejectionCount: z.number().int().nonnegative().default(0),
});
export type Request = z.infer<typeof Request>;

/** The clock and unit fields of a request as intake makes it; for code that builds a Request by hand. */
export const UNIT_WORK_DEFAULTS = {
  deadlines: NO_DEADLINES,
  timeline: EMPTY_TIMELINE,
  returnCount: 0,
  flagged: false,
  lastReturnReason: null,
  unitAnswer: null,
  unitProgress: null,
  extensionRequest: null,
  reminderCount: 0,
  lastReminder: null,
  contact: NO_CONTACT,
  replyDelivery: null,
  junkReason: null,
  rating: null,
  extensionRefusal: null,
  answerRejection: null,
  answerRejectionCount: 0,
} as const satisfies Partial<Request>;
