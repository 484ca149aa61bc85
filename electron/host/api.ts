import {
  workstationArgs,
  type ApiArgs,
  type ApiMethod,
  type ApiReply,
  type ApiResult,
  type DecideOutcome,
  type HandlingMeasure,
  type LocalRequest,
  type Session,
} from '../../shared/api/workstation-api';
import type { Handover } from '../../shared/sync/protocol';
import { beijingDayNumber, beijingDayStart } from '../../shared/deadline';
import type { WorkstationCache } from './cache/workstation-cache';
import type { Conflicts } from './conflicts';
import { DecisionError, type Decisions } from './decisions';
import type { HostEvents } from './host-events';
import { auditHandlers } from './audit-handlers';
import { reportHandlers, type ReportDeps } from './report-handlers';
import { requestHistoryView } from './request-history';
import type { Suggester } from './suggestions/suggest';
import { SyncError, type SyncClient } from './sync/sync-client';
import type { SyncLoop } from './sync/sync-loop';

export interface ApiDeps extends Pick<ReportDeps, 'exportsDir' | 'shiftHandovers'> {
  cache: WorkstationCache;
  client: SyncClient;
  decisions: Decisions;
  loop: SyncLoop;
  events: HostEvents;
  suggestions: Suggester;
  conflicts: Conflicts;
}

type Handlers = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** The WorkstationApi served to the renderer, one handler per method. */
export function workstationHandlers({
  cache,
  client,
  decisions,
  loop,
  events,
  suggestions,
  conflicts,
  exportsDir,
  shiftHandovers,
}: ApiDeps): Handlers {
  /** The note the last shift left, shown from sign-in until sign-out. */
  let handover: Handover | null = null;
  const session = (): Session => ({
    operator: cache.session.get().operator,
    deviceId: cache.device.id,
    serverUrl: client.serverUrl,
    handover,
  });
  /** Who holds a lease on the request, as last heard from the server. */
  const withClaim = (request: LocalRequest): LocalRequest => ({ ...request, claim: cache.claims.on(request.id) });
  const sessionChanged = () => {
    events.emit({ type: 'session-changed', session: session() });
    loop.announce();
  };

  /** After a decision: the ledger's timing, the renderer told, the sync loop woken. */
  const decided = (outcome: DecideOutcome, measure: HandlingMeasure | undefined): DecideOutcome => {
    const { request } = outcome;
    const operator = cache.session.get().operator;
    if (measure && operator)
      cache.handlingTimes.record(request.id, operator.id, outcome.decisionId, new Date().toISOString(), measure);
    events.emit({ type: 'requests-changed', ids: [request.id] });
    loop.decided();
    return outcome;
  };

  return {
    ...reportHandlers({ cache, client, exportsDir, shiftHandovers }),
    ...auditHandlers({ cache, client, exportsDir }),
    'session.get': async () => session(),
    'session.signIn': async ({ name, password }) => {
      const answer = await client.login({ name, password, deviceId: cache.device.id });
      // Another operator may take over this workstation: the one before keeps their token, so their unsent decisions still go as theirs.
      cache.transaction(() => {
        cache.session.save({ operator: answer.operator, token: answer.token, serverUrl: client.serverUrl });
        cache.operatorTokens.save(answer.operator, answer.token);
      });
      handover = answer.lastHandover;
      loop.serverSeq(answer.deviceSeq);
      sessionChanged();
      void loop.syncNow();
      return session();
    },
    'session.signOut': async ({ handoverNote }) => {
      const operator = cache.session.get().operator;
      // The note is kept here first and sent by the sync loop, so signing out never waits on the network.
      cache.transaction(() => {
        if (operator) cache.handovers.add(operator.id, handoverNote ?? '', new Date().toISOString());
        cache.session.save({ operator: null, token: null, serverUrl: client.serverUrl });
      });
      handover = null;
      sessionChanged();
      void loop.syncNow();
      return session();
    },
    'queue.list': async ({ view }) => cache.requests.list(view, new Date().toISOString()).map(withClaim),
    'request.get': async ({ id }) => {
      const request = cache.requests.local(id);
      return request ? withClaim(request) : null;
    },
    'request.decide': async ({ requestId, action, measure }) => decided(decisions.decide(requestId, action), measure),
    'request.decideAll': async ({ requestId, actions, measure }) =>
      decided(decisions.decideAll(requestId, actions), measure),
    'request.history': async ({ id }) => requestHistoryView(cache, client, id, loop.status().online),
    'request.context': async ({ id }) => {
      const request = cache.requests.local(id);
      if (!request) throw new DecisionError('unknown-request', `no request ${id} on this workstation`);
      return suggestions.context(request);
    },
    'queue.window': async ({ view, offset, limit, at, keepId }) => {
      const now = at ?? new Date().toISOString();
      let start = offset;
      let items = cache.requests.window(view, now, start, limit);
      // The request the operator is on moved out of the slice (it turned overdue): follow it, not the old position.
      const position =
        view === 'queue' && keepId && !items.some((r) => r.id === keepId)
          ? cache.requests.queuePosition(keepId, now)
          : null;
      if (position !== null) {
        start = Math.max(0, position - Math.floor(limit / 2));
        items = cache.requests.window(view, now, start, limit);
      }
      const next = view === 'queue' ? cache.requests.nextQueueCrossing(now) : null;
      return {
        total: cache.requests.count(view, now),
        offset: start,
        items: items.map(withClaim),
        at: now,
        nextCrossingAt: next === null ? null : new Date(next).toISOString(),
      };
    },
    'search.requests': async ({ query, filters, limit }) => {
      const started = performance.now();
      const ids = cache.search.search(query, filters, limit);
      const items = ids.map((id) => cache.requests.local(id)).filter((r): r is NonNullable<typeof r> => r !== null);
      return { items, tookMs: performance.now() - started };
    },
    'stats.today': async () => {
      const operator = cache.session.get().operator;
      return operator
        ? cache.handlingTimes.counter(
            operator.id,
            new Date(beijingDayStart(beijingDayNumber(Date.now()))).toISOString(),
          )
        : { handled: 0, medianSeconds: null };
    },
    'request.undo': async () => {
      const outcome = decisions.undo();
      if (outcome.undone) {
        events.emit({ type: 'requests-changed', ids: [outcome.undone.requestId] });
        loop.decided();
      }
      return outcome;
    },
    'directory.get': async () => cache.directory.get(),
    'sync.status': async () => loop.status(),
    'sync.now': async () => loop.syncNow(),
    'request.claim': async ({ id }) => {
      const { token } = cache.session.get();
      if (!token) return { granted: false, claim: null, offline: true };
      try {
        const answer = await client.claim(token, { requestId: id });
        cache.claims.put(answer.claim);
        return { granted: answer.granted, claim: answer.claim, offline: false };
      } catch (error) {
        // Offline the operator works on: claims only spare online colleagues duplicate work.
        if (error instanceof SyncError && error.kind === 'network')
          return { granted: false, claim: null, offline: true };
        throw error;
      }
    },
    'request.release': async ({ id }) => {
      const { token } = cache.session.get();
      if (!token) return { released: false };
      return client.release(token, { requestId: id }).catch((error: unknown) => {
        if (error instanceof SyncError && error.kind === 'network') return { released: false };
        throw error;
      });
    },
    'conflicts.list': async () => conflicts.list(),
    'conflicts.resolve': async ({ id, choice }) => {
      const resolution = conflicts.resolve(id, choice);
      events.emit({ type: 'requests-changed', ids: [resolution.conflict.requestId] });
      loop.decided();
      return resolution;
    },
  };
}

/** Validates the arguments, runs the handler, and turns every outcome into a reply value. */
export async function callHandler<M extends ApiMethod>(
  handlers: Handlers,
  method: M,
  args: unknown,
): Promise<ApiReply<ApiResult<M>>> {
  if (!Object.hasOwn(workstationArgs, method)) return failure('unknown-method', `no API method ${String(method)}`);
  const parsed = workstationArgs[method].safeParse(args ?? {});
  if (!parsed.success) return failure('invalid-args', parsed.error.message);
  try {
    const handler = handlers[method] as (args: unknown) => Promise<ApiResult<M>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof DecisionError) return failure(error.code, error.message);
    if (error instanceof SyncError) return failure(error.kind === 'network' ? 'offline' : error.kind, error.message);
    console.error(`yiwang host: ${method} failed`, error);
    return failure('internal', error instanceof Error ? error.message : String(error));
  }
}

function failure(code: string, message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}
