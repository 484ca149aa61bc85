import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../shared/model';
import { citizenWrites } from '../support/citizen-writes';
import { newCitizen, operatorSession } from '../support/outbound-fixture';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';

// Linking two channel identities as one citizen, through the real server's push and pull: every
// request of the citizen carries all their identities, on both databases.

describe.each(testBackends())('linked citizens on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let operator: Awaited<ReturnType<typeof operatorSession>>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url });
    operator = await operatorSession(server.url);
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  /** A citizen writes once on the channel; returns their channel identity and the request it made. */
  async function writes(channel: Channel, text: string): Promise<{ identity: string; request: Request }> {
    const citizen = newCitizen(channel);
    await citizenWrites(server.url, { channel, citizen, kind: 'text', text });
    return { identity: `${channel}:${citizen}`, request: await operator.requestOf(channel, citizen) };
  }

  const pulled = async (id: string) => (await operator.pull()).get(id)!;

  it('gives both requests of a Weibo uid and a WeChat OpenID linked as one citizen both identities', async () => {
    const weibo = await writes('weibo', '小区门口的路灯坏了');
    const wechat = await writes('wechat', '小区门口路灯坏了好几天了');
    expect(wechat.request.citizen.identities).toBeUndefined();

    const { result } = await operator.decide(wechat.request, { kind: 'link-citizen', citizenId: weibo.identity });
    expect(result.outcome).toBe('applied');
    const both = [weibo.identity, wechat.identity].sort();
    // Who the citizen is contradicts no decision: like a note, the link keeps the version.
    expect(result.outcome === 'applied' && result.request).toMatchObject({
      version: wechat.request.version,
      citizen: { id: wechat.identity, identities: both },
    });
    expect((await pulled(weibo.request.id)).citizen).toEqual({ id: weibo.identity, name: null, identities: both });
    expect((await pulled(wechat.request.id)).citizen.identities).toEqual(both);
  });

  it('lets a decision made before the link still apply to the other identity’s request', async () => {
    const weibo = await writes('weibo', '噪音扰民');
    const wechat = await writes('wechat', '晚上工地噪音扰民');
    await operator.decide(wechat.request, { kind: 'link-citizen', citizenId: weibo.identity });
    const { result } = await operator.decide(weibo.request, { kind: 'accept' });
    expect(result).toMatchObject({
      outcome: 'applied',
      request: { status: 'accepted', citizen: { identities: [weibo.identity, wechat.identity].sort() } },
    });
  });

  it('files a later request from a linked identity under the citizen with all identities', async () => {
    const weibo = await writes('weibo', '公交站牌被撞倒了');
    const alipay = await writes('alipay', '公交站牌倒了');
    await operator.decide(weibo.request, { kind: 'link-citizen', citizenId: alipay.identity });
    const accepted = (await operator.decide(await pulled(alipay.request.id), { kind: 'accept' })).result;
    expect(accepted.outcome).toBe('applied');
    await operator.decide(accepted.request!, { kind: 'close' });

    const citizen = alipay.identity.slice('alipay:'.length);
    await citizenWrites(server.url, { channel: 'alipay', citizen, kind: 'text', text: '站牌还是没修' });
    const requests = [...(await operator.pull()).values()].filter(
      (r) => r.citizen.id === alipay.identity && r.status === 'new',
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.citizen.identities).toEqual([weibo.identity, alipay.identity].sort());
  });

  it('makes two linked pairs one citizen when an identity of each is linked', async () => {
    const [a, b, c, d] = [
      await writes('weibo', '供暖不热'),
      await writes('wechat', '暖气不热'),
      await writes('weibo', '家里暖气温度低'),
      await writes('alipay', '暖气片冰凉'),
    ];
    await operator.decide(a.request, { kind: 'link-citizen', citizenId: b.identity });
    await operator.decide(c.request, { kind: 'link-citizen', citizenId: d.identity });
    await operator.decide(await pulled(b.request.id), { kind: 'link-citizen', citizenId: c.identity });
    const all = [a, b, c, d].map((x) => x.identity).sort();
    for (const x of [a, b, c, d]) expect((await pulled(x.request.id)).citizen.identities).toEqual(all);
  });

  it('refuses to link an identity no request came from, or a citizen to itself, and links nothing', async () => {
    const weibo = await writes('weibo', '井盖丢了');
    const unknown = (
      await operator.decide(weibo.request, { kind: 'link-citizen', citizenId: 'wechat:oNeverWroteToUs' })
    ).result;
    expect(unknown).toMatchObject({ outcome: 'rejected', reason: { code: 'unknown-request' } });
    const itself = (await operator.decide(weibo.request, { kind: 'link-citizen', citizenId: weibo.identity })).result;
    expect(itself).toMatchObject({ outcome: 'rejected', reason: { code: 'invalid-transition' } });
    expect((await pulled(weibo.request.id)).citizen.identities).toBeUndefined();
  });

  it('answers a link pushed again as a replay', async () => {
    const weibo = await writes('weibo', '路面塌陷');
    const wechat = await writes('wechat', '路面塌了一个坑');
    const { decision } = await operator.decide(weibo.request, { kind: 'link-citizen', citizenId: wechat.identity });
    expect((await operator.pushAgain(decision)).outcome).toBe('replay');
    expect((await pulled(wechat.request.id)).citizen.identities).toEqual([weibo.identity, wechat.identity].sort());
  });
});
