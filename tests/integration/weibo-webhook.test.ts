import { randomInt } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { platformSha1 } from '../../simulator/platform-signing';
import { DEMO_WEIBO_ACCOUNT as ACCOUNT } from '../../server/channels/demo-accounts';
import { isoToWeiboTime } from '../../shared/channels/weibo/created-at';
import { buildWeiboDelivery, type WeiboPush } from '../../simulator/weibo-delivery';
import { expectOneNewLine, logLines } from '../support/refusal-log';
import { webhookServer, type MessageRow } from '../support/webhook-server';

// The real server process with its demo Weibo account (key 'demo', uid 1902538057), driven as
// Weibo's servers drive it; what was stored is read from its SQLite file, read-only.

const webhook = webhookServer();

// Fans' uids beyond 2^53, so any rounding would show.
const newFan = () => String(9_007_199_254_740_993n + BigInt(randomInt(1, 2 ** 40)));
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function push(
  type: string,
  text: string,
  data: Record<string, string> = {},
  extra: Partial<WeiboPush> = {},
): WeiboPush {
  return {
    type,
    receiver_id: ACCOUNT.uid,
    sender_id: newFan(),
    created_at: isoToWeiboTime(new Date()),
    text,
    data,
    ...extra,
  };
}

const post = async (
  delivery: { query: Record<string, string>; body: string },
  accountKey = ACCOUNT.key,
  contentType = 'application/json',
) => {
  const { status, body } = await webhook.post('weibo', accountKey, { ...delivery, contentType });
  return { status, body };
};

const messagesFor = (fan: string) => webhook.messagesOf(`weibo:${fan}`);
const { totalMessages, totalRequests } = webhook;
const REFUSED = 'weibo push refused';

describe('URL verification (GET)', () => {
  const handshake = (query: Record<string, string>) =>
    fetch(`${webhook.server.url}/channels/weibo/${ACCOUNT.key}?${new URLSearchParams(query)}`);

  it('echoes echostr when signed with the App Secret', async () => {
    const timestamp = nowSeconds();
    const response = await handshake({
      signature: platformSha1(ACCOUNT.appSecret, timestamp, '2001'),
      timestamp,
      nonce: '2001',
      echostr: 'weibo-echo-42',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('weibo-echo-42');
  });

  it('refuses a bad signature without echoing', async () => {
    const before = logLines(webhook.server, REFUSED).length;
    const timestamp = nowSeconds();
    const response = await handshake({
      signature: platformSha1('wrong', timestamp, '1'),
      timestamp,
      nonce: '1',
      echostr: 'x123',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('x123');
    await expectOneNewLine(webhook.server, REFUSED, before, 'bad signature');
  });
});

describe('pushes that are stored (answered 200 with an empty body)', () => {
  async function deliver(p: WeiboPush): Promise<MessageRow> {
    expect(await post(buildWeiboDelivery(ACCOUNT, p))).toEqual({ status: 200, body: '' });
    const rows = messagesFor(p.sender_id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.account).toBe(ACCOUNT.uid);
    return rows[0]!;
  }

  it('text, with the int64 sender kept exact and created_at as the sent time', async () => {
    const p = push(
      'text',
      '你好，<img src=x onerror=alert(1)> 建设路的井盖丢了',
      {},
      { created_at: 'Tue Mar 04 13:06:07 +0800 2025' },
    );
    const row = await deliver(p);
    expect(row).toMatchObject({ kind: 'text', event: null, text: p.text });
    expect(row.dedupe_key.startsWith(`${p.sender_id}|${p.created_at}|text|`)).toBe(true);
    expect(row.sent_at).toBe('2025-03-04T05:06:07.000Z');
    const request = webhook.db.prepare('select channel, text from requests where id = ?').get(row.request_id);
    expect(request).toEqual({ channel: 'weibo', text: p.text });
  });

  it('position', async () => {
    const row = await deliver(
      push('position', '我在这里: http://t.cn/zQgLLYO', { longitude: '116.308586', latitude: '39.982525' }),
    );
    expect(row).toMatchObject({ kind: 'location', text: '我在这里: http://t.cn/zQgLLYO' });
    expect(JSON.parse(row.attachments)).toEqual([
      { kind: 'location', latitude: 39.982525, longitude: 116.308586, scale: null, label: null },
    ]);
  });

  it('voice and image', async () => {
    const voice = await deliver(push('voice', '发了一个语音消息', { vfid: '821804459', tovfid: '821804469' }));
    expect(JSON.parse(voice.attachments)).toEqual([
      { kind: 'voice', mediaId: '821804469', format: null, recognition: null },
    ]);
    const image = await deliver(push('image', '发了一张图片', { vfid: '821804459', tovfid: '9223372036854775807' }));
    expect(JSON.parse(image.attachments)).toEqual([{ kind: 'image', mediaId: '9223372036854775807', url: null }]);
  });

  it.each(['follow', 'unfollow', 'subscribe', 'unsubscribe', 'scan', 'scan_follow', 'click'])(
    'event %s',
    async (subtype) => {
      expect(await deliver(push('event', '事件消息', { subtype, key: 'menu_1' }))).toMatchObject({
        kind: 'event',
        event: subtype,
        text: '',
      });
    },
  );

  it('mention, as an event carrying the post’s text', async () => {
    expect(
      await deliver(push('mention', '@城市发布 小区门口垃圾三天没人清了', { status_id: '4000000000000000' })),
    ).toMatchObject({
      kind: 'event',
      event: 'mention',
      text: '@城市发布 小区门口垃圾三天没人清了',
    });
  });

  it('an unknown type is answered 200 and not stored, with a log line', async () => {
    const before = logLines(webhook.server, 'weibo push ignored: unknown type or event').length;
    const messagesBefore = totalMessages();
    const p = push('sticker', '');
    expect(await post(buildWeiboDelivery(ACCOUNT, p))).toEqual({ status: 200, body: '' });
    await expectOneNewLine(webhook.server, 'weibo push ignored: unknown type or event', before);
    expect(totalMessages()).toBe(messagesBefore);
  });

  it('a replayed push (3 deliveries, fresh signatures) is stored once', async () => {
    const p = push('text', '楼下烧烤店每天营业到凌晨两三点');
    const requestsBefore = totalRequests();
    for (let i = 0; i < 3; i++) expect(await post(buildWeiboDelivery(ACCOUNT, p))).toEqual({ status: 200, body: '' });
    expect(messagesFor(p.sender_id)).toHaveLength(1);
    expect(totalRequests()).toBe(requestsBefore + 1);
  });

  it('a second, different message in the same second is not taken for a replay', async () => {
    const first = push('text', '第一句');
    const second = { ...first, text: '第二句' };
    for (const p of [first, second]) expect((await post(buildWeiboDelivery(ACCOUNT, p))).status).toBe(200);
    expect(messagesFor(first.sender_id).map((r) => r.text)).toEqual(['第一句', '第二句']);
  });
});

describe('pushes that are refused: a 4xx, one warn line, nothing stored, the server still serving', () => {
  let messagesBefore: number;
  let refusalsBefore: number;

  beforeEach(() => {
    messagesBefore = totalMessages();
    refusalsBefore = logLines(webhook.server, REFUSED).length;
  });

  async function expectRefused(answer: { status: number; body: string }, status: number, reason: string | RegExp) {
    expect(answer.status).toBe(status);
    await expectOneNewLine(webhook.server, REFUSED, refusalsBefore, reason);
    expect(totalMessages()).toBe(messagesBefore);
    const good = push('text', 'after a refusal');
    expect(await post(buildWeiboDelivery(ACCOUNT, good))).toEqual({ status: 200, body: '' });
    expect(totalMessages()).toBe(messagesBefore + 1);
  }

  it('signed with another App Secret', async () => {
    await expectRefused(
      await post(buildWeiboDelivery({ ...ACCOUNT, appSecret: 'someone-elses' }, push('text', 'forged'))),
      401,
      'bad signature',
    );
  });

  it('a signed query seen once (in a proxy log), replayed with another body', async () => {
    const seen = buildWeiboDelivery(ACCOUNT, push('text', '原来的私信'));
    expect(await post(seen)).toEqual({ status: 200, body: '' });
    messagesBefore = totalMessages();
    const forged = { ...seen, body: JSON.stringify(push('text', '伪造的私信')) };
    await expectRefused(await post(forged), 401, 'replayed signature with another body');
  });

  it('no signature', async () => {
    const { signature: _omit, ...query } = buildWeiboDelivery(ACCOUNT, push('text', 'unsigned')).query;
    await expectRefused(await post({ query, body: JSON.stringify(push('text', 'unsigned')) }), 401, 'bad signature');
  });

  it('stale timestamp (a signed push replayed an hour later)', async () => {
    await expectRefused(
      await post(buildWeiboDelivery(ACCOUNT, push('text', 'replayed'), { now: new Date(Date.now() - 3600_000) })),
      403,
      'stale timestamp',
    );
  });

  it('timestamp from the future', async () => {
    await expectRefused(
      await post(buildWeiboDelivery(ACCOUNT, push('text', 'future'), { now: new Date(Date.now() + 3600_000) })),
      403,
      'stale timestamp',
    );
  });

  it('malformed JSON', async () => {
    const delivery = buildWeiboDelivery(ACCOUNT, push('text', 'x'));
    await expectRefused(await post({ ...delivery, body: delivery.body.slice(0, -5) }), 400, 'malformed JSON');
  });

  it('the WeChat-style XML format', async () => {
    const delivery = buildWeiboDelivery(ACCOUNT, push('text', 'x'));
    await expectRefused(
      await post({ ...delivery, body: '<xml><MsgType>text</MsgType></xml>' }, ACCOUNT.key, 'text/xml'),
      400,
      /XML/,
    );
  });

  it('a required field missing', async () => {
    const { created_at: _omit, ...noTime } = push('text', 'no time');
    await expectRefused(
      await post({ ...buildWeiboDelivery(ACCOUNT, push('text', '')), body: JSON.stringify(noTime) }),
      400,
      'created_at: missing',
    );
  });

  it('a receiver_id of another account', async () => {
    await expectRefused(
      await post(buildWeiboDelivery(ACCOUNT, push('text', 'misrouted', {}, { receiver_id: '1234567' }))),
      400,
      'receiver_id does not match the account',
    );
  });

  it('an oversized body', async () => {
    await expectRefused(
      await post(buildWeiboDelivery(ACCOUNT, push('text', '长'.repeat(40 * 1024)))),
      413,
      /too large/i,
    );
  });

  it('an unknown account', async () => {
    await expectRefused(
      await post(buildWeiboDelivery(ACCOUNT, push('text', 'nobody')), 'no-such-account'),
      404,
      'unknown account',
    );
  });
});
