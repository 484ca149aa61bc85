import { beijingDayNumber, toEpochMs } from '../../shared/deadline/beijing-time';
import type { Db } from '../../server/db/open-database';
import type { SetDeadlines } from '../../server/deadlines/deadline-clock';
import { nextRequestNumber } from '../../server/requests/request-number';
import { decidedColumns, toRequest } from '../../server/requests/request-rows';

/** When things happened to a request; a step left out did not happen. */
export interface RequestDays {
  receivedAt: Date;
  transferredAt?: Date;
  unitAnsweredAt?: Date;
  closedAt?: Date;
}

/**
 * The server stamps everything with its own clock, so a history staged in a minute happened "now".
 * This retells a request's dates as they would have been over past days: due times recomputed with the
 * server's deadline clock, and a number of its arrival day when that is another day, so the clocks, the
 * archive and the supervisors' overdue list read true. Run before any workstation pulls the request (its
 * change number stays as it was).
 */
export async function retellDates(
  db: Db,
  setDeadlines: SetDeadlines,
  requestId: string,
  days: RequestDays,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    const before = toRequest(row);
    const iso = (date: Date | undefined) => date?.toISOString() ?? null;
    const transferredAt = iso(days.transferredAt);
    const last = [days.closedAt, days.unitAnsweredAt, days.transferredAt, days.receivedAt]
      .find((d) => d !== undefined)!
      .toISOString();
    const request = setDeadlines({
      ...before,
      receivedAt: days.receivedAt.toISOString(),
      updatedAt: last,
      lastDecision: before.lastDecision && { ...before.lastDecision, at: last },
      timeline: {
        firstResponseAt: transferredAt,
        answeredAt: transferredAt,
        transferredAt,
        unitAnsweredAt: iso(days.unitAnsweredAt),
        closedAt: iso(days.closedAt),
      },
    });
    const sameDay = beijingDayNumber(toEpochMs(before.receivedAt)) === beijingDayNumber(days.receivedAt.getTime());
    await trx
      .updateTable('requests')
      .set({
        number: sameDay ? before.number : await nextRequestNumber(trx, days.receivedAt),
        received_at: request.receivedAt,
        ...decidedColumns(request),
      })
      .where('id', '=', requestId)
      .execute();
  });
}
