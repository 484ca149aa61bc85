import type { Request } from '../../shared/model';
import { clockOutcomes } from '../../shared/units/clock-outcomes';
import type { OverdueList } from '../../shared/units/protocol';
import type { Db } from '../db/open-database';
import { toRequest } from '../requests/request-rows';

const LIMIT = 500;

/**
 * Open requests with a clock past due and its step not done: not acknowledged, not answered, or not answered
 * by the unit holding it. Most overdue first (by the earliest missed due time).
 */
export async function overdueRequests(db: Db, now: Date): Promise<OverdueList> {
  const at = now.toISOString();
  const rows = await db
    .selectFrom('requests')
    .leftJoin('units', 'units.id', 'requests.unit_id')
    .selectAll('requests')
    .select('units.name as unit_name')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('requests.status', '=', 'transferred'),
          eb('requests.unit_answered_at', 'is', null),
          eb('requests.unit_due_at', '<', at),
        ]),
        eb.and([
          eb('requests.status', 'in', ['new', 'accepted']),
          eb('requests.answered_at', 'is', null),
          eb('requests.answer_due_at', '<', at),
        ]),
        eb.and([
          eb('requests.status', '=', 'new'),
          eb('requests.first_response_at', 'is', null),
          eb('requests.acknowledge_due_at', '<', at),
        ]),
      ]),
    )
    .limit(LIMIT)
    .execute();
  const requests = rows
    .map((row) => {
      const request = toRequest(row);
      return { request, unitName: row.unit_name, clocks: clockOutcomes(request, now) };
    })
    .sort((a, b) => earliestMissed(a.request, a.clocks) - earliestMissed(b.request, b.clocks));
  return { requests, serverTime: at };
}

function earliestMissed(request: Request, clocks: ReturnType<typeof clockOutcomes>): number {
  const due = Object.values(clocks)
    .filter((clock) => clock.state === 'overdue' && clock.dueAt !== null)
    .map((clock) => Date.parse(clock.dueAt!));
  return due.length ? Math.min(...due) : Date.parse(request.receivedAt);
}
