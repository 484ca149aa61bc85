import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/model';
import { deliveryOf } from '../../simulator/citizen-message';
import { HOSTILE, random, type RawDelivery } from '../support/hostile-deliveries';
import { DEMO_CHANNELS, newCitizen } from '../support/outbound-fixture';
import { webhookServer } from '../support/webhook-server';

// 10,000 generated hostile deliveries per webhook against one real server process, sent 16 at a
// time, with a valid delivery every 50th (one in ten of those sent twice, as a platform retry).
// Nothing may crash or answer 5xx, no hostile delivery may be stored, every valid one exactly once.

const HOSTILE_PER_CHANNEL = 10_000;
const VALID_EVERY = 50;
const CONCURRENCY = 16;
const SEED = Number(process.env.YIWANG_FUZZ_SEED ?? 20_261_128);

const webhook = webhookServer();

async function post(delivery: RawDelivery): Promise<number> {
  const { channel, accountKey, query, body, contentType } = delivery;
  return (await webhook.post(channel, accountKey, { query, body: new Uint8Array(body), contentType })).status;
}

/** Runs the jobs with at most `limit` in flight. */
async function pool<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

describe.each(['wechat', 'weibo', 'alipay'] as const)('%s webhook under fuzzing', (channel: Channel) => {
  it(`survives ${HOSTILE_PER_CHANNEL} hostile deliveries and stores the valid ones between them exactly once`, async () => {
    const r = random(SEED + channel.length);
    const messagesBefore = webhook.totalMessages();
    const citizens: string[] = [];
    const jobs: (() => Promise<{ status: number; what: string; valid: boolean }>)[] = [];
    for (let i = 0; i < HOSTILE_PER_CHANNEL; i++) {
      const hostile = HOSTILE[channel](r);
      jobs.push(async () => ({ status: await post(hostile), what: hostile.what, valid: false }));
      if (i % VALID_EVERY === 0) {
        const citizen = newCitizen(channel);
        citizens.push(citizen);
        const valid = deliveryOf(DEMO_CHANNELS, {
          channel,
          citizen,
          kind: 'text',
          text: `第${i}条：路灯不亮`,
          sentAt: new Date(),
        });
        const raw: RawDelivery = {
          channel,
          accountKey: valid.accountKey,
          query: Object.fromEntries(new URLSearchParams(valid.query)),
          body: Buffer.from(valid.body),
          contentType: valid.contentType ?? 'text/xml',
          what: 'valid',
        };
        const sends = i % (VALID_EVERY * 10) === 0 ? 2 : 1;
        for (let s = 0; s < sends; s++)
          jobs.push(async () => ({ status: await post(raw), what: 'valid', valid: true }));
      }
    }
    const results = await pool(jobs, CONCURRENCY);

    const failures = results.filter((x) => x.status >= 500 || (x.valid && x.status !== 200));
    expect(failures.slice(0, 5)).toEqual([]);
    const hostileStatuses = new Set(results.filter((x) => !x.valid).map((x) => x.status));
    expect([...hostileStatuses].every((s) => s === 200 || (s >= 400 && s < 500))).toBe(true);

    const stored = webhook.db
      .prepare(`select citizen_id, count(*) as n from messages where citizen_id like ? || ':%' group by citizen_id`)
      .all(channel) as { citizen_id: string; n: number }[];
    const messagesAfter = webhook.totalMessages();
    expect(messagesAfter - messagesBefore).toBe(citizens.length);
    const counts = new Map(stored.map((row) => [row.citizen_id, row.n]));
    expect(citizens.filter((c) => counts.get(`${channel}:${c}`) !== 1)).toEqual([]);
    expect(webhook.server.child.exitCode).toBeNull();
    expect(webhook.server.output()).not.toContain('webhook failed');
  }, 120_000);
});
