import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/model';
import { citizenWrites } from '../support/citizen-writes';
import { newCitizen, serverWithPlatforms } from '../support/outbound-fixture';
import { testBackends } from '../support/test-database';

// The real server process replying through the simulator's WeChat, Weibo and Alipay APIs: what each
// platform received is asserted from the simulator's record of calls.

describe.each(testBackends())('outbound replies on $name', (backend) => {
  const replies = serverWithPlatforms(backend, { YIWANG_MEDIA_POLL_MS: '50', YIWANG_MEDIA_RETRY_BASE_MS: '50' });

  const sendsTo = (channel: Channel, citizen: string) =>
    replies.platforms.calls.filter((c) => c.channel === channel && c.api === 'send' && c.recipient === citizen);

  async function replyTo(channel: Channel, citizen: string, text: string) {
    const request = await replies.operator.requestOf(channel, citizen);
    const { decision, result } = await replies.operator.decide(request, { kind: 'reply', text });
    expect(result.outcome).toBe('applied');
    return { request, decision };
  }

  const settled = (id: string) =>
    replies.operator.waitFor(id, (r) => r.replyDelivery !== null && r.replyDelivery.status !== 'queued');

  it.each(['weibo', 'wechat', 'alipay'] as const)(
    'sends a %s reply once, with the credentials the platform checks, and shows it sent',
    async (channel) => {
      const citizen = newCitizen(channel);
      await citizenWrites(replies.server.url, { channel, citizen, kind: 'text', text: '小区路灯坏了一个星期' });
      const { request, decision } = await replyTo(channel, citizen, '您好，已转城管部门处理。<script>');
      expect((await settled(request.id)).replyDelivery).toMatchObject({
        status: 'sent',
        errorCode: null,
        decisionId: decision.id,
        attempts: 1,
      });
      // The workstation pushing the same decision again (a lost answer) sends nothing more.
      expect((await replies.operator.pushAgain(decision)).outcome).toBe('replay');
      await new Promise((r) => setTimeout(r, 300));
      expect(sendsTo(channel, citizen)).toEqual([
        expect.objectContaining({
          authorised: true,
          text: '您好，已转城管部门处理。<script>',
          answer: channel === 'alipay' ? '10000' : '0',
        }),
      ]);
    },
  );

  it('retries with back-off after platform errors and sends once', async () => {
    const citizen = newCitizen('wechat');
    await citizenWrites(replies.server.url, { channel: 'wechat', citizen, kind: 'text', text: '公交站牌被撞倒了' });
    replies.platforms.failNextSends('wechat', 2, '-1');
    const { request } = await replyTo('wechat', citizen, '收到，已通知公交集团。');
    expect((await settled(request.id)).replyDelivery).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sendsTo('wechat', citizen).map((c) => c.answer)).toEqual(['-1', '-1', '0']);
  });

  it('shows a refusal with the platform error code and does not retry it', async () => {
    const citizen = newCitizen('wechat');
    await citizenWrites(replies.server.url, { channel: 'wechat', citizen, kind: 'text', text: '噪音扰民' });
    replies.platforms.failNextSends('wechat', 1, '45015');
    const { request } = await replyTo('wechat', citizen, '已转生态环境局。');
    expect((await settled(request.id)).replyDelivery).toMatchObject({
      status: 'failed',
      errorCode: '45015',
      attempts: 1,
    });
    expect(sendsTo('wechat', citizen)).toHaveLength(1);
  });

  it('does not send when the 48-hour window closed, and says so in pull', async () => {
    const citizen = newCitizen('wechat');
    await citizenWrites(replies.server.url, {
      channel: 'wechat',
      citizen,
      kind: 'text',
      text: '两天前的问题',
      sentAt: new Date(Date.now() - 49 * 3600_000),
    });
    const { request, decision } = await replyTo('wechat', citizen, '抱歉回复晚了');
    const pulled = await settled(request.id);
    expect(Date.now() - Date.parse(pulled.contact.lastMessageAt!)).toBeGreaterThan(48 * 3600_000);
    expect(pulled.replyDelivery).toMatchObject({
      status: 'not-allowed',
      errorCode: 'expired',
      decisionId: decision.id,
    });
    expect(sendsTo('wechat', citizen)).toHaveLength(0);
  });

  it('answers a Weibo @mention once: a second reply is not allowed', async () => {
    const citizen = newCitizen('weibo');
    await citizenWrites(replies.server.url, {
      channel: 'weibo',
      citizen,
      kind: 'mention',
      text: '@城市发布 小区门口垃圾三天没人清了',
    });
    const { request } = await replyTo('weibo', citizen, '已转城管部门。');
    expect((await settled(request.id)).replyDelivery).toMatchObject({ status: 'sent' });
    const replied = await replies.operator.waitFor(request.id, (r) => r.contact.lastReplySentAt !== null);
    await replies.operator.decide(replied, { kind: 'reply', text: '补充一句' });
    const again = await replies.operator.waitFor(request.id, (r) => r.replyDelivery?.status === 'not-allowed');
    expect(again.replyDelivery?.errorCode).toBe('mention-answered');
    expect(sendsTo('weibo', citizen)).toHaveLength(1);
  });

  it('holds one WeChat access token, and fetches a new one when WeChat refuses it', async () => {
    const tokenCalls = () => replies.platforms.calls.filter((c) => c.channel === 'wechat' && c.api === 'token').length;
    const citizens = [newCitizen('wechat'), newCitizen('wechat')];
    for (const citizen of citizens)
      await citizenWrites(replies.server.url, { channel: 'wechat', citizen, kind: 'text', text: '咨询社保' });
    const held = Math.max(tokenCalls(), 1); // earlier tests may have fetched it already
    for (const citizen of citizens) {
      const { request } = await replyTo('wechat', citizen, '请拨打12333');
      expect((await settled(request.id)).replyDelivery?.status).toBe('sent');
    }
    expect(tokenCalls()).toBe(held);

    replies.platforms.expireTokens();
    const citizen = newCitizen('wechat');
    await citizenWrites(replies.server.url, { channel: 'wechat', citizen, kind: 'text', text: '咨询公积金' });
    const { request } = await replyTo('wechat', citizen, '请拨打12329');
    expect((await settled(request.id)).replyDelivery).toMatchObject({ status: 'sent', attempts: 1 });
    expect(tokenCalls()).toBe(held + 1);
    expect(sendsTo('wechat', citizen).map((c) => c.answer)).toEqual(['40001', '0']);
  });

  it('fetches attachments in the background, retrying a failed fetch, and serves them to signed-in workstations only', async () => {
    const citizen = newCitizen('weibo');
    replies.platforms.failNextMedia('weibo', 1);
    await citizenWrites(replies.server.url, {
      channel: 'weibo',
      citizen,
      kind: 'image',
      text: '发了一张图片',
      mediaId: '9223372036854775001',
    });
    const request = await replies.operator.requestOf('weibo', citizen);
    expect(request.attachments).toEqual([{ kind: 'image', mediaId: '9223372036854775001', url: null }]);
    const fetched = await replies.operator.waitFor(
      request.id,
      (r) => r.attachments[0]?.kind === 'image' && r.attachments[0].url !== null,
    );
    const url = (fetched.attachments[0] as { url: string }).url;
    expect(url).toMatch(/^\/api\/media\/[0-9a-f]{64}$/);
    expect(
      replies.platforms.calls.filter((c) => c.api === 'media' && c.text === '9223372036854775001').map((c) => c.answer),
    ).toEqual(['500', '0']);
    const unsigned = await fetch(replies.server.url + url);
    expect(unsigned.status).toBe(401);
    const signed = await fetch(replies.server.url + url, {
      headers: { authorization: `Bearer ${replies.operator.token}` },
    });
    expect(signed.status).toBe(200);
    expect(signed.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await signed.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('keeps likely junk out of the queue with a reason', async () => {
    const cases = [
      ['加微信 abc12345 领取优惠券，日赚500', 'advertising'],
      ['真人荷官在线，首充送88', 'gambling'],
      ['你好！！', 'empty-greeting'],
      ['你好，我家楼下的井盖丢了', null],
    ] as const;
    for (const [text, reason] of cases) {
      const citizen = newCitizen('weibo');
      await citizenWrites(replies.server.url, { channel: 'weibo', citizen, kind: 'text', text });
      expect(await replies.operator.requestOf('weibo', citizen)).toMatchObject({
        status: reason ? 'junk' : 'new',
        junkReason: reason,
      });
    }
    const follower = newCitizen('wechat');
    await citizenWrites(replies.server.url, { channel: 'wechat', citizen: follower, kind: 'follow', text: '' });
    expect(await replies.operator.requestOf('wechat', follower)).toMatchObject({
      status: 'junk',
      junkReason: 'subscribe-event',
    });
  });
});
