import type { RequestHistoryView } from '../../shared/api/workstation-api';
import { historyFields, type Decision, type HistoryEvent, type Request } from '../../shared/model';
import type { WorkstationCache } from './cache/workstation-cache';
import { operatorNamer } from './local-requests';
import { SyncError, type SyncClient } from './sync/sync-client';

/**
 * A request's timeline for the detail pane: the server's when it answers (kept for later), else what
 * this workstation holds (the timeline last fetched, or what the request itself records), with this
 * device's decisions the server has not confirmed yet at the end either way.
 */
export async function requestHistoryView(
  cache: WorkstationCache,
  client: SyncClient,
  requestId: string,
  /** As the sync loop last found the server: offline, the cache at once, no wait on a timeout. */
  online: boolean,
): Promise<RequestHistoryView> {
  const { operator, token } = cache.session.get();
  const name = operatorNamer(operator);
  const pending = cache.outbox.pendingFor(requestId).map((decision) => pendingEvent(decision, name));
  if (token && online) {
    try {
      const { events } = await client.history(token, requestId);
      const fetchedAt = new Date().toISOString();
      cache.histories.save(requestId, events, fetchedAt);
      return { source: 'server', fetchedAt, events: withPending(events, pending) };
    } catch (error) {
      // Unreachable, refused or not yet on this server: what the workstation holds, said as such.
      if (!(error instanceof SyncError)) throw error;
    }
  }
  const kept = cache.histories.get(requestId);
  const request = cache.requests.server(requestId);
  const events = kept?.events ?? (request ? recordedOn(request) : []);
  return { source: 'cache', fetchedAt: kept?.fetchedAt ?? null, events: withPending(events, pending) };
}

function withPending(events: readonly HistoryEvent[], pending: readonly HistoryEvent[]): HistoryEvent[] {
  const known = new Set(events.map((event) => event.id));
  return [...events, ...pending.filter((event) => !known.has(event.id))];
}

function pendingEvent(decision: Decision, name: (operatorId: string) => string): HistoryEvent {
  return {
    id: decision.id,
    kind: decision.kind,
    actor: 'operator',
    who: name(decision.operatorId),
    deviceId: decision.deviceId,
    at: decision.madeAt,
    ...historyFields(decision as unknown as Record<string, unknown>),
    pending: true,
  };
}

/** What a request pulled before any timeline was fetched records of its story: its arrival, its unit's texts, its last decision. */
function recordedOn(request: Request): HistoryEvent[] {
  const step = (id: string, kind: string, at: string, patch: Partial<HistoryEvent>): HistoryEvent => ({
    id,
    kind,
    actor: 'unit',
    who: '',
    deviceId: null,
    at,
    unitId: request.unitId,
    categoryId: null,
    text: null,
    detail: null,
    pending: false,
    ...patch,
  });
  const events = [
    step(request.id, 'message', request.receivedAt, {
      actor: 'citizen',
      who: request.citizen.name ?? request.citizen.id,
      unitId: null,
      text: request.text,
    }),
  ];
  if (request.unitAnswer !== null && request.timeline.unitAnsweredAt)
    events.push(
      step(`${request.id}:answer`, 'unit-answer', request.timeline.unitAnsweredAt, { text: request.unitAnswer }),
    );
  if (request.unitProgress)
    events.push(
      step(`${request.id}:progress`, 'unit-progress', request.unitProgress.at, { text: request.unitProgress.text }),
    );
  if (request.extensionRequest) {
    const { at, reason, workingDays } = request.extensionRequest;
    events.push(
      step(`${request.id}:extension`, 'unit-extension-request', at, { text: reason, detail: String(workingDays) }),
    );
  }
  if (request.lastReminder)
    events.push(
      step(`${request.id}:reminder`, 'remind', request.lastReminder.at, {
        actor: 'supervisor',
        text: request.lastReminder.text,
      }),
    );
  const last = request.lastDecision;
  if (last && !events.some((event) => event.kind === last.kind && event.at === last.at))
    events.push(
      step(last.decisionId, last.kind, last.at, {
        actor: last.deviceId.startsWith('unit:')
          ? 'unit'
          : last.deviceId.startsWith('supervision:')
            ? 'supervisor'
            : last.deviceId === 'system'
              ? 'system'
              : 'operator',
        who: last.operatorName,
        deviceId: last.deviceId,
        text: last.kind === 'unit-return' ? request.lastReturnReason : null,
      }),
    );
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
