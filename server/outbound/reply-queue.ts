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
  const window = await enqueue(trx, request, decision, now);
  const replyDelivery: ReplyDelivery = {
    status: window.open ? 'queued' : 'not-allowed',
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

/**
 * Queues a message the server itself sends the citizen on the request's channel (the satisfaction question
 * after a close), keyed by the decision that caused it. It is not the request's reply: `replyDelivery` keeps
 * showing the operator's latest one. True when it was queued, false when the platform's window was closed.
 */
export async function queueServerMessage(
  trx: Transaction<Database>,
  request: Request,
  message: { id: string; text: string },
  now: string,
): Promise<boolean> {
  return (await enqueue(trx, request, message, now)).open;
}

async function enqueue(
  trx: Transaction<Database>,
  request: Request,
  decision: { id: string; text: string },
  now: string,
): Promise<ReturnType<typeof replyWindow>> {
  const window = replyWindow(request.channel, request.contact, Date.parse(now));
  await trx
    .insertInto('outbound_replies')
    .values({
      decision_id: decision.id,
      request_id: request.id,
      channel: request.channel,
      account: request.account,
      recipient: request.citizen.id.slice(request.channel.length + 1),
      text: decision.text,
      status: window.open ? 'queued' : 'not-allowed',
      attempts: 0,
      next_attempt_at: now,
      error_code: window.open ? null : window.reason,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .execute();
  return window;
}
