import { z } from 'zod';
import { DecisionAction, Ulid } from "../model";
import type { Directory, Operator, Rejection, Request } from "../model";

/**
 * The one typed API between the renderer and the workstation host. The same map is served over
 * Electron IPC (preload's contextBridge) and, in the browser shell, over local HTTP; the renderer
 * cannot tell which. Arguments are validated by the host with `workstationArgs` at the boundary.
 */

/** A request as the workstation sees it: the server's state plus this device's decisions not yet confirmed. */
export interface LocalRequest extends Request {
  /** Decisions made here and not yet answered by the server. */
  pending: number;
  /** The server's refusal of this device's last decision on it, until someone acts on it again. */
  rejection: Rejection | null;
}

export type QueueView = 'queue' | 'junk' | 'done' | 'all';

export interface SyncStatus {
  online: boolean;
  signedIn: boolean;
  /** Decisions in the outbox waiting for the server. */
  outbox: number;
  lastSyncAt: string | null;
  lastError: string | null;
  serverUrl: string;
}

export interface Session {
  operator: Operator | null;
  deviceId: string;
  serverUrl: string;
}

export interface DecideOutcome {
  request: LocalRequest;
  decisionId: string;
}

export interface UndoOutcome {
  /** What was undone; null when there was nothing to undo. */
  undone: { decisionId: string; kind: string; requestId: string } | null;
  /** How: dropped from the outbox before it left, or compensated by a new decision. */
  how: 'dropped' | 'compensated' | null;
  request: LocalRequest | null;
}

export interface WorkstationApi {
  'session.get'(args: Record<string, never>): Promise<Session>;
  'session.signIn'(args: { name: string; password: string }): Promise<Session>;
  'session.signOut'(args: Record<string, never>): Promise<Session>;
  'queue.list'(args: { view: QueueView }): Promise<LocalRequest[]>;
  'request.get'(args: { id: string }): Promise<LocalRequest | null>;
  'request.decide'(args: { requestId: string; action: DecisionAction }): Promise<DecideOutcome>;
  'request.undo'(args: Record<string, never>): Promise<UndoOutcome>;
  'directory.get'(args: Record<string, never>): Promise<Directory>;
  'sync.status'(args: Record<string, never>): Promise<SyncStatus>;
  'sync.now'(args: Record<string, never>): Promise<SyncStatus>;
}

export type ApiMethod = keyof WorkstationApi;
export type ApiArgs<M extends ApiMethod> = Parameters<WorkstationApi[M]>[0];
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<WorkstationApi[M]>>;

const none = z.object({}).strict();

export const workstationArgs = {
  'session.get': none,
  'session.signIn': z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
  'session.signOut': none,
  'queue.list': z.object({ view: z.enum(['queue', 'junk', 'done', 'all']) }),
  'request.get': z.object({ id: Ulid }),
  'request.decide': z.object({ requestId: Ulid, action: DecisionAction }),
  'request.undo': none,
  'directory.get': none,
  'sync.status': none,
  'sync.now': none,
} satisfies { [M in ApiMethod]: z.ZodType };

export const API_METHODS = Object.keys(workstationArgs) as ApiMethod[];

/** Replies cross the boundary as values, never as thrown errors (Signal's wrapResult). */
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Events the host pushes to the renderer. */
export type HostEvent =
  | { type: 'sync-status'; status: SyncStatus }
  | { type: 'requests-changed'; ids: string[] }
  | { type: 'session-changed'; session: Session };

/** What the renderer is handed, by preload or by the browser-shell client. */
export interface HostBridge {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
}

export const IPC_CHANNELS = { call: 'yiwang:call', event: 'yiwang:event' } as const;
export const BROWSER_SHELL_PATHS = { call: '/api/call/', events: '/api/events' } as const;

