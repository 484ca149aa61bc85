import type { FastifyInstance } from 'fastify';
import type { WeiboAccount } from '../../server/channels/accounts';
import type { PlatformState } from './platform-state';

/** Weibo's API as Yiwang uses it: POST /2/messages/reply.json and GET /2/mss/msget. */
export function weiboApi(app: FastifyInstance, accounts: readonly WeiboAccount[], state: PlatformState): void {
  const accountOf = (token: unknown) => accounts.find((a) => a.accessToken === token) ?? null;
  let ids = 4_000_000_000_000_000n;

  app.post('/2/messages/reply.json', async (request, reply) => {
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const account = accountOf(form.get('access_token'));
    let text: string | null = null;
    try {
      const data: unknown = JSON.parse(form.get('data') ?? '');
      if (typeof data === 'object' && data !== null && typeof (data as { text?: unknown }).text === 'string')
        text = (data as { text: string }).text;
    } catch {
      text = null;
    }
    const recipient = form.get('receiver_id');
    const answer =
      account === null
        ? '21332'
        : (state.takeSendFault('weibo') ?? (recipient && form.get('type') === 'text' && text ? '0' : '10008'));
    state.record({
      channel: 'weibo',
      api: 'send',
      authorised: account !== null,
      account: account?.uid ?? null,
      recipient,
      text,
      answer,
    });
    await state.answerDelay('weibo');
    if (answer !== '0')
      return reply
        .code(answer.startsWith('1') ? 500 : 400)
        .send({ error_code: Number(answer), error: 'simulated error', request: '/2/messages/reply.json' });
    return { id: String(++ids), sender_id: account!.uid, receiver_id: recipient, type: 'text', text };
  });

  app.get('/2/mss/msget', async (request, reply) => {
    const { access_token, fid } = request.query as Record<string, string | undefined>;
    const account = accountOf(access_token);
    const fault = account !== null && state.takeMediaFault('weibo');
    state.record({
      channel: 'weibo',
      api: 'media',
      authorised: account !== null,
      account: account?.uid ?? null,
      recipient: null,
      text: fid ?? null,
      answer: account === null ? '21332' : fault ? '500' : '0',
    });
    if (account === null) return reply.code(403).send({ error_code: 21332, error: 'invalid_access_token' });
    if (fault) return reply.code(500).send('simulated outage');
    return reply.type('image/jpeg').send(state.mediaBytes(`weibo:${fid ?? ''}`));
  });
}
