import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_WECHAT_ACCOUNT as SAFE } from '../../server/channels/demo-accounts';
import { platformSha1, wechatEncrypt } from '../../simulator/platform-signing';
import { buildWechatXml, type WechatFields } from '../../shared/channels/wechat/xml';
import { buildWechatDelivery, type WechatDelivery } from '../../simulator/wechat-delivery';
import { expectOneNewLine, logLines } from '../support/refusal-log';
import { PLAIN_WECHAT_ACCOUNT as ACCOUNT } from '../support/test-channels';
import { webhookServer } from '../support/webhook-server';

// The real server process with a plain-mode account (key 'plain') and the demo account in safe mode
// (key 'demo', AES key set), both with the token 'yiwangdemotoken' and one original id, driven as
// WeChat's servers drive them; what was stored is read from its SQLite file, read-only.

const webhook = webhookServer();

let msgIds = 9_223_372_036_854_775_000n; // beyond 2^53, so rounding would show
const nextMsgId = () => String(msgIds++);
let citizens = 0;
const newCitizen = () => `oYw3test${String(++citizens).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function textFields(content: string, extra: WechatFields = {}): WechatFields {
  return {
    ToUserName: ACCOUNT.originalId,
    FromUserName: newCitizen(),
    CreateTime: nowSeconds(),
    MsgType: 'text',
    Content: content,
    MsgId: nextMsgId(),
    ...extra,
  };
}

/** To the plain-mode account, or to the safe-mode one when the push is encrypted. */
const post = (
  delivery: WechatDelivery,
  accountKey = delivery.query.encrypt_type ? SAFE.key : ACCOUNT.key,
  contentType = 'text/xml',
) => webhook.post('wechat', accountKey, { ...delivery, contentType });

const messagesFor = (citizen: string) => webhook.messagesOf(`wechat:${citizen}`);
const { totalMessages, totalRequests } = webhook;

const REFUSED = 'wechat push refused';
const refusals = () => logLines(webhook.server, REFUSED);
const expectOneNewRefusal = (before: number, reason: string | RegExp) =>
  expectOneNewLine(webhook.server, REFUSED, before, reason);

describe('URL verification (GET)', () => {
  function handshake(query: Record<string, string>, accountKey = ACCOUNT.key) {
    return fetch(`${webhook.server.url}/channels/wechat/${accountKey}?${new URLSearchParams(query)}`);
  }

  it('echoes echostr as plain text when the signature checks out', async () => {
    const timestamp = nowSeconds();
    const response = await handshake({
      signature: platformSha1(ACCOUNT.token, timestamp, '8731'),
      timestamp,
      nonce: '8731',
      echostr: '5838479218127813673',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('5838479218127813673');
  });

  it('refuses a bad signature without echoing', async () => {
    const before = refusals().length;
    const timestamp = nowSeconds();
    const response = await handshake({
      signature: platformSha1('not-the-token', timestamp, '1'),
      timestamp,
      nonce: '1',
      echostr: 'x123',
    });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('x123');
    await expectOneNewRefusal(before, 'bad signature');
  });
});

describe('pushes that are stored', () => {
  it('plain text: stored once with the exact 64-bit MsgId, answered "success"', async () => {
    const fields = textFields('你好，建设路88号的路灯坏了一个多星期了，<b>麻烦</b>尽快修一下。');
    const answer = await post(buildWechatDelivery(ACCOUNT, fields));
    expect(answer).toMatchObject({ status: 200, body: 'success' });
    const [row, ...rest] = messagesFor(fields.FromUserName!);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      account: ACCOUNT.originalId,
      dedupe_key: fields.MsgId,
      kind: 'text',
      event: null,
      text: fields.Content,
    });
    expect(row!.sent_at).toBe(new Date(Number(fields.CreateTime) * 1000).toISOString());
    const request = webhook.db.prepare('select * from requests where id = ?').get(row!.request_id) as {
      channel: string;
      text: string;
    };
    expect(request).toMatchObject({ channel: 'wechat', text: fields.Content });
  });

  it('image', async () => {
    const fields = textFields('', {
      MsgType: 'image',
      PicUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/demo/0',
      MediaId: 'yw_media_1',
    });
    const { Content: _omit, ...image } = fields;
    expect(await post(buildWechatDelivery(ACCOUNT, image))).toMatchObject({ status: 200, body: 'success' });
    const [row] = messagesFor(fields.FromUserName!);
    expect(row).toMatchObject({ kind: 'image', dedupe_key: fields.MsgId });
    expect(JSON.parse(row!.attachments)).toEqual([
      { kind: 'image', mediaId: 'yw_media_1', url: 'http://mmbiz.qpic.cn/mmbiz_jpg/demo/0' },
    ]);
  });

  it('location', async () => {
    const { Content: _omit, ...location } = textFields('', {
      MsgType: 'location',
      Location_X: '28.194089',
      Location_Y: '112.982279',
      Scale: '16',
      Label: '人民路与解放路交叉口',
    });
    expect(await post(buildWechatDelivery(ACCOUNT, location))).toMatchObject({ status: 200, body: 'success' });
    const [row] = messagesFor(location.FromUserName!);
    expect(row).toMatchObject({ kind: 'location', text: '人民路与解放路交叉口' });
    expect(JSON.parse(row!.attachments)).toEqual([
      { kind: 'location', latitude: 28.194089, longitude: 112.982279, scale: 16, label: '人民路与解放路交叉口' },
    ]);
  });

  it('subscribe event, deduplicated by sender|CreateTime|Event', async () => {
    const citizen = newCitizen();
    const event = {
      ToUserName: ACCOUNT.originalId,
      FromUserName: citizen,
      CreateTime: nowSeconds(),
      MsgType: 'event',
      Event: 'subscribe',
    };
    for (let i = 0; i < 2; i++)
      expect(await post(buildWechatDelivery(ACCOUNT, event))).toMatchObject({ status: 200, body: 'success' });
    const rows = messagesFor(citizen);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'event',
      event: 'subscribe',
      dedupe_key: `${citizen}|${event.CreateTime}|subscribe`,
    });
  });

  it('safe mode (AES): msg_signature checked, message decrypted and stored', async () => {
    const fields = textFields('加密模式：菜市场门口占道经营太严重了');
    const delivery = buildWechatDelivery(SAFE, fields, { encrypt: true });
    expect(delivery.body).not.toContain('菜市场');
    expect(delivery.query).toMatchObject({ encrypt_type: 'aes' });
    expect(await post(delivery)).toMatchObject({ status: 200, body: 'success' });
    expect(messagesFor(fields.FromUserName!)).toMatchObject([
      { kind: 'text', text: fields.Content, dedupe_key: fields.MsgId },
    ]);
  });

  it('compatible mode: the plain copy and the ciphertext in one body; the decrypted one is used', async () => {
    const fields = textFields('兼容模式的消息');
    const encrypt = wechatEncrypt(SAFE.encodingAesKey!, SAFE.appId, buildWechatXml(fields));
    const plain = buildWechatDelivery(SAFE, fields, { encrypt: false });
    const delivery = {
      query: {
        ...plain.query,
        encrypt_type: 'aes',
        msg_signature: platformSha1(SAFE.token, plain.query.timestamp!, plain.query.nonce!, encrypt),
      },
      body: buildWechatXml({ ...fields, Encrypt: encrypt }),
    };
    expect(await post(delivery)).toMatchObject({ status: 200, body: 'success' });
    expect(messagesFor(fields.FromUserName!)).toMatchObject([{ text: fields.Content }]);
  });

  it('takes the body whatever its Content-Type says', async () => {
    const fields = textFields('content type is not text/xml');
    expect(
      await post(buildWechatDelivery(ACCOUNT, fields), ACCOUNT.key, 'application/x-www-form-urlencoded'),
    ).toMatchObject({ status: 200, body: 'success' });
    expect(messagesFor(fields.FromUserName!)).toHaveLength(1);
  });

  it('a retried push (same MsgId, 3 times, plain and encrypted) is stored once and always answered "success"', async () => {
    const fields = textFields('楼下烧烤店每天营业到凌晨两三点');
    const requestsBefore = totalRequests();
    const answers = [
      await post(buildWechatDelivery(ACCOUNT, fields)),
      await post(buildWechatDelivery(SAFE, fields, { encrypt: true })),
      await post(buildWechatDelivery(ACCOUNT, fields)),
    ];
    expect(answers.map((a) => [a.status, a.body])).toEqual(Array(3).fill([200, 'success']));
    expect(messagesFor(fields.FromUserName!)).toHaveLength(1);
    expect(totalRequests()).toBe(requestsBefore + 1);
  });
});

describe('pushes that are refused: a 4xx, one warn line, nothing stored, the server still serving', () => {
  let messagesBefore: number;
  let refusalsBefore: number;

  beforeEach(() => {
    messagesBefore = totalMessages();
    refusalsBefore = refusals().length;
  });

  async function expectRefused(answer: { status: number; body: string }, status: number, reason: string | RegExp) {
    expect(answer.status).toBe(status);
    expect(answer.body).not.toBe('success');
    await expectOneNewRefusal(refusalsBefore, reason);
    expect(totalMessages()).toBe(messagesBefore);
    // Still serving: a good push goes through afterwards.
    const fields = textFields('after a refusal');
    expect(await post(buildWechatDelivery(ACCOUNT, fields))).toMatchObject({ status: 200, body: 'success' });
    expect(totalMessages()).toBe(messagesBefore + 1);
  }

  it('wrong signature', async () => {
    const delivery = buildWechatDelivery({ ...ACCOUNT, token: 'someoneElsesToken' }, textFields('forged'));
    await expectRefused(await post(delivery), 401, 'bad signature');
  });

  it('missing signature', async () => {
    const { signature: _omit, ...query } = buildWechatDelivery(ACCOUNT, textFields('unsigned')).query;
    await expectRefused(await post({ query, body: buildWechatXml(textFields('unsigned')) }), 401, 'bad signature');
  });

  it('stale timestamp (a correctly signed push replayed an hour later)', async () => {
    const delivery = buildWechatDelivery(ACCOUNT, textFields('replayed'), { now: new Date(Date.now() - 3600_000) });
    const answer = await post(delivery);
    expect(answer.body).toBe('stale timestamp');
    await expectRefused(answer, 403, 'stale timestamp');
  });

  it('timestamp from the future', async () => {
    const delivery = buildWechatDelivery(ACCOUNT, textFields('future'), { now: new Date(Date.now() + 3600_000) });
    await expectRefused(await post(delivery), 403, 'stale timestamp');
  });

  it('a signed query seen once, replayed with another body', async () => {
    const seen = buildWechatDelivery(ACCOUNT, textFields('原来的留言'));
    expect(await post(seen)).toMatchObject({ status: 200, body: 'success' });
    messagesBefore = totalMessages();
    const forged = { ...seen, body: buildWechatXml(textFields('伪造的留言')) };
    await expectRefused(await post(forged), 401, 'replayed signature with another body');
    // The same body again is WeChat retrying: answered, stored once.
    const stored = totalMessages();
    expect(await post(seen)).toMatchObject({ status: 200, body: 'success' });
    expect(totalMessages()).toBe(stored);
  });

  it('plaintext to the safe-mode account (a downgrade), with encrypt_type left out or raw', async () => {
    const delivery = buildWechatDelivery(SAFE, textFields('明文降级'), { encrypt: false });
    await expectRefused(await post(delivery, SAFE.key), 400, 'plaintext push to a safe-mode account');
    messagesBefore = totalMessages();
    refusalsBefore = refusals().length;
    // encrypt_type=raw says plaintext out loud: no better.
    const raw = buildWechatDelivery(SAFE, textFields('明文降级 raw'), { encrypt: false });
    await expectRefused(
      await post({ ...raw, query: { ...raw.query, encrypt_type: 'raw' } }, SAFE.key),
      400,
      'plaintext push to a safe-mode account',
    );
  });

  it('malformed XML', async () => {
    const delivery = buildWechatDelivery(ACCOUNT, textFields('x'));
    await expectRefused(
      await post({ ...delivery, body: '<xml><ToUserName>gh_yiwang_demo</ToUserName><Content>unclosed</xml>' }),
      400,
      /malformed XML/,
    );
  });

  it('XML with a DOCTYPE (XXE)', async () => {
    const delivery = buildWechatDelivery(ACCOUNT, textFields('x'));
    const body = `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${delivery.body.replace('<Content><![CDATA[x]]></Content>', '<Content>&xxe;</Content>')}`;
    await expectRefused(await post({ ...delivery, body }), 400, /DOCTYPE/);
  });

  it('a required field missing', async () => {
    const { MsgId: _omit, ...fields } = textFields('no MsgId');
    await expectRefused(await post(buildWechatDelivery(ACCOUNT, fields)), 400, 'MsgId: missing');
  });

  it('ToUserName of another account', async () => {
    const delivery = buildWechatDelivery(ACCOUNT, textFields('misrouted', { ToUserName: 'gh_somebody_else' }));
    await expectRefused(await post(delivery), 400, 'ToUserName does not match the account');
  });

  it('oversized body', async () => {
    const fields = textFields('长'.repeat(40 * 1024)); // ~120 KB of UTF-8, over the 64 KB default
    await expectRefused(await post(buildWechatDelivery(ACCOUNT, fields)), 413, /too large/i);
  });

  it('wrong msg_signature', async () => {
    const delivery = buildWechatDelivery(SAFE, textFields('tampered'), { encrypt: true });
    await expectRefused(
      await post({ ...delivery, query: { ...delivery.query, msg_signature: '0'.repeat(40) } }),
      401,
      'bad msg_signature',
    );
  });

  it('ciphertext made for another AppID', async () => {
    const delivery = buildWechatDelivery({ ...SAFE, appId: 'wx_not_this_account' }, textFields('other app'), {
      encrypt: true,
    });
    await expectRefused(await post(delivery), 400, 'ciphertext was made for another AppID');
  });

  it('ciphertext made with another key', async () => {
    const other = { ...SAFE, encodingAesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut' };
    const delivery = buildWechatDelivery(other, textFields('other key'), { encrypt: true });
    await expectRefused(await post(delivery), 400, /bad padding|length|AppID|UTF-8/);
  });

  it('unknown account', async () => {
    await expectRefused(
      await post(buildWechatDelivery(ACCOUNT, textFields('nobody')), 'no-such-account'),
      404,
      'unknown account',
    );
  });
});
