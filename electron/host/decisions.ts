import { monotonicFactory } from 'ulid';
import type { DecideOutcome, UndoOutcome } from '../../shared/api/workstation-api';
import { decide, type Decision, type DecisionAction, type Operator } from '../../shared/model';
import type { WorkstationCache } from './cache/workstation-cache';
import type { Before, MadeDecision } from './cache/outbox-store';
import { directoryLookup, localContext } from './local-view';
import { operatorNamer, rebuildLocalView, serverShape } from './local-requests';

/** Why a decision or an undo was refused; `code` is a Rejection code or one of the host's own. */
export class DecisionError extends Error {
  override readonly name = 'DecisionError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface DecisionsOptions {
  cache: WorkstationCache;
  /** How long a new decision waits in the outbox before it may be pushed, so undo can still drop it. */
  holdMs: number;
  now?: () => Date;
}

const newId = monotonicFactory();

/**
 * Decisions are written to the outbox and the local view in one SQLite transaction before the
 * caller hears back, so nothing the operator saw done can be lost by a crash or a dropped network.
 */
export function decisions({ cache, holdMs, now = () => new Date() }: DecisionsOptions) {
  /** Builds, checks locally, and writes one decision; throws (writing nothing) when the rule book refuses. */
  function record(requestId: string, action: DecisionAction, undoes: string | null, madeAt = now()): DecideOutcome {
    const operator = signedIn(cache);
    const view = cache.requests.local(requestId);
    if (!view) throw new DecisionError('unknown-request', `no request ${requestId} on this workstation`);
    const decision: Decision = {
      ...action,
      id: newId(madeAt.getTime()),
      deviceId: cache.device.id,
      seq: cache.device.takeSeq(),
      requestId,
      // What the server last said of this request, not the local view: this device's own decisions
      // still in the outbox are its chain, and only others' changes since then can conflict with it.
      baseVersion: cache.requests.serverVersion(requestId) ?? view.version,
      operatorId: operator.id,
      madeAt: madeAt.toISOString(),
    };
    const lookup = directoryLookup(cache.directory.get());
    const onView = { ...decision, baseVersion: view.version };
    const result = decide(
      serverShape(view),
      onView,
      localContext(onView, operatorNamer(operator)(operator.id), lookup),
    );
    if (!result.ok) throw new DecisionError(result.rejection.code, result.rejection.message);
    const before: Before = { categoryId: view.categoryId, unitId: view.unitId };
    cache.outbox.add(decision, before, madeAt.getTime() + holdMs, undoes);
    cache.requests.saveLocal(result.request);
    cache.requests.setRejection(requestId, null);
    return { decisionId: decision.id, request: cache.requests.local(requestId)! };
  }

  /**
   * Drops a decision still in its hold window, else records the decision that reverses it. Inside a
   * step, a part nothing reverses (an accept) is passed over: the rest of the step is still undone.
   */
  function undoOne(last: MadeDecision, partOfStep: boolean): UndoOutcome {
    const { decision } = last;
    const undone = { decisionId: decision.id, kind: decision.kind, requestId: decision.requestId };
    if (last.state === 'pending') {
      cache.outbox.drop(decision.id);
      rebuildLocalView(cache, decision.requestId);
      return { undone, how: 'dropped', request: cache.requests.local(decision.requestId) };
    }
    const action = compensation(last, now());
    if (!action && partOfStep) {
      cache.outbox.markUndone(decision.id, decision.id);
      return { undone, how: 'compensated', request: cache.requests.local(decision.requestId) };
    }
    if (!action)
      throw new DecisionError('cannot-undo', `a ${decision.kind} that reached the server cannot be taken back`);
    const outcome = record(decision.requestId, action, decision.id);
    cache.outbox.markUndone(decision.id, outcome.decisionId);
    return { undone, how: 'compensated', request: outcome.request };
  }

  return {
    decide(requestId: string, action: DecisionAction): DecideOutcome {
      return cache.transaction(() => record(requestId, action, null));
    },

    /**
     * Several decisions on one request as one step, all or none (the one-key accept). They share
     * one moment, `madeAt`, which is how undo recognises them as one step.
     */
    decideAll(requestId: string, actions: readonly DecisionAction[]): DecideOutcome {
      return cache.transaction(() => {
        const madeAt = now();
        let outcome: DecideOutcome | null = null;
        for (const action of actions) outcome = record(requestId, action, null, madeAt);
        if (!outcome) throw new DecisionError('invalid-args', 'no decisions given');
        return outcome;
      });
    },

    /**
     * Takes back this operator's last step that is still in effect: its last decision, with the
     * others made in the same moment on the same request (see `decideAll`), newest first.
     */
    undo(): UndoOutcome {
      return cache.transaction(() => {
        const operator = signedIn(cache);
        const first = cache.outbox.lastUndoable(operator.id);
        if (!first) return { undone: null, how: null, request: null };
        const { requestId, madeAt } = first.decision;
        let result: UndoOutcome = { undone: null, how: null, request: null };
        for (let last: MadeDecision | null = first; last; last = cache.outbox.lastUndoable(operator.id)) {
          if (last.decision.requestId !== requestId || last.decision.madeAt !== madeAt) break;
          const step = undoOne(last, last !== first);
          // The step is reported by its first decision, the one the operator thinks of (accept, transfer …).
          result = { ...step, how: result.how === 'compensated' ? 'compensated' : step.how };
        }
        return result;
      });
    },
  };
}

export type Decisions = ReturnType<typeof decisions>;

function signedIn(cache: WorkstationCache): Operator {
  const { operator } = cache.session.get();
  if (!operator) throw new DecisionError('not-signed-in', 'sign in before deciding');
  return operator;
}

/**
 * How a decision that may already be on the server is taken back: by a new decision that
 * reverses it, since the server never forgets what it applied.
 *
 *   made       undone by
 *   accept     —  nothing moves a request back to new; the operator simply goes on
 *   classify   classify to the previous category; with none, a note records the withdrawal
 *   transfer   recall (the unit is told)
 *   recall     transfer back to the previous unit
 *   junk       restore          restore   junk
 *   close      reopen           merge     reopen
 *   snooze     snooze until now (wakes it at once)
 *   reply      a note: the citizen already has it, so the record says the operator took it back
 *   note, escalate, reopen — nothing reverses them
 *   record-callback — nothing reverses it; a corrected callback is recorded again (the latest rating counts)
 *   reject-answer — nothing reverses it once the unit has been told; undone only while still in the outbox
 *   link-citizen — undone only while still in the outbox: others may already have acted on the link
 */
function compensation({ decision, before }: MadeDecision, now: Date): DecisionAction | null {
  switch (decision.kind) {
    case 'classify':
      return before.categoryId
        ? { kind: 'classify', categoryId: before.categoryId }
        : { kind: 'note', text: `撤销分类 ${decision.categoryId} (undo classify)` };
    case 'transfer':
      return { kind: 'recall', reason: '撤销转派 (undo transfer)' };
    case 'recall':
      return before.unitId ? { kind: 'transfer', unitId: before.unitId, note: '撤销撤回 (undo recall)' } : null;
    case 'junk':
      return { kind: 'restore' };
    case 'restore':
      return { kind: 'junk' };
    case 'close':
    case 'merge':
      return { kind: 'reopen' };
    case 'snooze':
      return { kind: 'snooze', until: now.toISOString() };
    case 'reply':
      return { kind: 'note', text: '撤销回复：回复已发给市民，无法收回 (undo reply: already sent to the citizen)' };
    case 'accept':
    case 'note':
    case 'escalate':
    case 'reopen':
    case 'link-citizen':
    case 'record-callback':
    case 'reject-answer':
      return null;
  }
}
