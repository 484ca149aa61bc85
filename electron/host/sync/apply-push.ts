import type { Decision } from '../../../shared/model';
import type { PushResult } from '../../../shared/sync/protocol';
import type { WorkstationCache } from '../cache/workstation-cache';
import { rebuildLocalView } from '../local-requests';

/**
 * Records the server's answers to one pushed batch in one transaction. Each answered decision
 * leaves the outbox; the request takes the server's state and the local view is rebased on it.
 * A refusal stays on the request so the operator sees why, and opens (or joins) the request's
 * conflict, where it waits for a person to choose: nothing refused is dropped. Returns the ids of
 * changed requests.
 */
export function applyPushResults(
  cache: WorkstationCache,
  sent: readonly Decision[],
  results: readonly PushResult[],
  answeredAt: string,
): string[] {
  const byId = new Map(sent.map((decision) => [decision.id, decision]));
  return cache.transaction(() => {
    const changed = new Set<string>();
    for (const result of results) {
      const decision = byId.get(result.decisionId);
      // Only answers to what was sent count; anything else stays in the outbox to be sent again.
      if (!decision || !cache.outbox.isInOutbox(decision.id)) continue;
      // Refused only for its number: it stays in the outbox, to be renumbered and sent again (seq-check.ts).
      if (result.outcome === 'rejected' && result.reason.code === 'seq-taken') continue;
      const reason = result.outcome === 'rejected' ? result.reason : null;
      cache.outbox.recordAnswer(decision.id, result.outcome, reason, answeredAt);
      if (result.request) cache.requests.saveServer(result.request);
      rebuildLocalView(cache, decision.requestId);
      if (reason) {
        cache.requests.setRejection(decision.requestId, reason);
        cache.conflicts.record(decision, reason, result.request?.lastDecision ?? null, answeredAt);
      }
      changed.add(decision.requestId);
    }
    return [...changed];
  });
}
