import {
  workstationArgs,
  type ApiArgs,
  type ApiMethod,
  type ApiReply,
  type ApiResult,
  type DecideOutcome,
  type HandlingMeasure,
  type Session,
} from '../../shared/api/workstation-api';
import { beijingDayNumber, beijingDayStart } from '../../shared/deadline';
import type { WorkstationCache } from './cache/workstation-cache';
import { DecisionError, type Decisions } from './decisions';
import type { HostEvents } from './host-events';
import type { Suggester } from './suggestions/suggest';
import { SyncError, type SyncClient } from './sync/sync-client';
import type { SyncLoop } from './sync/sync-loop';

export interface ApiDeps {
  cache: WorkstationCache;
  client: SyncClient;
  decisions: Decisions;
  loop: SyncLoop;
  events: HostEvents;
  suggestions: Suggester;
}

type Handlers = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<M>> };

/** The WorkstationApi served to the renderer, one handler per method. */
export function workstationHandlers({ cache, client, decisions, loop, events, suggestions }: ApiDeps): Handlers {
  const session = (): Session => ({ operator: cache.session.get().operator, deviceId: cache.device.id, serverUrl: client.serverUrl });
  const sessionChanged = () => {
    events.emit({ type: 'session-changed', session: session() });
    loop.announce();
  };

  /** After a decision: the ledger's timing, the renderer told, the sync loop woken. */
  const decided = (outcome: DecideOutcome, measure: HandlingMeasure | undefined): DecideOutcome => {
    const { request } = outcome;
    const operator = cache.session.get().operator;
    if (measure && operator) cache.handlingTimes.record(request.id, operator.id, outcome.decisionId, new Date().toISOString(), measure);
    events.emit({ type: 'requests-changed', ids: [request.id] });
    loop.decided();
    return outcome;
  };

  return {
    'session.get': async () => session(),
    'session.signIn': async ({ name, password }) => {
      const answer = await client.login({ name, password, deviceId: cache.device.id });
      cache.session.save({ operator: answer.operator, token: answer.token, serverUrl: client.serverUrl });
      sessionChanged();
      void loop.syncNow();
      return session();
    },
    'session.signOut': async () => {
      cache.session.save({ operator: null, token: null, serverUrl: client.serverUrl });
      sessionChanged();
      return session();
    },
    'queue.list': async ({ view }) => cache.requests.list(view, new Date().toISOString()),
    'request.get': async ({ id }) => cache.requests.local(id),
    'request.decide': async ({ requestId, action, measure }) => decided(decisions.decide(requestId, action), measure),
    'request.decideAll': async ({ requestId, actions, measure }) => decided(decisions.decideAll(requestId, actions), measure),
    'request.context': async ({ id }) => {
      const request = cache.requests.local(id);
      if (!request) throw new DecisionError('unknown-request', `no request ${id} on this workstation`);
      return suggestions.context(request);
    },
    'queue.window': async ({ view, offset, limit }) => {
      const now = new Date().toISOString();
      return { total: cache.requests.count(view, now), offset, items: cache.requests.window(view, now, offset, limit) };
    },
    'search.requests': async ({ query, filters, limit }) => {
      const started = performance.now();
      const ids = cache.search.search(query, filters, limit);
      const items = ids.map((id) => cache.requests.local(id)).filter((r): r is NonNullable<typeof r> => r !== null);
      return { items, tookMs: performance.now() - started };
    },
    'stats.today': async () => {
      const operator = cache.session.get().operator;
      return operator ? cache.handlingTimes.counter(operator.id, new Date(beijingDayStart(beijingDayNumber(Date.now()))).toISOString()) : { handled: 0, medianSeconds: null };
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
  };
}

/** Validates the arguments, runs the handler, and turns every outcome into a reply value. */
export async function callHandler<M extends ApiMethod>(handlers: Handlers, method: M, args: unknown): Promise<ApiReply<ApiResult<M>>> {
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
