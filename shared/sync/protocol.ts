import { z } from 'zod';
import { Decision, Directory, Instant, Operator, Rejection, Request, Ulid } from '../model';

/**
 * The workstation ↔ central server protocol (HTTP + JSON, bearer token after sign-in).
 *   POST /api/sync/login  LoginRequest  → LoginResponse
 *   POST /api/sync/pull   PullRequest   → PullResponse
 *   POST /api/sync/push   PushRequest   → PushResponse
 * Errors: 4xx/5xx with ApiError. Every body is validated with these schemas on both ends.
 */
export const SYNC_PATHS = {
  login: '/api/sync/login',
  pull: '/api/sync/pull',
  push: '/api/sync/push',
} as const;

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 1000;

export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;

export const LoginRequest = z.object({
  name: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceId: z.string().min(1).max(100),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string().min(16), operator: Operator });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const PullRequest = z.object({
  /** Opaque; null for "from the beginning". */
  cursor: z.string().nullable(),
  /** The directory version the workstation holds; 0 for none. */
  directoryVersion: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(500),
});
export type PullRequest = z.input<typeof PullRequest>;

export const PullResponse = z.object({
  cursor: z.string().nullable(),
  /** Requests changed since the cursor, oldest change first. */
  requests: z.array(Request),
  /** True when more changes wait: pull again at once with the new cursor. */
  hasMore: z.boolean(),
  /** The whole directory, when the workstation's copy is older than the server's; else null. */
  directory: Directory.nullable(),
  serverTime: Instant,
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

export const PushResponse = z.object({ results: z.array(PushResult) });
export type PushResponse = z.infer<typeof PushResponse>;
