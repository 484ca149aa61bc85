import type { z } from 'zod';
import {
  ApiError,
  ClaimResponse,
  LoginResponse,
  PullResponse,
  PushResponse,
  ReleaseResponse,
  requestHistoryPath,
  SignOutResponse,
  SYNC_PATHS,
  type ClaimRequest,
  type LoginRequest,
  type PullRequest,
  type PushRequest,
  type SignOutRequest,
} from '../../../shared/sync/protocol';
import { AUDIT_API, AuditPage } from '../../../shared/audit/audit-log';
import { Request, RequestHistory } from '../../../shared/model';
import { REPLY_TEMPLATES_PATH, ReplyTemplates, type SaveTemplates } from '../../../shared/replies/reply-templates';
import { ledgerPath, ServerLedger, type LedgerQuery } from '../../../shared/reports/ledger';
import { REPORTS_API, Summary, type SummaryQuery } from '../../../shared/reports/summary';
import { OverdueList, SUPERVISION_API, UnitPerformanceList, type RemindRequest } from '../../../shared/units/protocol';

const REQUEST_TIMEOUT_MS = 15_000;
/** Claims and timelines are asked for as a request opens: a slow server must not hold the operator up. */
const CLAIM_TIMEOUT_MS = 2_000;

/**
 * network: the server could not be reached or did not answer in time (retry with back-off);
 * unauthorized: the token or the password was refused; refused: any other 4xx; server: 5xx;
 * protocol: an answer that does not match the protocol schemas.
 */
export type SyncErrorKind = 'network' | 'unauthorized' | 'refused' | 'server' | 'protocol';

export class SyncError extends Error {
  override readonly name = 'SyncError';

  constructor(
    readonly kind: SyncErrorKind,
    message: string,
    /** The server's error code (ApiError), when it gave one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The workstation side of shared/sync/protocol.ts; every answer is validated before use. */
export function syncClient(serverUrl: string, timeoutMs = REQUEST_TIMEOUT_MS) {
  /** A GET when `body` is undefined, else a POST (or `method`) of it as JSON. */
  async function send<T extends z.ZodType>(
    path: string,
    body: unknown,
    schema: T,
    token: string | null,
    timeout = timeoutMs,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<z.infer<T>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, serverUrl), {
        method: body === undefined ? 'GET' : method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (error) {
      throw new SyncError(
        'network',
        `${serverUrl} unreachable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      // A body cut off by a dropped connection is a network failure, not a protocol one.
      if (error instanceof Error && error.name !== 'SyntaxError') throw new SyncError('network', error.message);
      json = null;
    }
    if (!response.ok) throw httpError(response.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('protocol', `unexpected answer from ${path}: ${parsed.error.message}`);
    return parsed.data;
  }

  const post = send;
  const get = <T extends z.ZodType>(path: string, schema: T, token: string) => send(path, undefined, schema, token);

  return {
    serverUrl,
    login: (request: LoginRequest) => post(SYNC_PATHS.login, request, LoginResponse, null),
    pull: (token: string, request: PullRequest) => post(SYNC_PATHS.pull, request, PullResponse, token),
    push: (token: string, request: PushRequest) => post(SYNC_PATHS.push, request, PushResponse, token),
    claim: (token: string, request: ClaimRequest) =>
      post(SYNC_PATHS.claim, request, ClaimResponse, token, CLAIM_TIMEOUT_MS),
    release: (token: string, request: ClaimRequest) =>
      post(SYNC_PATHS.release, request, ReleaseResponse, token, CLAIM_TIMEOUT_MS),
    signOut: (token: string, request: SignOutRequest) => post(SYNC_PATHS.signOut, request, SignOutResponse, token),
    history: (token: string, requestId: string) =>
      send(requestHistoryPath(requestId), undefined, RequestHistory, token, CLAIM_TIMEOUT_MS),
    /** The supervisors' API (shared/units/protocol.ts); the server admits supervisors and admins only. */
    supervision: {
      overdue: (token: string) => get(`${SUPERVISION_API}/overdue`, OverdueList, token),
      units: (token: string) => get(`${SUPERVISION_API}/units`, UnitPerformanceList, token),
      remind: (token: string, request: RemindRequest) => post(`${SUPERVISION_API}/remind`, request, Request, token),
    },
    /** Admins only: the server's audit log (shared/audit/audit-log.ts), a page at a time or whole (recorded as an export). */
    admin: {
      audit: (token: string, before?: string) =>
        get(`${AUDIT_API}?${new URLSearchParams(before ? { before } : {})}`, AuditPage, token),
      exportAudit: (token: string) => get(`${AUDIT_API}?export=1`, AuditPage, token),
    },
    /** The centre's reply templates: an admin saves the whole list as the next version (others get it on pull). */
    saveTemplates: (token: string, request: SaveTemplates) =>
      send(REPLY_TEMPLATES_PATH, request, ReplyTemplates, token, timeoutMs, 'PUT'),
    /** The centre's numbers for a period (shared/reports/summary.ts), supervisors and admins only. */
    summary: (token: string, { from, to }: SummaryQuery) =>
      get(`${REPORTS_API}/summary?${new URLSearchParams({ from, to })}`, Summary, token),
    /** The work ledger (shared/reports/ledger.ts), computed by the server over every operator. */
    ledger: (token: string, query: LedgerQuery) => get(ledgerPath(query), ServerLedger, token),
  };
}

export type SyncClient = ReturnType<typeof syncClient>;

function httpError(status: number, body: unknown): SyncError {
  const parsed = ApiError.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : null;
  const message = parsed.success ? `${code}: ${parsed.data.error.message}` : `HTTP ${status}`;
  if (status === 401) return new SyncError('unauthorized', message, code);
  if (status >= 500) return new SyncError('server', message, code);
  return new SyncError('refused', message, code);
}
