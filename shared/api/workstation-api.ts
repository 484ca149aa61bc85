import { z } from 'zod';
import { Channel, DecisionAction, Instant, RequestStatus, Ulid } from '../model';
import type { Decision, DecisionStamp, Directory, HistoryEvent, Operator, Rejection, Request } from '../model';
import type { Claim, Handover } from '../sync/protocol';
import type { LedgerCompleteness } from '../ledger';
import type { AuditPage } from '../audit/audit-log';
import { SaveTemplates, type ReplyTemplates } from '../replies/reply-templates';
import type { Summary } from '../reports/summary';
import { RemindRequest, type OverdueList, type UnitPerformance } from '../units/protocol';

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
  /** Who holds a lease on it (opened it), as of the last sync; null when nobody does. Set by queue.list, queue.window and request.get. */
  claim?: Claim | null;
}

export type QueueView = 'queue' | 'junk' | 'done' | 'all';

/** A request's timeline and where it came from: the server just now, or this workstation's cache (as of `fetchedAt`, null: never fetched). */
export interface RequestHistoryView {
  source: 'server' | 'cache';
  fetchedAt: string | null;
  events: HistoryEvent[];
}

export interface SyncStatus {
  online: boolean;
  signedIn: boolean;
  /** Decisions in the outbox waiting for the server. */
  outbox: number;
  /** Requests those decisions are on. */
  outboxRequests: number;
  lastSyncAt: string | null;
  lastError: string | null;
  /**
   * What kind of failure that was, in this run of the host, as a failure code the operator's words are
   * keyed by (offline, unauthorized, refused, server, protocol); null once a sync succeeds.
   */
  lastFailure: string | null;
  serverUrl: string;
  /** While a pull brings many changes (a fresh workstation's bootstrap, a day offline): how far along. */
  catchUp: { received: number; total: number } | null;
  /** Conflicts waiting for a person to choose (conflicts.list). */
  conflicts: number;
  /** What the host found wrong with its cache file at start, for the operator to read once. */
  notice: CacheNotice | null;
}

/**
 * damaged: the cache file could not be used and was rebuilt from the server, keeping what of its
 * outbox could be read; behind: it opened but had lost decisions made here (its write-ahead log gone
 * after a crash, an older copy restored). Counts are of decisions not yet sent to the server.
 */
export interface CacheNotice {
  kind: 'damaged' | 'behind';
  /** Read back from the damaged file and its write-ahead log. */
  keptFromFile: number;
  /** Given back by the outbox log kept beside the cache. */
  keptFromLog: number;
  /** Lost: in neither. Null when there was no outbox log to count them by. */
  unreadable: number | null;
  /** For the details: why the file could not be used, and where it was moved. */
  reason: 'corrupt' | 'foreign' | null;
  movedTo: string | null;
  /** Decisions made here that the server holds and the cache had lost track of: not lost. */
  serverAhead: number;
  /** Unsent decisions given new sequence numbers past the server's, so that they land. */
  renumbered: number;
}

export interface Session {
  operator: Operator | null;
  deviceId: string;
  serverUrl: string;
  /** The last handover note left at the centre, shown when a shift starts; null when there is none. */
  handover?: Handover | null;
}

/** The answer to opening a request: whether this operator now holds it, and who does if not. */
export interface ClaimOutcome {
  granted: boolean;
  /** The lease in force (this operator's when granted); null when offline. */
  claim: Claim | null;
  /** The server could not be asked: work goes on, and conflicts are settled when it is back. */
  offline: boolean;
}

/**
 * A request where the server refused this workstation's decisions because someone else decided it
 * first (see docs/sync-and-conflicts.md). Nothing is lost: mine stay here until a person chooses.
 */
export interface Conflict {
  id: string;
  requestId: string;
  /** The refused decisions made here, oldest first, each with its operator. */
  mine: Decision[];
  /** The server's reason for refusing the first of them. */
  reason: Rejection;
  /** The other decision, as the server stamped it on the request. */
  theirs: DecisionStamp | null;
  /** The request as it stands now (server state and anything still pending here). */
  request: LocalRequest | null;
  createdAt: string;
  resolvedAt: string | null;
  choice: ConflictChoice | null;
}

/** keep-theirs: leave it as the other operator decided; mine-as-note: add what I decided as a note; reopen: bring it back to the queue to decide again. */
export type ConflictChoice = 'keep-theirs' | 'mine-as-note' | 'reopen';

export interface ConflictResolution {
  conflict: Conflict;
  /** The decision the choice made (a note, a reopen or a recall); null for keep-theirs. */
  decisionId: string | null;
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

/** One slice of a queue view, in queue order, and how many the whole view holds. */
export interface QueueWindow {
  total: number;
  offset: number;
  items: LocalRequest[];
  /** The moment the order is for (overdue requests first: docs/triage.md). */
  at: string;
  /** When the next waiting request turns overdue and moves up, or null: the view's order holds until then. */
  nextCrossingAt: string | null;
}

/** A directory id with how sure the suggestion is (0–1). */
export interface RankedChoice {
  id: string;
  confidence: number;
}

/** The host's best guess for a request: categories and units best first, and a reply template. */
export interface Suggestion {
  category: RankedChoice[];
  unit: RankedChoice[];
  templateId: string | null;
  /** Where it came from: a trained model, or keyword rules with past decisions. */
  source: 'model' | 'rules';
  /** The best category or unit is below the workstation's confidence threshold: shown as a choice, not pre-filled. */
  lowConfidence: { category: boolean; unit: boolean };
  /** How likely the request is junk (0–1), from the junk model; null until one ships. */
  junk: number | null;
}

/** An open request worded nearly like the one on screen, to show side by side. */
export interface DuplicateMatch {
  request: LocalRequest;
  /** Estimated Jaccard similarity of the two texts' character 3-shingles, 0–1. */
  similarity: number;
  /** The same citizen wrote it, from this channel identity or one linked to it: this request repeats theirs. */
  sameCitizen: boolean;
}

/** Open requests this one repeats: the same citizen's, or many citizens' (a hot issue). */
export interface Duplicates {
  /** Most alike first. */
  matches: DuplicateMatch[];
  /** Set when several different citizens wrote the same complaint: how many, this request's citizen included. */
  hotIssue: { citizens: number } | null;
}

/** What the detail pane shows beside the request: everything needed to decide without looking elsewhere. */
export interface RequestContext {
  requestId: string;
  suggestion: Suggestion;
  /** The citizen's earlier requests, newest first. */
  history: LocalRequest[];
  /** Resolved requests worded like this one, most alike first: how they were classified and where they went. */
  similar: LocalRequest[];
  /** Open requests this one nearly repeats (near-duplicate detection). */
  duplicates: Duplicates;
}

/** Measured by the renderer for the ledger: first display to this decision, and keys pressed meanwhile. */
export interface HandlingMeasure {
  handlingMs: number;
  keyPresses: number;
}

export interface TodayCounter {
  handled: number;
  medianSeconds: number | null;
}

export const SearchFilters = z.object({
  channel: Channel.optional(),
  status: RequestStatus.optional(),
  unitId: z.string().min(1).max(200).optional(),
  /** Instants bounding the arrival time, from inclusive, to exclusive. */
  from: z.iso.datetime({ offset: false }).optional(),
  to: z.iso.datetime({ offset: false }).optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export interface SearchResult {
  items: LocalRequest[];
  tookMs: number;
}

export type LedgerFormat = 'xlsx' | 'csv' | 'pdf';

/** A ledger export: one day (`day`, today when neither is given) or a range (`from` and `to`), Beijing dates 'YYYY-MM-DD'. */
export interface LedgerExportArgs {
  format: LedgerFormat;
  day?: string;
  from?: string;
  to?: string;
  /** The signed-in operator's lines, or the whole centre's. */
  scope: 'me' | 'centre';
  /** Citizens' numbers and names masked; default true. Off only for an authorised export. */
  mask?: boolean;
}

export interface AuditExport {
  /** In the exports folder; in the browser shell also downloadable at BROWSER_SHELL_PATHS.exports + fileName. */
  fileName: string;
  path: string;
  entries: number;
}

export interface LedgerExport {
  /** The file's name in the exports folder; in the browser shell also downloadable at BROWSER_SHELL_PATHS.exports + fileName. */
  fileName: string;
  /** Where the file was written on this computer. */
  path: string;
  lines: number;
  /** Whether lines of other operators may be missing from the cache, as printed in the file. */
  completeness: LedgerCompleteness;
}

/** The supervisors' view (督查室): overdue requests and units ranked by overdue count and on-time rate. */
export interface SupervisionOverview {
  overdue: OverdueList['requests'];
  units: UnitPerformance[];
  /** Ratings per operator (who closed what, and how the citizens rated it) over `ratingsPeriod`, from the summary. */
  operators: Summary['byOperator'];
  ratingsPeriod: { from: string; to: string };
  serverTime: string;
}

/** An open request whose answer or unit clock runs out before the next shift starts (or already has). */
export interface HandoverBreach {
  request: LocalRequest;
  clock: 'answer' | 'unit';
  dueAt: string;
  /** Already past due now, not only before the next shift. */
  overdue: boolean;
}

export interface HandoverBreaches {
  /** When the next shift starts (the next handover time). */
  nextShiftAt: string;
  /** Soonest due first. */
  breaches: HandoverBreach[];
}

export interface WorkstationApi {
  'session.get'(args: Record<string, never>): Promise<Session>;
  'session.signIn'(args: { name: string; password: string }): Promise<Session>;
  /** Ends the shift; the handover note is kept for the next operator (sent when the server is reachable). */
  'session.signOut'(args: { handoverNote?: string }): Promise<Session>;
  'queue.list'(args: { view: QueueView }): Promise<LocalRequest[]>;
  'request.get'(args: { id: string }): Promise<LocalRequest | null>;
  'request.decide'(args: {
    requestId: string;
    action: DecisionAction;
    measure?: HandlingMeasure;
  }): Promise<DecideOutcome>;
  /** Several decisions on one request as one step (the one-key accept); undo takes them back together. */
  'request.decideAll'(args: {
    requestId: string;
    actions: DecisionAction[];
    measure?: HandlingMeasure;
  }): Promise<DecideOutcome>;
  'request.context'(args: { id: string }): Promise<RequestContext>;
  /** The request's timeline: from the server when it answers, else what this workstation holds (`source` says which). */
  'request.history'(args: { id: string }): Promise<RequestHistoryView>;
  /**
   * A slice of a view in its order as of `at` (the caller's clock, so its deadline labels and the order
   * agree; default the host's). `keepId`: move the slice to where that request now stands if it left it.
   */
  'queue.window'(args: {
    view: QueueView;
    offset: number;
    limit: number;
    at?: string;
    keepId?: string;
  }): Promise<QueueWindow>;
  'search.requests'(args: { query: string; filters: SearchFilters; limit: number }): Promise<SearchResult>;
  'stats.today'(args: Record<string, never>): Promise<TodayCounter>;
  'request.undo'(args: Record<string, never>): Promise<UndoOutcome>;
  'directory.get'(args: Record<string, never>): Promise<Directory>;
  /** The centre's reply templates this workstation holds (as last pulled; offline too). */
  'templates.get'(args: Record<string, never>): Promise<ReplyTemplates>;
  /** Admins, online only: saves the whole list on the server as its next version, and holds it at once. */
  'templates.save'(args: SaveTemplates): Promise<ReplyTemplates>;
  'sync.status'(args: Record<string, never>): Promise<SyncStatus>;
  'sync.now'(args: Record<string, never>): Promise<SyncStatus>;
  /** Call when a request is opened (and again while it stays open): claims it for a short lease other operators see. Never blocks on the network for long. */
  'request.claim'(args: { id: string }): Promise<ClaimOutcome>;
  /** Call when the operator leaves a request without deciding it, so others need not wait for the lease to end. */
  'request.release'(args: { id: string }): Promise<{ released: boolean }>;
  /** Open conflicts, oldest first. */
  'conflicts.list'(args: Record<string, never>): Promise<Conflict[]>;
  'conflicts.resolve'(args: { id: string; choice: ConflictChoice }): Promise<ConflictResolution>;
  /** Writes the ledger from this workstation's cache (works offline) into the exports folder. */
  'ledger.export'(args: LedgerExportArgs): Promise<LedgerExport>;
  /** Admins, online only: a page of the server's audit log, newest first; `before` the last entry's id for older ones. */
  'audit.list'(args: { before?: string }): Promise<AuditPage>;
  /** Admins, online only: the whole audit log as CSV in the exports folder (the server records the export). */
  'audit.export'(args: Record<string, never>): Promise<AuditExport>;
  /** Supervisors and admins, online only: asks the server for overdue requests and the unit ranking. */
  'supervision.overview'(args: Record<string, never>): Promise<SupervisionOverview>;
  /** 督办: a reminder to the unit holding the request, recorded on the request by the server (online only). */
  'supervision.remind'(args: { requestId: string; note: string }): Promise<Request>;
  /** From the cache: open requests whose answer or unit clock runs out before the next shift starts. */
  'shift.breachesBeforeNextShift'(args: Record<string, never>): Promise<HandoverBreaches>;
}

export type ApiMethod = keyof WorkstationApi;
export type ApiArgs<M extends ApiMethod> = Parameters<WorkstationApi[M]>[0];
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<WorkstationApi[M]>>;

const none = z.object({}).strict();
const HandlingMeasureArgs = z.object({
  handlingMs: z
    .number()
    .nonnegative()
    .max(7 * 24 * 3600_000),
  keyPresses: z.number().int().nonnegative().max(10_000),
});

const BeijingDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const LedgerExportArgs = z
  .object({
    format: z.enum(['xlsx', 'csv', 'pdf']),
    day: BeijingDate.optional(),
    from: BeijingDate.optional(),
    to: BeijingDate.optional(),
    scope: z.enum(['me', 'centre']),
    mask: z.boolean().default(true),
  })
  .strict()
  .refine(
    (a) => (a.from === undefined) === (a.to === undefined) && !(a.day !== undefined && a.from !== undefined),
    'give a day, or both from and to',
  );

export const workstationArgs = {
  'session.get': none,
  'session.signIn': z.object({ name: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
  'session.signOut': z.object({ handoverNote: z.string().max(4000).optional() }).strict(),
  'queue.list': z.object({ view: z.enum(['queue', 'junk', 'done', 'all']) }),
  'request.get': z.object({ id: Ulid }),
  'request.decide': z.object({ requestId: Ulid, action: DecisionAction, measure: HandlingMeasureArgs.optional() }),
  'request.decideAll': z.object({
    requestId: Ulid,
    actions: z.array(DecisionAction).min(1).max(8),
    measure: HandlingMeasureArgs.optional(),
  }),
  'request.context': z.object({ id: Ulid }),
  'request.history': z.object({ id: Ulid }),
  'queue.window': z.object({
    view: z.enum(['queue', 'junk', 'done', 'all']),
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(1000),
    at: Instant.optional(),
    keepId: Ulid.optional(),
  }),
  'search.requests': z.object({
    query: z.string().max(200),
    filters: SearchFilters,
    limit: z.number().int().min(1).max(200),
  }),
  'stats.today': none,
  'request.undo': none,
  'directory.get': none,
  'templates.get': none,
  'templates.save': SaveTemplates.strict(),
  'sync.status': none,
  'sync.now': none,
  'request.claim': z.object({ id: Ulid }),
  'request.release': z.object({ id: Ulid }),
  'conflicts.list': none,
  'conflicts.resolve': z.object({ id: Ulid, choice: z.enum(['keep-theirs', 'mine-as-note', 'reopen']) }),
  'ledger.export': LedgerExportArgs,
  'audit.list': z.object({ before: z.string().max(40).optional() }).strict(),
  'audit.export': none,
  'supervision.overview': none,
  'supervision.remind': RemindRequest.strict(),
  'shift.breachesBeforeNextShift': none,
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

export { BROWSER_SHELL_PATHS, IPC_CHANNELS } from './transport';
