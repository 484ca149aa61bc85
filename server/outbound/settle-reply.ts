import type { Selectable } from 'kysely';
import { NO_CONTACT, type ReplyContact, type ReplyDelivery } from '../../shared/model';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { OutboundRepliesTable } from '../db/schema';

export type OutboundRow = Selectable<OutboundRepliesTable>;

export interface Settlement {
  status: ReplyDelivery['status'];
  errorCode: string | null;
  /** For a reply going back to the queue: when to try again. */
  nextAttemptAt?: string;
}

/**
 * Records what became of a send attempt, on the queue row and on its request, in one transaction.
 * The request shows it (and comes with the next pull) when the reply is still its latest; a sent
 * reply also counts against a Weibo mention's one reply, whichever reply it was.
 */
export async function settleReply(db: Db, row: OutboundRow, settlement: Settlement, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changeSeq = await nextValue(trx, CHANGE_SEQ);
    await trx
      .updateTable('outbound_replies')
      .set({
        status: settlement.status,
        error_code: settlement.errorCode,
        next_attempt_at: settlement.nextAttemptAt ?? row.next_attempt_at,
        updated_at: now,
      })
      .where('decision_id', '=', row.decision_id)
      .execute();
    const request = await trx
      .selectFrom('requests')
      .select(['reply_delivery', 'contact'])
      .where('id', '=', row.request_id)
      .executeTakeFirst();
    if (!request) return;
    const shown = request.reply_delivery === null ? null : (JSON.parse(request.reply_delivery) as ReplyDelivery);
    const latest = shown?.decisionId === row.decision_id;
    const sent = settlement.status === 'sent';
    if (!latest && !sent) return;
    const contact = request.contact === null ? NO_CONTACT : (JSON.parse(request.contact) as ReplyContact);
    const delivery: ReplyDelivery = {
      status: settlement.status,
      errorCode: settlement.errorCode,
      at: now,
      decisionId: row.decision_id,
      attempts: Number(row.attempts),
    };
    await trx
      .updateTable('requests')
      .set({
        ...(latest ? { reply_delivery: JSON.stringify(delivery) } : {}),
        ...(sent ? { contact: JSON.stringify({ ...contact, lastReplySentAt: now }) } : {}),
        change_seq: changeSeq,
      })
      .where('id', '=', row.request_id)
      .execute();
  });
}
