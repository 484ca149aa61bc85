import { setTimeout as sleep } from 'node:timers/promises';
import type { ChannelsConfig } from '../server/channels/accounts';
import type { Channel } from '../shared/model';
import { simulatedChannels } from './account';
import { deliveryOf, type ChannelDelivery, type CitizenMessage } from './citizen-message';
import { readCsvCorpus } from './csv-corpus';
import { WECHAT_CORPUS, type CorpusMessage } from './fixtures/wechat-corpus';
import { DEFAULT_MAX_COUNT, parseOptions, USAGE, type SimulatorOptions } from './options';
import { postDelivery, type PostResult } from './post-delivery';
import { resumePosition } from './resume-position';
import { citizenOn, JUNK_TEXTS, messageOn, pickChannel } from './traffic-mix';

/**
 * Plays the channel platforms against the central server: signed pushes to each channel's webhook
 * at a steady rate and mix (mostly Weibo by default), with platform-style retries and junk on
 * request. The platforms' reply and media APIs are played by `tsx simulator/platforms/main.ts`.
 */

// Platforms retry a push they got no answer to; every fifth message is sent twice to exercise that.
const RETRY_EVERY = 5;
const JUNK_SHARE = 0.1;

let options: SimulatorOptions;
let channels: ChannelsConfig;
let source: readonly CorpusMessage[];
try {
  options = parseOptions(process.argv.slice(2));
  channels = simulatedChannels(options.account);
  source = options.fromCsv ? readCsvCorpus(options.fromCsv) : WECHAT_CORPUS;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
const total = options.forever ? null : (options.count ?? Math.min(source.length, DEFAULT_MAX_COUNT));
const tally = { sent: 0, accepted: 0, duplicates: 0, errors: 0 };
const byChannel: Record<Channel, number> = { weibo: 0, wechat: 0, alipay: 0 };
const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());

function describe(message: CitizenMessage): string {
  const what =
    message.kind === 'text' || message.kind === 'mention'
      ? message.text.replace(/\s+/g, ' ').slice(0, 24)
      : message.kind;
  return `${message.channel} ${message.citizen.slice(0, 10)}… ${what}`;
}

function report(n: number, label: string, result: PostResult): void {
  const outcome = result.ok ? `${result.status}` : `ERROR ${result.status ?? ''} ${result.error}`.trim();
  console.log(`#${n} ${label} → ${outcome} (${result.ms} ms)`);
}

async function send(delivery: ChannelDelivery): Promise<PostResult> {
  tally.sent++;
  return postDelivery(options.server, delivery.accountKey, delivery);
}

function next(i: number): CitizenMessage {
  const channel = pickChannel(options.channel);
  const corpus = source[i % source.length]!;
  if (options.junk && Math.random() < JUNK_SHARE) {
    return {
      channel,
      citizen: citizenOn(channel, `junk-${i}`),
      kind: 'text',
      text: JUNK_TEXTS[i % JUNK_TEXTS.length]!,
      sentAt: new Date(),
    };
  }
  return messageOn(channel, corpus, new Date());
}

console.log(
  `simulating ${options.channel === 'mix' ? 'Weibo, WeChat and Alipay' : options.channel} → ${options.server}: ${total ?? 'unlimited'} messages at ${options.rate.toFixed(2)}/s` +
    `${channels.wechat[0]?.encodingAesKey ? ', WeChat encrypted (safe mode)' : ''}${options.retryDupes ? ', with retries' : ''}${options.junk ? ', with junk' : ''}, from ${options.fromCsv ?? 'the built-in corpus'}`,
);

const intervalMs = 1000 / options.rate;
let due = performance.now();
const position = resumePosition(options.resume);
const first = position.get();
if (first > 0) console.log(`going on from message ${first + 1} (${options.resume})`);
for (let i = first; !stop.signal.aborted && (total === null || i < first + total); i++) {
  if (i - first >= options.burst) {
    await sleep(Math.max(0, due - performance.now()), undefined, { signal: stop.signal }).catch(() => undefined);
    due += intervalMs;
    if (stop.signal.aborted) break;
  } else {
    due = performance.now() + intervalMs;
  }
  const message = next(i);
  byChannel[message.channel]++;
  const delivery = deliveryOf(channels, message);
  const sent = await send(delivery);
  report(i + 1, describe(message), sent);
  if (sent.ok) {
    tally.accepted++;
    position.set(i + 1);
  } else tally.errors++;
  if (options.retryDupes && i % RETRY_EVERY === RETRY_EVERY - 1) {
    // The same delivery again (same MsgId, or sender and time): the server must store it once.
    const again = await send(delivery);
    report(i + 1, 'resent', again);
    if (again.ok) tally.duplicates++;
    else tally.errors++;
  }
}

console.log(
  `sent ${tally.sent} (Weibo ${byChannel.weibo}, WeChat ${byChannel.wechat}, Alipay ${byChannel.alipay}): ` +
    `accepted ${tally.accepted}, duplicates ${tally.duplicates} (resends acknowledged), errors ${tally.errors}`,
);
process.exitCode = tally.errors > 0 ? 1 : 0;
