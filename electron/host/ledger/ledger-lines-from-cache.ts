import type { LocalRequest } from '../../../shared/api/workstation-api';
import { handledRequestLine, type LedgerLine, OPERATOR_DECISION_KINDS } from '../../../shared/ledger';
import type { DecisionStamp } from '../../../shared/model';
import type { WorkstationCache } from '../cache/workstation-cache';
import { measuredHandling, ownDecisions, signedInOperators, type OwnDecision } from './workstation-records';

interface Handler {
  operatorId: string;
  at: string;
}

/**
 * One ledger line per request an operator decided on, as far as this cache knows: this workstation's
 * own decisions (with the handling time and keys measured here, and the reply text), and for other
 * workstations only the last operator decision each request carries. Other operators' earlier
 * decisions, timings and replies are not in the cache; the export says so (see ledger-completeness).
 */
export function ledgerLinesFromCache(cache: WorkstationCache, asOf: Date): LedgerLine[] {
  const requests = cache.requests.list('all', asOf.toISOString());
  const own = ownDecisions(cache.db);
  const measured = measuredHandling(cache.db);
  const names = operatorNames(cache, requests);
  const units = new Map(cache.directory.get().units.map((unit) => [unit.id, unit.name]));
  const lines: LedgerLine[] = [];
  for (const request of requests) {
    const mine = own.get(request.id);
    const handler = latestHandler(request.lastDecision, mine);
    if (!handler) continue;
    const timing = measured.get(request.id);
    const timed = timing?.operatorId === handler.operatorId ? timing : null;
    lines.push(
      handledRequestLine(request, {
        operator: { id: handler.operatorId, name: names.get(handler.operatorId) ?? handler.operatorId },
        handledAt: handler.at,
        handlingSeconds: timed?.handlingSeconds ?? null,
        keyPresses: timed?.keyPresses ?? null,
        reply: mine?.reply ?? null,
        unitName: request.unitId ? (units.get(request.unitId) ?? request.unitId) : null,
        asOf,
      }),
    );
  }
  return lines;
}

/** The later of the request's last operator decision and this workstation's own last decision on it. */
function latestHandler(stamp: DecisionStamp | null, mine: OwnDecision | undefined): Handler | null {
  const stamped =
    stamp && OPERATOR_DECISION_KINDS.has(stamp.kind) ? { operatorId: stamp.operatorId, at: stamp.at } : null;
  const own = mine ? { operatorId: mine.operatorId, at: mine.madeAt } : null;
  if (!stamped || !own) return stamped ?? own;
  return Date.parse(own.at) >= Date.parse(stamped.at) ? own : stamped;
}

/** Display names from the decisions the cache holds and the operators who signed in here. */
function operatorNames(cache: WorkstationCache, requests: readonly LocalRequest[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { lastDecision } of requests) {
    if (lastDecision && OPERATOR_DECISION_KINDS.has(lastDecision.kind))
      names.set(lastDecision.operatorId, lastDecision.operatorName);
  }
  // The local view stamps another signed-in operator's pending decisions with their id; their own record names them.
  for (const [id, name] of signedInOperators(cache.db)) names.set(id, name);
  const current = cache.session.get().operator;
  if (current) names.set(current.id, current.displayName);
  return names;
}
