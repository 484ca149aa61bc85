import { decide, type DecideContext, type Decision, type Directory, type Request } from '../../shared/model';
import { mayFollow } from '../../shared/model/concurrent-decisions';

/** Answers "does this unit / category exist" from the directory as last pulled. */
export interface DirectoryLookup {
  unitExists(unitId: string): boolean;
  categoryExists(categoryId: string): boolean;
}

export function directoryLookup(directory: Directory): DirectoryLookup {
  // Before the first pull there is nothing to check against; the server will judge.
  if (directory.version === 0) return { unitExists: () => true, categoryExists: () => true };
  const units = new Set(directory.units.filter((unit) => unit.active).map((unit) => unit.id));
  const categories = new Set(directory.categories.map((category) => category.id));
  return { unitExists: (id) => units.has(id), categoryExists: (id) => categories.has(id) };
}

/** The context shared decide() needs to apply one of this device's decisions locally. */
export function localContext(decision: Decision, operatorName: string, lookup: DirectoryLookup): DecideContext {
  return {
    stamp: {
      decisionId: decision.id,
      kind: decision.kind,
      operatorId: decision.operatorId,
      operatorName,
      deviceId: decision.deviceId,
      at: decision.madeAt,
    },
    unitExists: lookup.unitExists,
    categoryExists: lookup.categoryExists,
    now: decision.madeAt,
  };
}

/**
 * The local view of one request: the server's state with the still-pending decisions re-applied
 * in order (Replicache's rebase). A pending decision that no longer applies is skipped here but
 * stays in the outbox: only the server's answer removes it.
 *
 * A decision's base is the server version this workstation had seen (decisions.ts), so it is judged
 * as the server will (server/sync/push.ts): over a newer server state it applies when the change
 * by someone else it meets (the one stamped on the request) lets it follow.
 */
export function rebase(
  server: Request,
  pending: readonly Decision[],
  operatorName: (operatorId: string) => string,
  lookup: DirectoryLookup,
): Request {
  let view = server;
  for (const decision of pending) {
    const theirs = server.lastDecision;
    if (
      server.version > decision.baseVersion &&
      theirs &&
      theirs.deviceId !== decision.deviceId &&
      !mayFollow(decision.kind, theirs.kind)
    )
      continue;
    const onView = { ...decision, baseVersion: view.version };
    const result = decide(view, onView, localContext(onView, operatorName(decision.operatorId), lookup));
    if (result.ok) view = result.request;
  }
  return view;
}
