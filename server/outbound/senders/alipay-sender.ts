import type { AlipayAccount } from '../../channels/accounts';
import { alipaySignContent, rsa2Sign } from '../../channels/alipay/rsa2';
import { callPlatform, jsonOf, retryableStatus } from '../../platforms/platform-call';
import { SENT } from '../../platforms/send-result';
import { NO_ACCOUNT, type ReplySender } from './outgoing-reply';
import { BEIJING_OFFSET_MS } from '../../../shared/deadline/beijing-time';

const METHOD = 'alipay.open.public.message.custom.send';
const RESPONSE_KEY = 'alipay_open_public_message_custom_send_response';
/** 20000: service temporarily unavailable. Anything else not 10000 is the platform's final word. */
const RETRYABLE_CODE = '20000';

/**
 * Alipay life-account customer-service message (CHANNELS.md §3.4) through the OpenAPI gateway:
 * the public parameters plus biz_content, signed RSA2 over the sorted parameters with the app's
 * private key, as the alipay-sdk does.
 */
export function alipaySender(
  accounts: readonly AlipayAccount[],
  baseUrl: string,
  now: () => number = Date.now,
): ReplySender {
  const byAppId = new Map(accounts.map((account) => [account.appId, account]));
  return async ({ account: appId, recipient, text }) => {
    const account = byAppId.get(appId);
    if (!account) return NO_ACCOUNT;
    const params: Record<string, string> = {
      app_id: account.appId,
      method: METHOD,
      format: 'JSON',
      charset: 'utf-8',
      sign_type: 'RSA2',
      timestamp: beijingTimestamp(now()),
      version: '1.0',
      biz_content: JSON.stringify({ to_user_id: recipient, msg_type: 'text', text: { content: text }, chat: '1' }),
    };
    params.sign = rsa2Sign(alipaySignContent(params, true), 'utf-8', account.appPrivateKey);
    const answer = await callPlatform(`${baseUrl}/gateway.do?charset=utf-8`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    if (!answer.answered) return answer.result;
    const response = jsonOf(answer.body)?.[RESPONSE_KEY] as Record<string, unknown> | undefined;
    const code = typeof response?.code === 'string' ? response.code : null;
    if (code === '10000') return SENT;
    if (code === null)
      return { outcome: retryableStatus(answer.status) ? 'retry' : 'failed', errorCode: `http-${answer.status}` };
    const subCode = typeof response?.sub_code === 'string' ? response.sub_code : code;
    return { outcome: code === RETRYABLE_CODE ? 'retry' : 'failed', errorCode: subCode };
  };
}

/** Alipay's `timestamp`: "yyyy-MM-dd HH:mm:ss" in Beijing time. */
function beijingTimestamp(ms: number): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
