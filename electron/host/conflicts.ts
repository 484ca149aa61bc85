import type { Conflict, ConflictChoice, ConflictResolution } from '../../shared/api/workstation-api';
import type { Decision, DecisionAction, Directory } from '../../shared/model';
import type { StoredConflict } from './cache/conflict-store';
import type { WorkstationCache } from './cache/workstation-cache';
import { DecisionError, type Decisions } from './decisions';

const NOTE_MAX = 4000;

/**
 * The operator's side of conflicts (docs/sync-and-conflicts.md): list them with the request as it
 * stands, and carry out a choice. Every choice that changes something is an ordinary decision, so
 * it goes through the outbox like any other and can be undone.
 *   keep-theirs   nothing changes; the conflict is closed
 *   mine-as-note  a note records what was decided here, so it is not lost from the request's history
 *   reopen        the request comes back to the queue: reopen (closed, junk, merged) or recall (transferred);
 *                 a request that is still open needs neither
 */
export function conflicts(cache: WorkstationCache, decisions: Decisions) {
  const withRequest = (stored: StoredConflict): Conflict => ({
    ...stored,
    request: cache.requests.local(stored.requestId),
  });

  function choiceAction(stored: StoredConflict, choice: ConflictChoice): DecisionAction | null {
    if (choice === 'keep-theirs') return null;
    if (choice === 'mine-as-note') return { kind: 'note', text: noteOf(stored.mine, cache.directory.get()) };
    const status = cache.requests.local(stored.requestId)?.status;
    if (status === 'closed' || status === 'junk' || status === 'merged') return { kind: 'reopen' };
    if (status === 'transferred')
      return { kind: 'recall', reason: '处理冲突：收回重新处理 (reopened after a conflict)' };
    return null;
  }

  return {
    list(): Conflict[] {
      return cache.conflicts.open().map(withRequest);
    },

    resolve(id: string, choice: ConflictChoice): ConflictResolution {
      return cache.transaction(() => {
        const operator = cache.session.get().operator;
        if (!operator) throw new DecisionError('not-signed-in', 'sign in before resolving a conflict');
        const stored = cache.conflicts.get(id);
        if (!stored) throw new DecisionError('unknown-conflict', `no conflict ${id}`);
        if (stored.resolvedAt)
          throw new DecisionError(
            'already-resolved',
            `conflict ${id} was resolved (${stored.choice}) at ${stored.resolvedAt}`,
          );
        const action = choiceAction(stored, choice);
        const decisionId = action ? decisions.decide(stored.requestId, action).decisionId : null;
        cache.conflicts.resolve(id, choice, operator.id, new Date().toISOString());
        return { conflict: withRequest(cache.conflicts.get(id)!), decisionId };
      });
    },
  };
}

export type Conflicts = ReturnType<typeof conflicts>;

/** The refused decisions in words, for the note that keeps them on the request. */
function noteOf(mine: readonly Decision[], directory: Directory): string {
  const unitName = (id: string) => directory.units.find((unit) => unit.id === id)?.name ?? id;
  const lines = mine.map((decision) => {
    const what =
      decision.kind === 'transfer'
        ? `transfer → ${unitName(decision.unitId)}`
        : decision.kind === 'classify'
          ? `classify → ${decision.categoryId}`
          : decision.kind === 'reply' || decision.kind === 'note'
            ? `${decision.kind}: ${decision.text}`
            : decision.kind;
    return `${what} (${decision.madeAt})`;
  });
  return `未生效的离线决定 (my decision, not applied after a conflict):\n${lines.join('\n')}`.slice(0, NOTE_MAX);
}
