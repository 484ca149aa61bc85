import type { WechatAccount } from '../../channels/accounts';
import { callPlatform, jsonOf, retryableStatus } from '../../platforms/platform-call';
import { SENT, type SendResult } from '../../platforms/send-result';
import { STALE_TOKEN, type WechatTokens } from '../../platforms/wechat-token';
import { NO_ACCOUNT, type ReplySender } from './outgoing-reply';

/** -1 system busy; 45009 and 45047 are rate and quota limits that lift with time. */
const RETRYABLE = new Set([-1, 45009, 45047]);

/** WeChat customer-service message (客服消息, CHANNELS.md §1.5): POST /cgi-bin/message/custom/send. */
export function wechatSender(accounts: readonly WechatAccount[], baseUrl: string, tokens: WechatTokens): ReplySender {
  const byOriginalId = new Map(accounts.map((account) => [account.originalId, account]));
  return async ({ account: originalId, recipient, text }) => {
    const account = byOriginalId.get(originalId);
    if (!account) return NO_ACCOUNT;
    const body = JSON.stringify({ touser: recipient, msgtype: 'text', text: { content: text } });
    // A refused token means the message was not taken, so one more try with a fresh token is safe.
    for (let tries = 0; ; tries++) {
      const token = await tokens.token(account);
      if (!token.ok) return token.result;
      const answer = await callPlatform(
        `${baseUrl}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token.token)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body,
        },
      );
      if (!answer.answered) return answer.result;
      const errcode = jsonOf(answer.body)?.errcode;
      if (errcode === 0) return SENT;
      if (typeof errcode !== 'number')
        return { outcome: retryableStatus(answer.status) ? 'retry' : 'failed', errorCode: `http-${answer.status}` };
      if (STALE_TOKEN.has(errcode)) {
        await tokens.invalidate(account, token.token);
        if (tries === 0) continue;
      }
      return {
        outcome: RETRYABLE.has(errcode) || STALE_TOKEN.has(errcode) ? 'retry' : 'failed',
        errorCode: String(errcode),
      } satisfies SendResult;
    }
  };
}
