import type { LocalRequest } from '../../shared/api/workstation-api';
import type { Operator, Request } from '../../shared/model';
import type { WorkstationCache } from './cache/workstation-cache';
import { directoryLookup, rebase } from './local-view';

/** The request fields without the workstation's additions (pending count, rejection, claim). */
export function serverShape(local: LocalRequest): Request {
  const { pending: _pending, rejection: _rejection, claim: _claim, ...request } = local;
  return request;
}

/** The name stamped on this device's decisions in the local view; the server stamps its own. */
export function operatorNamer(operator: Operator | null): (operatorId: string) => string {
  return (operatorId) => (operator && operator.id === operatorId ? operator.displayName : operatorId);
}

/** Rebuilds one request's local view from the server state and the decisions still in the outbox. */
export function rebuildLocalView(cache: WorkstationCache, requestId: string): void {
  const server = cache.requests.server(requestId);
  if (!server) return;
  const view = rebase(
    server,
    cache.outbox.pendingFor(requestId),
    operatorNamer(cache.session.get().operator),
    directoryLookup(cache.directory.get()),
  );
  cache.requests.saveLocal(view);
}
