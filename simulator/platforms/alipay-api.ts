import { createPublicKey, createVerify } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AlipayAccount } from '../../server/channels/accounts';
import { alipayStringToSign } from '../platform-signing';
import type { PlatformState } from './platform-state';

const METHOD = 'alipay.open.public.message.custom.send';
const RESPONSE_KEY = 'alipay_open_public_message_custom_send_response';

/**
 * Alipay's OpenAPI gateway as Yiwang uses it: POST /gateway.do with
 * alipay.open.public.message.custom.send, whose RSA2 signature is checked with the app public key
 * the account registered (the demo one, for the demo account).
 */
export function alipayApi(app: FastifyInstance, accounts: readonly AlipayAccount[], state: PlatformState): void {
  const publicKeys = new Map(
    accounts.map((a) => [
      a.appId,
      createPublicKey({ key: Buffer.from(a.appPublicKey, 'base64'), format: 'der', type: 'spki' }),
    ]),
  );

  app.post('/gateway.do', async (request) => {
    const params = Object.fromEntries(new URLSearchParams(typeof request.body === 'string' ? request.body : ''));
    const key = publicKeys.get(params.app_id ?? '');
    const authorised =
      key !== undefined &&
      params.sign_type === 'RSA2' &&
      typeof params.sign === 'string' &&
      createVerify('RSA-SHA256')
        .update(Buffer.from(alipayStringToSign(params, true), 'utf8'))
        .verify(key, params.sign, 'base64');
    let biz: { to_user_id?: unknown; msg_type?: unknown; text?: { content?: unknown } } = {};
    try {
      biz = JSON.parse(params.biz_content ?? '{}') as typeof biz;
    } catch {
      biz = {};
    }
    const text = typeof biz.text?.content === 'string' ? biz.text.content : null;
    const recipient = typeof biz.to_user_id === 'string' ? biz.to_user_id : null;
    const answer = !authorised
      ? 'isv.invalid-signature'
      : params.method !== METHOD
        ? 'isv.invalid-method'
        : (state.takeSendFault('alipay') ??
          (recipient && biz.msg_type === 'text' && text ? '10000' : 'isv.missing-parameter'));
    state.record({
      channel: 'alipay',
      api: 'send',
      authorised,
      account: params.app_id ?? null,
      recipient,
      text,
      answer,
    });
    await state.answerDelay('alipay');
    if (answer === '10000') return { [RESPONSE_KEY]: { code: '10000', msg: 'Success' }, sign: 'simulated' };
    if (answer === '20000')
      return {
        [RESPONSE_KEY]: { code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error' },
        sign: 'simulated',
      };
    return {
      [RESPONSE_KEY]: {
        code: authorised ? '40004' : '40002',
        msg: 'Business Failed',
        sub_code: answer,
        sub_msg: 'simulated error',
      },
      sign: 'simulated',
    };
  });
}
