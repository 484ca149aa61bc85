import type { Request } from '../../shared/model';
import { clockOutcomes } from '../../shared/units/clock-outcomes';
import type { UnitRequestState, UnitRequestView } from '../../shared/units/protocol';
import type { Db } from '../db/open-database';
import { toRequest } from '../requests/request-rows';

/** What each list shows: still to answer, answered (waiting for the centre to close, or closed), or both. */
const STATUSES: Record<UnitRequestState, readonly string[]> = {
  open: ['transferred'],
  answered: ['replied', 'closed'],
  all: ['transferred', 'replied', 'closed'],
};

const LIST_LIMIT = 500;

/** Requests held by units in `scope`, most urgent unit clock first. Every query here filters on the scope. */
export async function listUnitRequests(db: Db, scope: readonly string[], state: UnitRequestState): Promise<Request[]> {
  const rows = await db
    .selectFrom('requests')
    .selectAll()
    .where('unit_id', 'in', scope)
    .where('status', 'in', STATUSES[state])
    .orderBy('unit_due_at')
    .orderBy('id')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map(toRequest);
}

export async function findUnitRequest(db: Db, scope: readonly string[], id: string): Promise<Request | null> {
  const row = await db
    .selectFrom('requests')
    .selectAll()
    .where('id', '=', id)
    .where('unit_id', 'in', scope)
    .executeTakeFirst();
  return row ? toRequest(row) : null;
}

export function isInScope(scope: readonly string[]) {
  return (request: Request) => request.unitId !== null && scope.includes(request.unitId);
}

/** The unit's view of a request: no citizen identity, with the clocks' standing. */
export function toUnitView(request: Request, now: Date): UnitRequestView {
  return {
    id: request.id,
    number: request.number,
    text: request.text,
    attachments: request.attachments,
    receivedAt: request.receivedAt,
    status: request.status,
    categoryId: request.categoryId,
    unitId: request.unitId,
    version: request.version,
    deadlines: request.deadlines,
    timeline: request.timeline,
    clocks: clockOutcomes(request, now),
    unitAnswer: request.unitAnswer,
    unitProgress: request.unitProgress,
    extensionRequest: request.extensionRequest,
    reminderCount: request.reminderCount,
    lastReminder: request.lastReminder,
    extensionRefusal: request.extensionRefusal,
    answerRejection: request.answerRejection,
  };
}
