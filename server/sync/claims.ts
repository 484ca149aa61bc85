import type { Claim, ClaimResponse } from '../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import type { Db } from '../db/open-database';
import type { ClaimsTable } from '../db/schema';

/**
 * Claims, not locks: opening a request takes a short lease on it that other operators see in their
 * queue. Nothing is refused because of a claim (offline work is reconciled by the conflict rules);
 * it only keeps two online operators from working the same item. A lease ends on its own.
 */
export function claims(db: Db, leaseMs: number) {
  return {
    /** Takes or renews the lease unless another operator holds one still in force; either way says who holds it. */
    async claim(session: Session, requestId: string, now = new Date()): Promise<ClaimResponse> {
      const at = now.toISOString();
      const mine: ClaimsTable = {
        request_id: requestId,
        operator_id: session.operator.id,
        operator_name: session.operator.displayName,
        device_id: session.deviceId,
        claimed_at: at,
        until: new Date(now.getTime() + leaseMs).toISOString(),
      };
      // One statement, so two operators claiming at once cannot both win: the row's own lock decides.
      const taken = await db
        .insertInto('claims')
        .values(mine)
        .onConflict((oc) =>
          oc
            .column('request_id')
            .doUpdateSet({
              operator_id: mine.operator_id,
              operator_name: mine.operator_name,
              device_id: mine.device_id,
              claimed_at: mine.claimed_at,
              until: mine.until,
            })
            .where((eb) => eb.or([eb('claims.until', '<=', at), eb('claims.operator_id', '=', mine.operator_id)])),
        )
        .returningAll()
        .executeTakeFirst();
      if (taken) return { granted: true, claim: toClaim(taken) };
      const holder = await db
        .selectFrom('claims')
        .selectAll()
        .where('request_id', '=', requestId)
        .executeTakeFirstOrThrow();
      return { granted: false, claim: toClaim(holder) };
    },

    /** Ends the caller's own lease early (the operator moved on); another's lease is left alone. */
    async release(session: Session, requestId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('claims')
        .where('request_id', '=', requestId)
        .where('operator_id', '=', session.operator.id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Every lease still in force; expired rows are swept on the way. */
    async active(now = new Date()): Promise<Claim[]> {
      const at = now.toISOString();
      await db.deleteFrom('claims').where('until', '<=', at).execute();
      const rows = await db.selectFrom('claims').selectAll().where('until', '>', at).orderBy('request_id').execute();
      return rows.map(toClaim);
    },
  };
}

export type Claims = ReturnType<typeof claims>;

function toClaim(row: ClaimsTable): Claim {
  return {
    requestId: row.request_id,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    deviceId: row.device_id,
    until: row.until,
  };
}
