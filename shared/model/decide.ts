import { linkedIdentities } from './citizen-identities';
import type { Rejection } from './decision';
import type { Rating } from './rating';
import type { DecisionStamp, Request, RequestStatus, RequestTimeline } from './request';
import type { RequestActionKind, RequestEvent } from './unit-actions';

/**
 * The one rule book for applying a decision to a request, used by the server (authoritative)
 * and by the workstation (its optimistic local view), so both always agree.
 *
 * Version rule: a decision must be made against the request's current version, except an annotation
 * (note, citizen link, unit progress, extension request, grant and refusal, reminder, rating), which never
 * conflicts and keeps the version. A stale decision is rejected with the reason, never silently applied.
 *
 * Units' actions: an answer moves the request to `replied` with the answer on it, for an operator to pass
 * on to the citizen and close (or transfer again if it does not answer the question); a return (退单) puts
 * it back in the queue as `new`, with the reason, and flags it once it has bounced more than twice.
 *
 * Ratings (回访): a citizen's answer or a phone callback rates a closed request; a 不满意 flags it, and the
 * `reopen` that sends it back to the queue is a decision of its own (the server makes it for a citizen's
 * answer, the workstation sends it after a phone callback's), so this table stays the only one.
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
const ALLOWED_FROM: Record<RequestActionKind, readonly RequestStatus[]> = {
  accept: ['new'],
  classify: OPEN,
  transfer: ['new', 'accepted', 'replied'],
  recall: ['transferred'],
  junk: ['new', 'accepted'],
  restore: ['junk'],
  reply: OPEN,
  note: ['new', 'accepted', 'transferred', 'replied', 'closed', 'junk', 'merged'],
  close: ['accepted', 'transferred', 'replied'],
  'reject-answer': ['replied'],
  reopen: ['closed', 'junk', 'merged'],
  merge: ['new', 'accepted'],
  escalate: OPEN,
  snooze: ['new', 'accepted'],
  'link-citizen': ['new', 'accepted', 'transferred', 'replied', 'closed', 'junk', 'merged'],
  'unit-answer': ['transferred'],
  'unit-progress': ['transferred'],
  'unit-extension-request': ['transferred'],
  'unit-return': ['transferred'],
  'extension-grant': ['transferred'],
  'extension-refuse': ['transferred'],
  remind: ['transferred'],
  'record-callback': ['closed'],
  'citizen-rating': ['closed'],
};

/**
 * Where a request's status goes on a decision of this kind, or null when that decision cannot be
 * taken from there: the one transition table. decide() applies it (server and host), and the
 * workstation's screen uses it to take a decided request out of a view before the host answers.
 */
export function statusAfter(status: RequestStatus, kind: RequestActionKind): RequestStatus | null {
  if (!ALLOWED_FROM[kind].includes(status)) return null;
  switch (kind) {
    case 'accept':
    case 'classify':
    case 'snooze':
      // Touching a new request with any handling decision accepts it.
      return status === 'new' ? 'accepted' : status;
    case 'transfer':
      return 'transferred';
    case 'recall':
      return 'accepted';
    case 'reply':
      // A reply while a unit holds the request keeps it with the unit.
      return status === 'transferred' ? 'transferred' : 'replied';
    case 'junk':
      return 'junk';
    case 'restore':
    case 'reopen':
    case 'unit-return':
      return 'new';
    case 'close':
      return 'closed';
    case 'merge':
      return 'merged';
    case 'unit-answer':
      return 'replied';
    case 'reject-answer':
      return 'transferred';
    case 'note':
    case 'escalate':
    case 'link-citizen':
    case 'unit-progress':
    case 'unit-extension-request':
    case 'extension-grant':
    case 'extension-refuse':
    case 'remind':
    case 'record-callback':
    case 'citizen-rating':
      return status;
  }
}

/** Kinds that add to a request without contradicting anything a concurrent decision assumed. */
const ANNOTATIONS: ReadonlySet<RequestActionKind> = new Set([
  'note',
  'link-citizen',
  'unit-progress',
  'unit-extension-request',
  'extension-grant',
  'extension-refuse',
  'remind',
  'record-callback',
  'citizen-rating',
]);

/** Returned more often than this, a request is flagged. */
export const RETURNS_BEFORE_FLAG = 2;

export function decide(request: Request, decision: RequestEvent, ctx: DecideContext): DecideResult {
  const result = apply(request, decision, ctx);
  return result.ok
    ? ok({ ...result.request, timeline: timelineAfter(request, result.request, decision.kind, ctx.now) })
    : result;
}

function apply(request: Request, decision: RequestEvent, ctx: DecideContext): DecideResult {
  if (decision.requestId !== request.id) {
    return reject('unknown-request', `decision ${decision.id} names request ${decision.requestId}, not ${request.id}`);
  }
  if (!ANNOTATIONS.has(decision.kind) && decision.baseVersion !== request.version) {
    const by = request.lastDecision;
    return reject(
      'stale',
      `request ${request.number} is at version ${request.version}, decision was made against ${decision.baseVersion}` +
        (by ? ` (last: ${by.kind} by ${by.operatorName} at ${by.at})` : ''),
    );
  }
  const status = statusAfter(request.status, decision.kind);
  if (status === null) {
    return reject('invalid-transition', `cannot ${decision.kind} a request that is ${request.status}`);
  }
  const next: Request = {
    ...request,
    status,
    version: request.version + 1,
    updatedAt: ctx.now,
    lastDecision: ctx.stamp,
  };
  switch (decision.kind) {
    case 'classify':
      if (!ctx.categoryExists(decision.categoryId))
        return reject('unknown-category', `no category ${decision.categoryId}`);
      return ok({ ...next, categoryId: decision.categoryId });
    case 'transfer':
      if (!ctx.unitExists(decision.unitId)) return reject('unknown-unit', `no unit ${decision.unitId}`);
      return ok({ ...next, ...leftUnit(request), unitId: decision.unitId, snoozedUntil: null });
    case 'recall':
      return ok({ ...next, ...leftUnit(request), unitId: null });
    case 'accept':
    case 'junk':
    case 'restore':
    case 'reply':
      return ok(next);
    case 'note':
      // A note changes nothing a concurrent decision could contradict, so it keeps the version.
      return ok({ ...request, updatedAt: ctx.now });
    case 'close':
      return ok({ ...next, snoozedUntil: null });
    case 'reopen':
      return ok({ ...next, mergedInto: null });
    case 'merge':
      if (decision.intoRequestId === request.id)
        return reject('invalid-transition', 'cannot merge a request into itself');
      return ok({ ...next, mergedInto: decision.intoRequestId });
    case 'escalate':
      return ok({ ...next, escalated: true });
    case 'snooze':
      return ok({ ...next, snoozedUntil: decision.until });
    case 'link-citizen':
      // Who the citizen is contradicts no decision on the request, so, like a note, it keeps the version.
      // The server then gives every linked request the whole group (server/requests/citizen-links.ts).
      if (decision.citizenId === request.citizen.id)
        return reject('invalid-transition', 'cannot link a citizen to itself');
      return ok({
        ...request,
        updatedAt: ctx.now,
        citizen: { ...request.citizen, identities: linkedIdentities(request.citizen, decision.citizenId) },
      });
    case 'unit-answer':
      return ok({ ...next, unitAnswer: decision.text, extensionRequest: null, answerRejection: null });
    case 'reject-answer':
      // Only the answer of the unit named, which still holds the request: another's would be a different question.
      if (request.unitAnswer === null || request.unitId !== decision.unitId)
        return reject(
          'invalid-transition',
          `request ${request.number} has no answer from ${decision.unitId} to send back`,
        );
      return ok({
        ...next,
        unitAnswer: null,
        answerRejection: { text: decision.reason, at: ctx.now },
        answerRejectionCount: request.answerRejectionCount + 1,
      });
    case 'unit-return': {
      const returnCount = request.returnCount + 1;
      return ok({
        ...next,
        ...leftUnit(request),
        unitId: null,
        returnCount,
        flagged: request.flagged || returnCount > RETURNS_BEFORE_FLAG,
        lastReturnReason: decision.reason,
      });
    }
    case 'unit-progress':
      return ok({ ...request, updatedAt: ctx.now, unitProgress: { text: decision.text, at: ctx.now } });
    case 'unit-extension-request':
      return ok({
        ...request,
        updatedAt: ctx.now,
        extensionRequest: { workingDays: decision.workingDays, reason: decision.reason, at: ctx.now },
        extensionRefusal: null,
      });
    case 'extension-grant':
      return ok({
        ...request,
        updatedAt: ctx.now,
        deadlines: {
          ...request.deadlines,
          extensionWorkingDays: request.deadlines.extensionWorkingDays + decision.workingDays,
        },
        extensionRequest: null,
        extensionRefusal: null,
      });
    case 'extension-refuse':
      return ok({
        ...request,
        updatedAt: ctx.now,
        extensionRequest: null,
        extensionRefusal: { text: decision.reason, at: ctx.now },
      });
    case 'record-callback':
      return ok(rated(request, { score: decision.score, via: 'phone', note: decision.note, at: ctx.now }));
    case 'citizen-rating':
      return ok(rated(request, { score: decision.score, via: 'channel', note: null, at: ctx.now }));
    case 'remind':
      return ok({
        ...request,
        updatedAt: ctx.now,
        reminderCount: request.reminderCount + 1,
        lastReminder: { text: decision.note, at: ctx.now },
      });
  }
}

/** The latest rating counts; a 不满意 flags the request for a second look. */
function rated(request: Request, rating: Rating): Request {
  return { ...request, updatedAt: rating.at, rating, flagged: request.flagged || rating.score === 'dissatisfied' };
}

/** What belonged to the unit that held a request, cleared when it leaves that unit (the server sets the new unit's clock). */
function leftUnit(request: Request): Partial<Request> {
  return {
    unitAnswer: null,
    unitProgress: null,
    extensionRequest: null,
    extensionRefusal: null,
    answerRejection: null,
    deadlines: { ...request.deadlines, unitDueAt: null, extensionWorkingDays: 0 },
  };
}

/** Records when the request was first responded to, answered, transferred, answered by its unit and closed. */
function timelineAfter(before: Request, after: Request, kind: RequestActionKind, now: string): RequestTimeline {
  const timeline = { ...after.timeline };
  const acceptedNow = before.status === 'new' && after.status === 'accepted';
  if (kind === 'accept' || kind === 'reply' || kind === 'transfer' || acceptedNow) timeline.firstResponseAt ??= now;
  if (kind === 'reply' || kind === 'transfer') timeline.answeredAt ??= now;
  if (kind === 'transfer') {
    timeline.transferredAt = now;
    timeline.unitAnsweredAt = null;
  }
  if (kind === 'unit-answer') timeline.unitAnsweredAt = now;
  // Sent back: the unit's clock waits for an answer again.
  if (kind === 'reject-answer') timeline.unitAnsweredAt = null;
  if (kind === 'close') timeline.closedAt = now;
  if (kind === 'reopen') timeline.closedAt = null;
  return timeline;
}

function ok(request: Request): DecideResult {
  return { ok: true, request };
}

function reject(code: Rejection['code'], message: string): DecideResult {
  return { ok: false, rejection: { code, message } };
}
