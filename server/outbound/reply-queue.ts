import type { Transaction } from 'kysely';
import { replyWindow } from '../../shared/replies/reply-window';
import type { ReplyDelivery, Request } from '../../shared/model';
import type { Database } from '../db/schema';

/**
 * Queues the reply an operator decided, in the same transaction that applies the decision, so
 * that an applied reply is always queued and a replayed decision never queues a second one (the
 * decision id is the row's key). When the platform's window is already closed nothing is queued
 * to send: the row records it as not-allowed and the request says so.
 */
export async function queueReply(
  trx: Transaction<Database>,
  request: Request,
  decision: { id: string; text: string },
  now: string,
): Promise<Request> {
  const window = replyWindow(request.channel, request.contact, Date.parse(now));
  const status = window.open ? 'queued' : 'not-allowed';
  await trx
    .insertInto('outbound_replies')
    .values({
      decision_id: decision.id,
      request_id: request.id,
      channel: request.channel,
      account: request.account,
      recipient: request.citizen.id.slice(request.channel.length + 1),
      text: decision.text,
      status,
      attempts: 0,
      next_attempt_at: now,
      error_code: window.open ? null : window.reason,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .execute();
  const replyDelivery: ReplyDelivery = {
    status,
    errorCode: window.open ? null : window.reason,
    at: now,
    decisionId: decision.id,
    attempts: 0,
  };
  await trx
    .updateTable('requests')
    .set({ reply_delivery: JSON.stringify(replyDelivery) })
    .where('id', '=', request.id)
    .execute();
  return { ...request, replyDelivery };
}
