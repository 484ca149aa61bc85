import type { Decision, DecisionAction, Rejection } from './decision';
import type { DecisionStamp, Request, RequestStatus } from './request';

/**
 * The one rule book for applying a decision to a request, used by the server (authoritative)
 * and by the workstation (its optimistic local view), so both always agree.
 *
 * Version rule: a decision must be made against the request's current version, except a note,
 * which never conflicts. A stale decision is rejected with the reason, never silently applied.
 */
export type DecideResult = { ok: true; request: Request } | { ok: false; rejection: Rejection };

export interface DecideContext {
  stamp: DecisionStamp;
  unitExists(unitId: string): boolean;
  categoryExists(categoryId: string): boolean;
  now: string;
}

const OPEN: readonly RequestStatus[] = ['new', 'accepted', 'transferred', 'replied'];

/** Statuses from which each kind of decision may be taken. */
const ALLOWED_FROM: Record<DecisionAction['kind'], readonly RequestStatus[]> = {
  accept: ['new'],
  classify: OPEN,
  transfer: ['new', 'accepted', 'replied'],
  recall: ['transferred'],
  junk: ['new', 'accepted'],
  restore: ['junk'],
  reply: OPEN,
  note: ['new', 'accepted', 'transferred', 'replied', 'closed', 'junk', 'merged'],
  close: ['accepted', 'transferred', 'replied'],
  reopen: ['closed', 'junk', 'merged'],
  merge: ['new', 'accepted'],
  escalate: OPEN,
  snooze: ['new', 'accepted'],
};

export function decide(request: Request, decision: Decision, ctx: DecideContext): DecideResult {
  if (decision.requestId !== request.id) {
    return reject('unknown-request', `decision ${decision.id} names request ${decision.requestId}, not ${request.id}`);
  }
  if (decision.kind !== 'note' && decision.baseVersion !== request.version) {
    const by = request.lastDecision;
    return reject(
      'stale',
      `request ${request.number} is at version ${request.version}, decision was made against ${decision.baseVersion}` +
        (by ? ` (last: ${by.kind} by ${by.operatorName} at ${by.at})` : ''),
    );
  }
  if (!ALLOWED_FROM[decision.kind].includes(request.status)) {
    return reject('invalid-transition', `cannot ${decision.kind} a request that is ${request.status}`);
  }
  const next: Request = { ...request, version: request.version + 1, updatedAt: ctx.now, lastDecision: ctx.stamp };
  switch (decision.kind) {
    case 'accept':
      return ok({ ...next, status: 'accepted' });
    case 'classify':
      if (!ctx.categoryExists(decision.categoryId)) return reject('unknown-category', `no category ${decision.categoryId}`);
      return ok({ ...next, categoryId: decision.categoryId, status: promote(request.status) });
    case 'transfer':
      if (!ctx.unitExists(decision.unitId)) return reject('unknown-unit', `no unit ${decision.unitId}`);
      return ok({ ...next, unitId: decision.unitId, status: 'transferred', snoozedUntil: null });
    case 'recall':
      return ok({ ...next, unitId: null, status: 'accepted' });
    case 'junk':
      return ok({ ...next, status: 'junk' });
    case 'restore':
      return ok({ ...next, status: 'new' });
    case 'reply':
      return ok({ ...next, status: request.status === 'transferred' ? 'transferred' : 'replied' });
    case 'note':
      // A note changes nothing a concurrent decision could contradict, so it keeps the version.
      return ok({ ...request, updatedAt: ctx.now });
    case 'close':
      return ok({ ...next, status: 'closed', snoozedUntil: null });
    case 'reopen':
      return ok({ ...next, status: 'new', mergedInto: null });
    case 'merge':
      if (decision.intoRequestId === request.id) return reject('invalid-transition', 'cannot merge a request into itself');
      return ok({ ...next, status: 'merged', mergedInto: decision.intoRequestId });
    case 'escalate':
      return ok({ ...next, escalated: true });
    case 'snooze':
      return ok({ ...next, snoozedUntil: decision.until, status: promote(request.status) });
  }
}

/** Touching a new request with any handling decision accepts it. */
function promote(status: RequestStatus): RequestStatus {
  return status === 'new' ? 'accepted' : status;
}

function ok(request: Request): DecideResult {
  return { ok: true, request };
}

function reject(code: Rejection['code'], message: string): DecideResult {
  return { ok: false, rejection: { code, message } };
}
