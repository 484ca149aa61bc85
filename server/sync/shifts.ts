import { monotonicFactory } from 'ulid';
import type { Handover } from '../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import type { Db } from '../db/open-database';

const ulid = monotonicFactory();

/**
 * Shifts: signing in on a workstation starts one, signing out ends it with a handover note, and the
 * next operator to sign in anywhere is shown the last note. Signing out ends the session; the
 * workstation sends it only once the decisions the operator made before leaving have gone.
 */
export function shifts(db: Db) {
  return {
    async start(operatorId: string, deviceId: string, now = new Date()): Promise<void> {
      await db
        .insertInto('shifts')
        .values({
          id: ulid(),
          operator_id: operatorId,
          device_id: deviceId,
          started_at: now.toISOString(),
          ended_at: null,
          handover_note: null,
        })
        .execute();
    },

    /** Ends the operator's open shifts on this device; with none open (signed in before shifts existed) records one. */
    async end(session: Session, handoverNote: string, now = new Date()): Promise<string> {
      const at = now.toISOString();
      const ended = await db
        .updateTable('shifts')
        .set({ ended_at: at, handover_note: handoverNote })
        .where('operator_id', '=', session.operator.id)
        .where('device_id', '=', session.deviceId)
        .where('ended_at', 'is', null)
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) === 0) {
        await db
          .insertInto('shifts')
          .values({
            id: ulid(),
            operator_id: session.operator.id,
            device_id: session.deviceId,
            started_at: at,
            ended_at: at,
            handover_note: handoverNote,
          })
          .execute();
      }
      return at;
    },

    async lastHandover(): Promise<Handover | null> {
      const row = await db
        .selectFrom('shifts')
        .innerJoin('operators', 'operators.id', 'shifts.operator_id')
        .select(['shifts.operator_id', 'operators.display_name', 'shifts.handover_note', 'shifts.ended_at'])
        .where('shifts.ended_at', 'is not', null)
        .where('shifts.handover_note', 'is not', null)
        .where('shifts.handover_note', '!=', '')
        .orderBy('shifts.ended_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row || row.handover_note === null || row.ended_at === null) return null;
      return { operatorId: row.operator_id, operatorName: row.display_name, note: row.handover_note, at: row.ended_at };
    },
  };
}

export type Shifts = ReturnType<typeof shifts>;
