import { createVerify, generateKeyPairSync, randomInt } from 'node:crypto';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_APP_PUBLIC_KEY_BASE64 } from '../../server/channels/alipay/demo-keys';
import { DEMO_ALIPAY_ACCOUNT as ACCOUNT } from '../../server/channels/demo-accounts';
import { buildAlipayBizContent, type AlipayFields } from '../../shared/channels/alipay/biz-content';
import { buildAlipayDelivery, type AlipayPost } from '../../simulator/alipay-delivery';
import { expectOneNewLine, logLines } from '../support/refusal-log';
import { webhookServer, type MessageRow } from '../support/webhook-server';

// The real server process with its demo Alipay account (key 'demo', the public demo keys), driven
// as Alipay's gateway drives it: GBK forms signed RSA2 with the demo "Alipay" private key.

const webhook = webhookServer();

const NOTIFY = 'alipay.mobile.public.message.notify';
const newUser = () => `2088${String(randomInt(1e11, 1e12 - 1))}`;
let msgIds = 160308464406000001n;
const nextMsgId = () => String(msgIds++);
const APP_PUBLIC_PEM = `-----BEGIN PUBLIC KEY-----\n${DEMO_APP_PUBLIC_KEY_BASE64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;

function fields(msgType: string, extra: AlipayFields = {}): AlipayFields {
  return {
    AppId: ACCOUNT.appId,
    FromAlipayUserId: newUser(),
    CreateTime: String(Date.now()),
    MsgType: msgType,
    ...extra,
  };
}

const notify = (f: AlipayFields): AlipayPost => ({ service: NOTIFY, biz_content: buildAlipayBizContent(f) });

async function post(delivery: { body: Uint8Array<ArrayBuffer>; contentType?: string }, accountKey = ACCOUNT.key) {
  const answer = await webhook.post('alipay', accountKey, {
    body: delivery.body,
    contentType: delivery.contentType ?? 'application/x-www-form-urlencoded',
  });
  return { status: answer.status, type: answer.type, xml: iconv.decode(answer.bytes, 'gbk') };
}

/** The answer's <response> content, after checking its signature with the app public key. */
function verifiedResponse(xml: string): string {
  const match =
    /^<\?xml version="1.0" encoding="GBK"\?><alipay><response>(.*)<\/response><sign>([^<]+)<\/sign><sign_type>RSA2<\/sign_type><\/alipay>$/s.exec(
      xml,
    );
  expect(match).not.toBeNull();
  const [, content, sign] = match!;
  expect(createVerify('RSA-SHA256').update(iconv.encode(content!, 'gbk')).verify(APP_PUBLIC_PEM, sign!, 'base64')).toBe(
    true,
  );
  return content!;
}

const messagesFor = (user: string) => webhook.messagesOf(`alipay:${user}`);
const { totalMessages, totalRequests } = webhook;
const REFUSED = 'alipay push refused';

describe('gateway verification (alipay.service.check)', () => {
  const verifygw = {
    AppId: ACCOUNT.appId,
    FromUserId: '',
    CreateTime: String(Date.now()),
    MsgType: 'event',
    EventType: 'verifygw',
    ActionParam: '',
    AccountNo: '',
  };

  it('answers the signed success XML carrying the app public key, in GBK', async () => {
    const answer = await post(
      buildAlipayDelivery({ service: 'alipay.service.check', biz_content: buildAlipayBizContent(verifygw) }),
    );
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/xml; charset=GBK/i);
    expect(verifiedResponse(answer.xml)).toBe(
      `<success>true</success><biz_content>${DEMO_APP_PUBLIC_KEY_BASE64}</biz_content>`,
    );
  });

  it('answers a forged check with the signed VERIFY_FAILED XML, a 401 and a log line', async () => {
    const before = logLines(webhook.server, REFUSED).length;
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const answer = await post(
      buildAlipayDelivery(
        { service: 'alipay.service.check', biz_content: buildAlipayBizContent(verifygw) },
        { alipayPrivateKey: other },
      ),
    );
    expect(answer.status).toBe(401);
    expect(verifiedResponse(answer.xml)).toContain('<success>false</success><error_code>VERIFY_FAILED</error_code>');
    await expectOneNewLine(webhook.server, REFUSED, before, 'bad signature');
  });
});

describe('messages that are stored (answered with the signed ack)', () => {
  async function deliver(f: AlipayFields, charset?: string): Promise<MessageRow> {
    const answer = await post(buildAlipayDelivery(notify(f), { charset }));
    expect(answer.status).toBe(200);
    const ack = verifiedResponse(answer.xml);
    expect(ack).toMatch(
      new RegExp(
        `^<XML><ToUserId><!\\[CDATA\\[${f.FromAlipayUserId}\\]\\]></ToUserId><AppId><!\\[CDATA\\[${ACCOUNT.appId}\\]\\]></AppId><CreateTime>\\d{13}</CreateTime><MsgType><!\\[CDATA\\[ack\\]\\]></MsgType></XML>$`,
      ),
    );
    const rows = messagesFor(f.FromAlipayUserId!);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.account).toBe(ACCOUNT.appId);
    return rows[0]!;
  }

  it('text in GBK, MsgId as the dedupe key, CreateTime in ms', async () => {
    const f = fields('text', {
      'Text.Content': '办证难：社保卡补办跑了三趟 <b>&amp;</b> 还没办好',
      MsgId: nextMsgId(),
      CreateTime: '1457426646396',
    });
    const row = await deliver(f);
    expect(row).toMatchObject({
      kind: 'text',
      event: null,
      text: f['Text.Content'],
      dedupe_key: f.MsgId,
      sent_at: '2016-03-08T08:44:06.396Z',
    });
    expect(webhook.db.prepare('select channel, text from requests where id = ?').get(row.request_id)).toEqual({
      channel: 'alipay',
      text: f['Text.Content'],
    });
  });

  it('text in UTF-8', async () => {
    const f = fields('text', { 'Text.Content': '井盖丢了，𠮷字也要对', MsgId: nextMsgId() });
    expect(await deliver(f, 'UTF-8')).toMatchObject({ text: f['Text.Content'] });
  });

  it('image', async () => {
    const row = await deliver(
      fields('image', { 'Image.MediaId': 'A*media-1', 'Image.Format': 'jpg', MsgId: nextMsgId() }),
    );
    expect(JSON.parse(row.attachments)).toEqual([{ kind: 'image', mediaId: 'A*media-1', url: null }]);
  });

  it('location', async () => {
    const row = await deliver(
      fields('location', { Latitude: '30.274085', Longitude: '120.155070', Label: '西湖区', MsgId: nextMsgId() }),
    );
    expect(row).toMatchObject({ kind: 'location', text: '西湖区' });
  });

  it.each(['follow', 'unfollow', 'click', 'enter'])(
    'event %s, deduplicated by sender|CreateTime|EventType',
    async (eventType) => {
      const f = fields('event', { EventType: eventType, ActionParam: eventType === 'click' ? 'menu_1' : '' });
      expect(await deliver(f)).toMatchObject({
        kind: 'event',
        event: eventType,
        dedupe_key: `${f.FromAlipayUserId}|${f.CreateTime}|${eventType}`,
      });
    },
  );

  it('an unsupported type is acknowledged, not stored, with a log line', async () => {
    const before = logLines(webhook.server, 'alipay push ignored: unsupported message or event').length;
    const messagesBefore = totalMessages();
    const answer = await post(buildAlipayDelivery(notify(fields('video', { MsgId: nextMsgId() }))));
    expect(answer.status).toBe(200);
    expect(verifiedResponse(answer.xml)).toContain('ack');
    await expectOneNewLine(webhook.server, 'alipay push ignored: unsupported message or event', before);
    expect(totalMessages()).toBe(messagesBefore);
  });

  it('a replayed delivery (3 times) is stored once and always acknowledged', async () => {
    const f = fields('text', { 'Text.Content': '楼下烧烤店每天营业到凌晨两三点', MsgId: nextMsgId() });
    const requestsBefore = totalRequests();
    for (let i = 0; i < 3; i++) expect((await post(buildAlipayDelivery(notify(f)))).status).toBe(200);
    expect(messagesFor(f.FromAlipayUserId!)).toHaveLength(1);
    expect(totalRequests()).toBe(requestsBefore + 1);
  });
});

describe('posts that are refused: a 4xx, one warn line, nothing stored, the server still serving', () => {
  let messagesBefore: number;
  let refusalsBefore: number;

  beforeEach(() => {
    messagesBefore = totalMessages();
    refusalsBefore = logLines(webhook.server, REFUSED).length;
  });

  const good = () => buildAlipayDelivery(notify(fields('text', { 'Text.Content': '正常消息', MsgId: nextMsgId() })));
  const form = (text: string) => ({ body: Buffer.from(text, 'latin1') as Uint8Array<ArrayBuffer> });

  async function expectRefused(answer: { status: number }, status: number, reason: string | RegExp) {
    expect(answer.status).toBe(status);
    await expectOneNewLine(webhook.server, REFUSED, refusalsBefore, reason);
    expect(totalMessages()).toBe(messagesBefore);
    expect((await post(good())).status).toBe(200);
    expect(totalMessages()).toBe(messagesBefore + 1);
  }

  it('signed with another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expectRefused(
      await post(
        buildAlipayDelivery(notify(fields('text', { 'Text.Content': 'forged', MsgId: nextMsgId() })), {
          alipayPrivateKey: other,
        }),
      ),
      401,
      'bad signature',
    );
  });

  it('a value changed after signing', async () => {
    const delivery = buildAlipayDelivery(notify(fields('text', { 'Text.Content': 'original', MsgId: nextMsgId() })));
    const tampered = Buffer.from(delivery.body).toString('latin1').replace('original', 'tampered');
    await expectRefused(await post(form(tampered)), 401, 'bad signature');
  });

  it('no sign', async () => {
    const unsigned = Buffer.from(good().body)
      .toString('latin1')
      .replace(/&sign=[^&]*/, '');
    await expectRefused(await post(form(unsigned)), 401, 'bad signature');
  });

  it('sign_type RSA (SHA1), which is not taken', async () => {
    const rsa = Buffer.from(good().body).toString('latin1').replace('sign_type=RSA2', 'sign_type=RSA');
    await expectRefused(await post(form(rsa)), 400, /sign_type/);
  });

  it('malformed biz_content XML, correctly signed', async () => {
    await expectRefused(
      await post(buildAlipayDelivery({ service: NOTIFY, biz_content: '<XML><MsgType>text</XML>' })),
      400,
      /malformed XML/,
    );
  });

  it('biz_content with a DOCTYPE (XXE)', async () => {
    const xxe = `<!DOCTYPE XML [<!ENTITY x SYSTEM "file:///etc/passwd">]>${buildAlipayBizContent(fields('text', { MsgId: nextMsgId() })).replace('</XML>', '<Text><Content>&x;</Content></Text></XML>')}`;
    await expectRefused(await post(buildAlipayDelivery({ service: NOTIFY, biz_content: xxe })), 400, /DOCTYPE/);
  });

  it('a malformed form (broken percent-escape)', async () => {
    await expectRefused(await post(form('charset=GBK&service=x&biz_content=%ZZ')), 400, /percent-escape/);
  });

  it('a required field missing', async () => {
    await expectRefused(
      await post(buildAlipayDelivery(notify(fields('text', { MsgId: nextMsgId() })))),
      400,
      'Text.Content: missing',
    );
  });

  it.each([
    // Bytes that can be no GBK at all are refused as such…
    ['bytes that are not GBK', '%FF%FF', 400, /not valid GBK/],
    // …and UTF-8, which mostly decodes as (wrong) GBK, fails the signature made over the real text.
    ['UTF-8 bytes', encodeURIComponent('你好。'), 401, /bad signature/],
  ] as const)('%s under charset=GBK', async (_what, escapes, status, reason) => {
    const gbk = buildAlipayDelivery(notify(fields('text', { 'Text.Content': '你好。', MsgId: nextMsgId() })));
    const wire = Buffer.from(gbk.body).toString('latin1');
    expect(wire).toContain('%C4%E3%BA%C3%A1%A3');
    await expectRefused(await post(form(wire.replace('%C4%E3%BA%C3%A1%A3', escapes))), status, reason);
  });

  it('an unsupported charset', async () => {
    const body = Buffer.from(good().body).toString('latin1').replace('charset=GBK', 'charset=Shift_JIS');
    await expectRefused(await post(form(body)), 400, /unsupported charset/);
  });

  it('an unknown service', async () => {
    await expectRefused(
      await post(buildAlipayDelivery({ service: 'alipay.trade.pay' as AlipayPost['service'], biz_content: '<XML/>' })),
      400,
      'unsupported service',
    );
  });

  it('an AppId of another account', async () => {
    await expectRefused(
      await post(
        buildAlipayDelivery(
          notify(fields('text', { AppId: '2099999999999999', 'Text.Content': 'x', MsgId: nextMsgId() })),
        ),
      ),
      400,
      'AppId does not match the account',
    );
  });

  it('an oversized body', async () => {
    await expectRefused(
      await post(
        buildAlipayDelivery(notify(fields('text', { 'Text.Content': '长'.repeat(40 * 1024), MsgId: nextMsgId() }))),
      ),
      413,
      /too large/i,
    );
  });

  it('an unknown account', async () => {
    await expectRefused(await post(good(), 'no-such-account'), 404, 'unknown account');
  });
});
