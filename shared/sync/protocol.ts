import { z } from 'zod';
import { Decision, Directory, Instant, Operator, Rejection, Request, Ulid } from '../model';
import { SuggestionRules } from '../suggestions/keyword-rules';
import { ReplyTemplates } from '../replies/reply-templates';
import { MODEL_FORMAT, type SerializedTextModel } from '../text/model-serialization';

/**
 * The workstation ↔ central server protocol (HTTP + JSON, bearer token after sign-in).
 *   POST /api/sync/login  LoginRequest  → LoginResponse
 *   POST /api/sync/pull   PullRequest   → PullResponse
 *   POST /api/sync/push   PushRequest   → PushResponse
 *   POST /api/sync/claim  ClaimRequest  → ClaimResponse    (a short lease on a request, shown to others)
 *   POST /api/sync/release ClaimRequest → ReleaseResponse
 *   POST /api/sync/sign-out SignOutRequest → SignOutResponse (ends the shift with a handover note)
 *   GET  /api/requests/:id/history        → RequestHistory  (the request's timeline, shared/model/request-history.ts)
 * Errors: 4xx/5xx with ApiError. Every body is validated with these schemas on both ends.
 */
export const SYNC_PATHS = {
  login: '/api/sync/login',
  pull: '/api/sync/pull',
  push: '/api/sync/push',
  claim: '/api/sync/claim',
  release: '/api/sync/release',
  signOut: '/api/sync/sign-out',
} as const;

/** A request's timeline, for any signed-in operator. */
export const REQUEST_HISTORY_ROUTE = '/api/requests/:id/history';
export function requestHistoryPath(requestId: string): string {
  return REQUEST_HISTORY_ROUTE.replace(':id', encodeURIComponent(requestId));
}

export const MAX_PUSH_BATCH = 500;
/** A bootstrap of 100,000 requests is 20 pages: few enough round trips and commits, still a progress bar that moves. */
export const MAX_PULL_PAGE = 5000;

export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export const LoginRequest = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceId: z.string().min(1).max(100),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** What an operator left for the next shift when signing out. */
export const Handover = z.object({ operatorId: Ulid, operatorName: z.string(), note: z.string(), at: Instant });
export type Handover = z.infer<typeof Handover>;

/**
 * The highest sequence number the server holds from the asking device (0 for none); a workstation
 * whose own count is lower lost part of its cache and renumbers what it has not sent yet. Null from
 * servers before it.
 */
const DeviceSeq = z.number().int().nonnegative().nullable().default(null);

export const LoginResponse = z.object({
  token: z.string().min(16),
  operator: Operator,
  /** The last handover note left at the centre, for the shift that starts now. */
  lastHandover: Handover.nullable().default(null),
  deviceSeq: DeviceSeq,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** An operator's short lease on a request, so two online operators don't work the same item. */
export const Claim = z.object({
  requestId: Ulid,
  operatorId: Ulid,
  operatorName: z.string(),
  deviceId: z.string(),
  until: Instant,
});
export type Claim = z.infer<typeof Claim>;

/** What each suggestion model learns from operators' decisions: a request's category, its unit, whether it is junk. */
export const ModelKind = z.enum(['category', 'unit', 'junk']);
export type ModelKind = z.infer<typeof ModelKind>;

/** The junk model's two labels. */
export const JUNK_LABEL = 'junk';
export const NOT_JUNK_LABEL = 'not-junk';

/** A trained model's version as a workstation holds it. */
export const ModelVersion = z.object({ kind: ModelKind, version: z.number().int().positive() });
export type ModelVersion = z.infer<typeof ModelVersion>;

/** A trained text model (shared/text) as the server ships it; its arrays are checked when deserialised. */
const SerializedModel = z.custom<SerializedTextModel>(
  (value) => typeof value === 'object' && value !== null && (value as { format?: unknown }).format === MODEL_FORMAT,
  `expected a ${MODEL_FORMAT} model`,
);

export const ShippedModel = z.object({
  kind: ModelKind,
  version: z.number().int().positive(),
  trainedAt: Instant,
  /** How many decided requests it learned from. */
  examples: z.number().int().nonnegative(),
  model: SerializedModel,
});
export type ShippedModel = z.infer<typeof ShippedModel>;

export const PullRequest = z.object({
  /** Opaque; null for "from the beginning". */
  cursor: z.string().nullable(),
  /** The directory version the workstation holds; 0 for none. */
  directoryVersion: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(500),
  // Added with suggestions. Null (what older workstations send by leaving them out): never send models or rules.
  /** The suggestion models the workstation holds; a newer one of a kind comes back in `models`. */
  models: z.array(ModelVersion).max(10).nullable().default(null),
  /** The keyword rules version the workstation holds; 0 for none. */
  suggestionRulesVersion: z.number().int().nonnegative().nullable().default(null),
  /**
   * The model format the workstation reads (shared/text MODEL_FORMAT): models stored in another format
   * are not sent to it. Workstations that leave it out read the first format.
   */
  modelFormat: z.string().max(100).default('yiwang-text-model/1'),
  /** The reply templates version the workstation holds; 0 for none, null (older workstations): never send them. */
  replyTemplatesVersion: z.number().int().nonnegative().nullable().default(null),
});
export type PullRequest = z.input<typeof PullRequest>;

export const PullResponse = z.object({
  cursor: z.string().nullable(),
  /** Requests changed since the cursor, oldest change first. */
  requests: z.array(Request),
  /** True when more changes wait: pull again at once with the new cursor. */
  hasMore: z.boolean(),
  /** Every claim still in force, whatever the cursor (there are few: about one per operator online). */
  claims: z.array(Claim).default([]),
  /** About how many changes still wait after this page (an upper bound), for a progress bar. */
  remaining: z.number().int().nonnegative().default(0),
  /** The whole directory, when the workstation's copy is older than the server's; else null. */
  directory: Directory.nullable(),
  serverTime: Instant,
  /** The latest model of each kind the workstation's is older than (or lacks); null when it is up to date. */
  models: z.array(ShippedModel).nullable().default(null),
  /** The administrators' keyword rules, when the workstation's copy is older; else null. */
  suggestionRules: SuggestionRules.nullable().default(null),
  /** The centre's reply templates, when the workstation's copy is older; else null. */
  replyTemplates: ReplyTemplates.nullable().default(null),
  deviceSeq: DeviceSeq,
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PushRequest = z.object({
  deviceId: z.string().min(1).max(100),
  decisions: z.array(Decision).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResult = z.discriminatedUnion('outcome', [
  z.object({ decisionId: Ulid, outcome: z.literal('applied'), request: Request }),
  /** Already applied earlier (a retried push): nothing changed now. */
  z.object({ decisionId: Ulid, outcome: z.literal('replay'), request: Request.nullable() }),
  z.object({ decisionId: Ulid, outcome: z.literal('rejected'), reason: Rejection, request: Request.nullable() }),
]);
export type PushResult = z.infer<typeof PushResult>;

export const PushResponse = z.object({ results: z.array(PushResult), deviceSeq: DeviceSeq });
export type PushResponse = z.infer<typeof PushResponse>;

export const ClaimRequest = z.object({ requestId: Ulid });
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/** granted: the lease is the caller's until `claim.until`; otherwise `claim` says who holds it. */
export const ClaimResponse = z.object({ granted: z.boolean(), claim: Claim });
export type ClaimResponse = z.infer<typeof ClaimResponse>;

export const ReleaseResponse = z.object({ released: z.boolean() });
export type ReleaseResponse = z.infer<typeof ReleaseResponse>;

export const SignOutRequest = z.object({ handoverNote: z.string().max(4000) });
export type SignOutRequest = z.infer<typeof SignOutRequest>;

export const SignOutResponse = z.object({ endedAt: Instant });
export type SignOutResponse = z.infer<typeof SignOutResponse>;
