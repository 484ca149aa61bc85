import type { WeiboAccount } from '../../channels/accounts';
import { callPlatform, jsonOf, retryableStatus } from '../../platforms/platform-call';
import { SENT } from '../../platforms/send-result';
import { NO_ACCOUNT, type ReplySender } from './outgoing-reply';

/** Weibo's system error, busy and rate-limit codes: the message was not taken, try later. */
const RETRYABLE = new Set([10001, 10009, 10022, 10023, 10024]);

/**
 * Weibo fan-service active reply (CHANNELS.md §2.4): POST /2/messages/reply.json, a form with the
 * account's access token, the fan's uid and `data` the JSON {"text": …}.
 */
export function weiboSender(accounts: readonly WeiboAccount[], baseUrl: string): ReplySender {
  const byUid = new Map(accounts.map((account) => [account.uid, account]));
  return async ({ account: uid, recipient, text }) => {
    const account = byUid.get(uid);
    if (!account) return NO_ACCOUNT;
    const form = new URLSearchParams({
      access_token: account.accessToken,
      receiver_id: recipient,
      type: 'text',
      data: JSON.stringify({ text }),
      save_sender_box: '1',
    });
    const answer = await callPlatform(`${baseUrl}/2/messages/reply.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: form.toString(),
    });
    if (!answer.answered) return answer.result;
    const json = jsonOf(answer.body);
    const errorCode = json?.error_code;
    if (answer.status === 200 && json !== null && errorCode === undefined) return SENT;
    if (typeof errorCode === 'number')
      return { outcome: RETRYABLE.has(errorCode) ? 'retry' : 'failed', errorCode: String(errorCode) };
    return { outcome: retryableStatus(answer.status) ? 'retry' : 'failed', errorCode: `http-${answer.status}` };
  };
}
