import type { Transaction } from 'kysely';
import type { InboundMessage } from '../../shared/model';
import { contactAfter } from '../../shared/replies/reply-window';
import { satisfactionAnswer } from '../../shared/replies/satisfaction-answer';
import type { Database } from '../db/schema';
import { actWithin, SYSTEM_ACTOR, type ActContext } from './act-on-request';
import { surveyAnswered, waitingSurvey } from './satisfaction';
import { loadRequest } from './store-decision';

/**
 * At intake: when the message answers a satisfaction question still waiting for this citizen on this channel
 * account (1/2/3 or the words, within seven days), it becomes the closed request's rating (a `citizen-rating`
 * by the system actor) instead of a new request; 不满意 also reopens it to the queue, flagged, with a system
 * `reopen` in the decisions log. Returns the rated request's id, or null when the message is an ordinary one.
 */
export async function rateFromAnswer(
  trx: Transaction<Database>,
  message: InboundMessage,
  citizenId: string,
  ctx: ActContext,
): Promise<string | null> {
  const score = satisfactionAnswer(message.text);
  if (score === null) return null;
  const survey = await waitingSurvey(
    trx,
    { channel: message.channel, account: message.account, citizenId },
    new Date(ctx.now),
  );
  if (!survey) return null;
  const current = await loadRequest(trx, survey.requestId);
  // Reopened by an operator meanwhile: the question no longer stands, and the message is read as a message.
  if (current?.status !== 'closed') return null;
  const rated = await actWithin(trx, ctx, SYSTEM_ACTOR, current, { kind: 'citizen-rating', score });
  if (rated.outcome !== 'applied') return null;
  await surveyAnswered(trx, survey.closeDecisionId, ctx.now);
  if (score === 'dissatisfied') await actWithin(trx, ctx, SYSTEM_ACTOR, rated.request, { kind: 'reopen' });
  // The answer is contact like any message: it opens the platform's reply window again.
  await trx
    .updateTable('requests')
    .set({ contact: JSON.stringify(contactAfter(current.contact, message, ctx.now)) })
    .where('id', '=', current.id)
    .execute();
  return current.id;
}
