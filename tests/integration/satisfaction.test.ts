import { describe, expect, it } from 'vitest';
import type { Channel, Request } from '../../shared/model';
import { REPORTS_API, Summary } from '../../shared/reports/summary';
import { citizenWrites } from '../support/citizen-writes';
import { newCitizen, serverWithPlatforms } from '../support/outbound-fixture';
import { jsonClient } from '../support/json-client';
import { testBackends } from '../support/test-database';

// 回访 through the real signed webhooks: a close asks the citizen on their channel, and their answer becomes
// the request's rating instead of a new request.

describe.each(testBackends())('satisfaction after closing on $name', (backend) => {
  const replies = serverWithPlatforms(backend);

  const requestsOf = async (channel: Channel, citizen: string) =>
    [...(await replies.operator.pull()).values()].filter((r) => r.citizen.id === `${channel}:${citizen}`);

  /** The citizen writes, the operator relays an answer and closes; resolves once the question reached the platform. */
  async function closedAndAsked(channel: Channel, citizen: string): Promise<Request> {
    await citizenWrites(replies.server.url, { channel, citizen, text: '小区路灯坏了一个星期' });
    const request = await replies.operator.requestOf(channel, citizen);
    const { result: replied } = await replies.operator.decide(request, {
      kind: 'reply',
      text: '经市城管局核实：已修复。',
    });
    expect(replied.outcome).toBe('applied');
    const { result: closed } = await replies.operator.decide(
      await replies.operator.waitFor(request.id, (r) => r.replyDelivery?.status === 'sent'),
      { kind: 'close' },
    );
    expect(closed.outcome).toBe('applied');
    await expect
      .poll(() =>
        replies.platforms.calls
          .filter((c) => c.channel === channel && c.api === 'send' && c.recipient === citizen)
          .map((c) => c.text),
      )
      .toEqual([
        '经市城管局核实：已修复。',
        `您反映的问题（编号${request.number}）已办结，请回复数字评价：1 满意 2 基本满意 3 不满意`,
      ]);
    // The question is not the request's reply: the workstation still shows the relayed answer's delivery.
    expect(
      (await replies.operator.waitFor(request.id, (r) => r.status === 'closed')).replyDelivery?.decisionId,
    ).not.toBe(closed.decisionId);
    return request;
  }

  it.each(['wechat', 'alipay'] as const)(
    'stores a %s citizen’s "1" as the rating, not as a new request',
    async (channel) => {
      const citizen = newCitizen(channel);
      const request = await closedAndAsked(channel, citizen);
      await citizenWrites(replies.server.url, { channel, citizen, text: ' 1 ' });
      const rated = await replies.operator.waitFor(request.id, (r) => r.rating !== null);
      expect(rated).toMatchObject({ status: 'closed', flagged: false, rating: { score: 'satisfied', via: 'channel' } });
      expect(await requestsOf(channel, citizen)).toHaveLength(1);

      // The question has its answer: a second digit is an ordinary message, a new request.
      await citizenWrites(replies.server.url, { channel, citizen, text: '2' });
      await expect.poll(async () => (await requestsOf(channel, citizen)).length).toBe(2);
      expect((await replies.operator.waitFor(request.id, () => true)).rating?.score).toBe('satisfied');
    },
  );

  it('reopens the request to the queue, flagged, on 不满意, with the system’s decisions in the log', async () => {
    const citizen = newCitizen('wechat');
    const request = await closedAndAsked('wechat', citizen);
    await citizenWrites(replies.server.url, { channel: 'wechat', citizen, text: '不满意！' });
    const reopened = await replies.operator.waitFor(request.id, (r) => r.status === 'new');
    expect(reopened).toMatchObject({
      flagged: true,
      rating: { score: 'dissatisfied', via: 'channel' },
      timeline: { closedAt: null },
    });
    expect(await requestsOf('wechat', citizen)).toHaveLength(1);
    const log = await replies.db
      .selectFrom('decisions')
      .select(['kind', 'actor', 'outcome'])
      .where('request_id', '=', request.id)
      .where('actor', '=', 'system')
      .orderBy('seq')
      .execute();
    expect(log).toEqual([
      { kind: 'citizen-rating', actor: 'system', outcome: 'applied' },
      { kind: 'reopen', actor: 'system', outcome: 'applied' },
    ]);
  });

  it('records a phone callback, and the summary counts the ratings', async () => {
    const citizen = newCitizen('wechat');
    const request = await closedAndAsked('wechat', citizen);
    const { result } = await replies.operator.decide(await replies.operator.waitFor(request.id, () => true), {
      kind: 'record-callback',
      score: 'basically-satisfied',
      note: '电话回访：基本满意',
    });
    expect(result.outcome).toBe('applied');
    expect((await replies.operator.waitFor(request.id, (r) => r.rating !== null)).rating).toMatchObject({
      score: 'basically-satisfied',
      via: 'phone',
      note: '电话回访：基本满意',
    });

    // Yesterday and today in Beijing: this file's fresh database holds nothing older, and a run across midnight passes.
    const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const [from, to] = [beijingDate(Date.now() - 86_400_000), beijingDate(Date.now())];
    const response = await jsonClient(replies.server.url).get(
      `${REPORTS_API}/summary?from=${from}&to=${to}`,
      replies.operator.token,
    );
    expect(response.status).toBe(200);
    // wechat "1", alipay "1" (satisfied), 不满意, and the phone callback's 基本满意; the two "2"s are new requests.
    expect(Summary.parse(response.body)).toMatchObject({ rated: 4, satisfied: 3, satisfactionRate: 0.75 });
  });
});
