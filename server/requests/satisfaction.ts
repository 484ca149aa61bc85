import type { Transaction } from 'kysely';
import type { Request } from '../../shared/model';
import { satisfactionQuestion } from '../../shared/replies/satisfaction-answer';
import type { Database } from '../db/schema';
import { queueServerMessage } from '../outbound/reply-queue';

/** How long a satisfaction question waits for the citizen's answer. */
const ANSWER_WITHIN_MS = 7 * 24 * 3_600_000;

/**
 * After a close, asks the citizen on the channel they wrote on how satisfied they are (回访), through the
 * outbound queue in the close's transaction (keyed by the close decision, so never twice), and waits for
 * the answer. A channel that can no longer reach the citizen is not asked; a phone callback can be recorded.
 */
export async function askSatisfaction(
  trx: Transaction<Database>,
  request: Request,
  closeDecisionId: string,
  now: string,
): Promise<void> {
  const text = satisfactionQuestion(request.number);
  if (!(await queueServerMessage(trx, request, { id: closeDecisionId, text }, now))) return;
  await trx
    .insertInto('satisfaction_surveys')
    .values({
      close_decision_id: closeDecisionId,
      request_id: request.id,
      channel: request.channel,
      account: request.account,
      citizen_id: request.citizen.id,
      asked_at: now,
      answered_at: null,
    })
    .onConflict((oc) => oc.column('close_decision_id').doNothing())
    .execute();
}

/** The latest question still waiting for this citizen's answer on this channel account, within seven days. */
export async function waitingSurvey(
  trx: Transaction<Database>,
  of: { channel: string; account: string; citizenId: string },
  now: Date,
): Promise<{ closeDecisionId: string; requestId: string } | undefined> {
  const row = await trx
    .selectFrom('satisfaction_surveys')
    .select(['close_decision_id', 'request_id'])
    .where('citizen_id', '=', of.citizenId)
    .where('account', '=', of.account)
    .where('channel', '=', of.channel)
    .where('asked_at', '>=', new Date(now.getTime() - ANSWER_WITHIN_MS).toISOString())
    .where('answered_at', 'is', null)
    .orderBy('asked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { closeDecisionId: row.close_decision_id, requestId: row.request_id };
}

export async function surveyAnswered(trx: Transaction<Database>, closeDecisionId: string, now: string): Promise<void> {
  await trx
    .updateTable('satisfaction_surveys')
    .set({ answered_at: now })
    .where('close_decision_id', '=', closeDecisionId)
    .execute();
}
