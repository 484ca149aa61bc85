import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { WechatAccount } from '../../server/channels/accounts';
import type { PlatformState } from './platform-state';

/** Tokens the simulated WeChat hands out last this long, as the real one's do. */
const TOKEN_SECONDS = 7200;

/** WeChat's API as Yiwang uses it: /cgi-bin/token, /cgi-bin/message/custom/send, /cgi-bin/media/get. */
export function wechatApi(app: FastifyInstance, accounts: readonly WechatAccount[], state: PlatformState): void {
  /** The one valid token per AppID: a new fetch replaces the old, as WeChat's does (after its grace period). */
  const tokens = new Map<string, string>();
  let issued = 0;
  const appIdOf = (token: unknown) => [...tokens].find(([, t]) => t === token)?.[0] ?? null;

  state.onExpireTokens(() => tokens.clear());

  app.get('/cgi-bin/token', async (request) => {
    const { appid, secret, grant_type } = request.query as Record<string, string | undefined>;
    const account = accounts.find((a) => a.appId === appid);
    const authorised = grant_type === 'client_credential' && account !== undefined && account.appSecret === secret;
    state.record({
      channel: 'wechat',
      api: 'token',
      authorised,
      account: appid ?? null,
      recipient: null,
      text: null,
      answer: authorised ? '0' : '40125',
    });
    if (!authorised) return { errcode: 40125, errmsg: 'invalid appsecret' };
    const token = `sim-wechat-token-${++issued}-${createHash('sha1').update(`${appid}${issued}`).digest('hex').slice(0, 16)}`;
    tokens.set(appid!, token);
    return { access_token: token, expires_in: TOKEN_SECONDS };
  });

  app.post('/cgi-bin/message/custom/send', async (request) => {
    const appId = appIdOf((request.query as Record<string, unknown>).access_token);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as {
      touser?: unknown;
      msgtype?: unknown;
      text?: { content?: unknown };
    };
    const text = typeof body.text?.content === 'string' ? body.text.content : null;
    const recipient = typeof body.touser === 'string' ? body.touser : null;
    const answer =
      appId === null
        ? '40001'
        : (state.takeSendFault('wechat') ?? (recipient && body.msgtype === 'text' && text ? '0' : '40008'));
    state.record({
      channel: 'wechat',
      api: 'send',
      authorised: appId !== null,
      account: appId,
      recipient,
      text,
      answer,
    });
    await state.answerDelay('wechat');
    return { errcode: Number(answer), errmsg: answer === '0' ? 'ok' : 'simulated error' };
  });

  app.get('/cgi-bin/media/get', async (request, reply) => {
    const { access_token, media_id } = request.query as Record<string, string | undefined>;
    const appId = appIdOf(access_token);
    const fault = appId !== null && state.takeMediaFault('wechat');
    state.record({
      channel: 'wechat',
      api: 'media',
      authorised: appId !== null,
      account: appId,
      recipient: null,
      text: media_id ?? null,
      answer: appId === null ? '40001' : fault ? '500' : '0',
    });
    if (appId === null) return { errcode: 40001, errmsg: 'invalid credential' };
    if (fault) return reply.code(500).send('simulated outage');
    return reply.type('image/jpeg').send(state.mediaBytes(`wechat:${media_id ?? ''}`));
  });
}
