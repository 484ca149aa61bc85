import { Agent, request } from 'node:http';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Channel } from '../../shared/model';
import { percentile } from '../../shared/text';
import { deliveryOf, type BuildOptions, type ChannelDelivery } from '../../simulator/citizen-message';
import { DEMO_CHANNELS, newCitizen } from '../support/outbound-fixture';
import { startServer } from '../support/server-process';
import { testBackends, type TestBackend } from '../support/test-database';
import { processCpuMs } from './process-cpu';

/** Deliveries per channel for the throughput run; the paced run sends WeChat plain for PACED_SECONDS. */
const COUNT = 6_000;
/** Sent untimed before each channel's run: a fresh server's first seconds are JIT compilation, not its rate. */
const WARM_UP = 1_000;
const CONCURRENCY = 32;
const TARGET_PER_SECOND = 2_000;
const PACED_SECONDS = 5;
/** WeChat gives up on a push after this long and retries it. */
const WECHAT_TIMEOUT_MS = 5_000;

const RUNS: { name: string; channel: Channel; options?: BuildOptions }[] = [
  { name: 'wechat plain', channel: 'wechat' },
  { name: 'wechat safe (AES)', channel: 'wechat', options: { encrypt: true } },
  { name: 'weibo', channel: 'weibo' },
  { name: 'alipay (RSA2, GBK)', channel: 'alipay' },
];

/**
 * The channels part: the real server on SQLite, in its own process, signature checks on, every
 * delivery a new text message from a new citizen (each stored and filed as a request). Prints
 * accepted deliveries per second per channel at full load with the server's CPU time per delivery
 * (steadier than the rate when the machine is shared), then the p99 time to answer while WeChat
 * plain pushes arrive at 2,000 per second — far under WeChat's 5-second limit is the requirement.
 */
export async function channelsBench(): Promise<void> {
  const rates: Partial<Record<TestBackend['name'], number>> = {};
  for (const backend of testBackends()) rates[backend.name] = await onBackend(backend);
  if (rates.postgres !== undefined)
    console.log(
      `channels: wechat plain intake PostgreSQL/SQLite time ratio ${(rates.sqlite! / rates.postgres).toFixed(2)}× ` +
        `(${rates.sqlite!.toFixed(0)}/s SQLite, ${rates.postgres.toFixed(0)}/s PostgreSQL, same run)`,
    );
}

/**
 * Every channel and the paced run on SQLite; on PostgreSQL WeChat plain alone, for the ratio between
 * them. Resolves with WeChat plain's accepted deliveries per second.
 */
async function onBackend(backend: TestBackend): Promise<number> {
  const database = await backend.create();
  const server = await startServer({ DATABASE_URL: database.url });
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(server.url);
  let wechatPlain = 0;
  try {
    for (const run of backend.name === 'sqlite' ? RUNS : RUNS.slice(0, 1)) {
      await closedLoop(build(run.channel, WARM_UP, run.options));
      const deliveries = build(run.channel, COUNT, run.options);
      const cpuBefore = processCpuMs(server.child.pid!);
      const started = performance.now();
      const times = await closedLoop(deliveries);
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = processCpuMs(server.child.pid!);
      const cpu =
        cpuBefore === null || cpuAfter === null
          ? ''
          : `  server CPU ${(((cpuAfter - cpuBefore) * 1000) / COUNT).toFixed(0)} µs/delivery`;
      if (run === RUNS[0]) wechatPlain = COUNT / seconds;
      console.log(
        `channels/${backend.name}: ${run.name.padEnd(20)} ${(COUNT / seconds).toFixed(0).padStart(6)} accepted/s  p50 ${fmt(percentile(times, 50))}  p99 ${fmt(percentile(times, 99))}  (${CONCURRENCY} in flight)${cpu}`,
      );
    }
    if (backend.name !== 'sqlite') return wechatPlain;
    const paced = build('wechat', TARGET_PER_SECOND * PACED_SECONDS);
    const times = await openLoop(paced, TARGET_PER_SECOND);
    const p99 = percentile(times, 99);
    console.log(
      `channels: wechat plain at ${TARGET_PER_SECOND}/s for ${PACED_SECONDS} s: p50 ${fmt(percentile(times, 50))}  p99 ${fmt(p99)}  max ${fmt(Math.max(...times))}  (WeChat gives up at ${WECHAT_TIMEOUT_MS} ms)`,
    );
    return wechatPlain;
  } finally {
    agent.destroy();
    await server.stop();
    await database.drop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }

  function post(delivery: ChannelDelivery): Promise<number> {
    const started = performance.now();
    const body = typeof delivery.body === 'string' ? Buffer.from(delivery.body) : Buffer.from(delivery.body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: `/channels/${delivery.channel}/${delivery.accountKey}?${new URLSearchParams(delivery.query)}`,
          headers: { 'content-type': delivery.contentType ?? 'text/xml', 'content-length': body.length },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(performance.now() - started)
              : reject(new Error(`${delivery.channel}: HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  async function closedLoop(deliveries: ChannelDelivery[]): Promise<number[]> {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < deliveries.length) times.push(await post(deliveries[next++]!));
      }),
    );
    return times;
  }

  /** Sends at a fixed rate whatever the answers do, as the platform's servers would. */
  async function openLoop(deliveries: ChannelDelivery[], perSecond: number): Promise<number[]> {
    const started = performance.now();
    const pending: Promise<number>[] = [];
    for (let i = 0; i < deliveries.length; i++) {
      const due = started + (i * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      pending.push(post(deliveries[i]!));
    }
    return Promise.all(pending);
  }
}

/** Built before the clock starts: signing (RSA2 above all) is the platform's work, not the server's. */
function build(channel: Channel, count: number, options: BuildOptions = {}): ChannelDelivery[] {
  return Array.from({ length: count }, (_, i) =>
    deliveryOf(
      DEMO_CHANNELS,
      {
        channel,
        citizen: newCitizen(channel),
        kind: 'text',
        text: `第${i}条：小区门口的路灯坏了一个星期了`,
        sentAt: new Date(),
      },
      options,
    ),
  );
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
