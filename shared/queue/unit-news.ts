import type { Request } from '../model';

/**
 * What a unit sent back that the operator has not acted on yet (docs/triage.md, "Answered requests
 * come back"): its answer (单位已答复), a progress note (单位进展), a request for more time (申请延期),
 * or the request itself returned as not its business (退单); and a closed request the citizen rated 不满意,
 * reopened for a second look.
 */
export type UnitNews = 'answered' | 'progress' | 'extension' | 'returned' | 'dissatisfied';

type NewsFields = Pick<
  Request,
  | 'status'
  | 'unitAnswer'
  | 'unitProgress'
  | 'extensionRequest'
  | 'returnCount'
  | 'lastReturnReason'
  | 'lastDecision'
  | 'rating'
>;

/**
 * The news on a request, or null. An answer waits until the operator closes the request or transfers
 * it again; a return until it goes to a unit again; a progress note or an extension request until the
 * operator's next decision on it (a reply passing it on to the citizen, an escalation …), which a unit's
 * or supervisor's note does not count as, since those never stamp the request's last decision.
 */
export function unitNews(request: NewsFields): UnitNews | null {
  switch (request.status) {
    case 'replied':
      return request.unitAnswer !== null ? 'answered' : null;
    case 'new':
    case 'accepted':
      if (request.rating?.score === 'dissatisfied') return 'dissatisfied';
      return request.returnCount > 0 && request.lastReturnReason !== null ? 'returned' : null;
    case 'transferred': {
      const seen = request.lastDecision?.at ?? '';
      if (request.extensionRequest && request.extensionRequest.at > seen) return 'extension';
      if (request.unitProgress && request.unitProgress.at > seen) return 'progress';
      return null;
    }
    default:
      return null;
  }
}

/** Whether the merged queue shows the request (snoozes aside): waiting for an operator, or with news from its unit. */
export function inQueue(request: NewsFields): boolean {
  return request.status === 'new' || request.status === 'accepted' || unitNews(request) !== null;
}
