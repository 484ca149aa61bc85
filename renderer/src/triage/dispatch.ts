import type { LocalRequest } from '../../../shared/api/workstation-api';
import { decide, isSameCitizen, type DecisionAction, type Request } from '../../../shared/model';
import type { KeyAction } from '../keyboard/keymap';
import { viewShows, type WorkView } from '../store/view-list';

/**
 * The decision dispatch, kept pure: which decisions a key means for a request, which requests they
 * go to, and what the screen does at once while the host records them (triage/send-decisions.ts).
 */

/** What the operator decides for one request; null leaves that request alone. A promise when the host must be asked first. */
export type DecisionPlan = (request: LocalRequest) => DecisionAction[] | null | Promise<DecisionAction[] | null>;

/** A plan and whether the cursor moves on to the next request once it is made. */
export interface KeyDecision {
  plan: DecisionPlan;
  advance: boolean;
}

/** How long s puts a request aside. */
export const SNOOZE_MS = 60 * 60_000;

/** The decisions of the keys that decide at once (a, d, e, s); null for every other key. */
export function decisionForKey(action: KeyAction, view: WorkView, now: number): KeyDecision | null {
  switch (action) {
    case 'accept':
      return { plan: (r) => (r.status === 'new' ? [{ kind: 'accept' }] : null), advance: false };
    case 'junk':
      // In the junk view the same key takes a false positive back out.
      return { plan: () => [view === 'junk' ? { kind: 'restore' } : { kind: 'junk' }], advance: false };
    case 'escalate':
      return { plan: (r) => (r.escalated ? null : [{ kind: 'escalate', note: null }]), advance: true };
    case 'snooze':
      return { plan: () => [{ kind: 'snooze', until: new Date(now + SNOOZE_MS).toISOString() }], advance: false };
    default:
      return null;
  }
}

/** n: a note on each request. */
export function notePlan(text: string): DecisionPlan {
  return () => [{ kind: 'note', text }];
}

/** m: merged into another request, never into itself. */
export function mergePlan(intoRequestId: string): DecisionPlan {
  return (r) => (r.id === intoRequestId ? null : [{ kind: 'merge', intoRequestId }]);
}

/** l: the citizen is one person with `citizenId`; nothing for a request already theirs. */
export function linkPlan(citizenId: string): DecisionPlan {
  return (r) => (isSameCitizen(r.citizen, { id: citizenId }) ? null : [{ kind: 'link-citizen', citizenId }]);
}

/** The requests a decision goes to: the marked ones, else the one the keys are on. */
export function targetsOf(marked: ReadonlyMap<string, LocalRequest>, current: LocalRequest | null): LocalRequest[] {
  if (marked.size > 0) return [...marked.values()];
  return current ? [current] : [];
}

/**
 * Whether the decisions take a request out of the view: the request after them (the shared rule book
 * applied as the host will) is not one the view shows, or it is put aside from the queue. Decisions the
 * rule book refuses leave it where it is: the host refuses them too, and says why.
 */
export function leavesView(view: WorkView, request: Request, actions: readonly DecisionAction[], now: number): boolean {
  let after = request;
  let snoozed = false;
  const at = new Date(now).toISOString();
  for (const action of actions) {
    const meta = {
      id: '',
      deviceId: '',
      seq: 1,
      requestId: after.id,
      baseVersion: after.version,
      operatorId: '',
      madeAt: at,
    };
    const stamp = { decisionId: '', kind: action.kind, operatorId: '', operatorName: '', deviceId: '', at };
    const result = decide(
      after,
      { ...meta, ...action },
      { stamp, now: at, unitExists: () => true, categoryExists: () => true },
    );
    if (!result.ok) return false;
    snoozed ||= action.kind === 'snooze';
    after = result.request;
  }
  return (snoozed && view === 'queue') || !viewShows(view, after);
}

/** What the screen does at once for one request's decisions, before the host has answered. */
export type ScreenStep = 'leave' | 'advance' | 'stay';

export function screenStep(
  view: WorkView,
  request: LocalRequest,
  actions: readonly DecisionAction[],
  how: { opened: boolean; advance: boolean; alone: boolean; now: number },
): ScreenStep {
  // A request opened from search stays on screen and shows the host's answer.
  if (how.opened) return 'stay';
  if (leavesView(view, request, actions, how.now)) return 'leave';
  return how.advance && how.alone ? 'advance' : 'stay';
}
