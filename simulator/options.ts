import { parseArgs } from 'node:util';

export interface SimulatorOptions {
  server: string;
  account: string;
  /** Messages per second. */
  rate: number;
  /** Messages to send, or null for the default: the whole source, at most 100. */
  count: number | null;
  /** Keep sending, cycling the source, until stopped. */
  forever: boolean;
  /** Sent at once before the rate applies, so a fresh queue is not empty for long. */
  burst: number;
  fromCsv: string | null;
  retryDupes: boolean;
  /** Which platform plays: one, or a realistic mix (mostly Weibo). */
  channel: SimulatedChannel;
  /** Mix in junk: advertising, gambling spam, empty greetings. */
  junk: boolean;
  /** A file keeping how far through the source the simulator got, so a restart goes on from there. */
  resume: string | null;
}

export const SIMULATED_CHANNELS = ['weibo', 'wechat', 'alipay', 'mix'] as const;
export type SimulatedChannel = (typeof SIMULATED_CHANNELS)[number];

export const USAGE = `usage: npm run simulate -- [options]
  --server URL       the central server (default http://127.0.0.1:7300)
  --channel C        weibo, wechat, alipay or mix (default mix: about 80% Weibo, 15% WeChat, 5% Alipay)
  --account KEY      the WeChat account's webhook key (default demo)
  --rate N/s         messages per second, minute or hour: 2/s, 30/min, 600/h (default 1/s)
  --count N          messages to send (default: the whole source, at most 100)
  --forever          keep sending, cycling the source, until Ctrl+C
  --burst N          send the first N at once (default 0)
  --from-csv FILE    messages from a CSV with the columns 留言主题 and 留言详情
  --retry-dupes      resend every fifth message with the same MsgId, as WeChat retries
  --junk             mix in junk (advertising, gambling spam, empty greetings), about one in ten
  --resume FILE      keep the position in the source in FILE and go on from it after a restart,
                     so citizens' messages already delivered are not sent again`;

export const DEFAULT_MAX_COUNT = 100;

/** "2/s", "30/min", "600/h" or a bare number per second. */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|sec|min|m|h|hour))?$/.exec(text.trim());
  if (!match) throw new Error(`--rate: expected e.g. 2/s, 30/min or 600/h, got "${text}"`);
  const per = { s: 1, sec: 1, min: 60, m: 60, h: 3600, hour: 3600 }[match[2] ?? 's'] ?? 1;
  const rate = Number(match[1]) / per;
  if (rate <= 0) throw new Error('--rate must be more than zero');
  return rate;
}

function count(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${flag}: expected a whole number, got "${text}"`);
  return value;
}

/** Reads the command line. Throws with a readable message. */
export function parseOptions(argv: string[]): SimulatorOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string', default: 'http://127.0.0.1:7300' },
      account: { type: 'string', default: 'demo' },
      rate: { type: 'string', default: '1/s' },
      count: { type: 'string' },
      forever: { type: 'boolean', default: false },
      burst: { type: 'string', default: '0' },
      'from-csv': { type: 'string' },
      'retry-dupes': { type: 'boolean', default: false },
      channel: { type: 'string', default: 'mix' },
      junk: { type: 'boolean', default: false },
      resume: { type: 'string' },
    },
  });
  return {
    server: values.server.replace(/\/+$/, ''),
    account: values.account,
    rate: parseRate(values.rate),
    count: values.count === undefined ? null : count(values.count, '--count'),
    forever: values.forever,
    burst: count(values.burst, '--burst'),
    fromCsv: values['from-csv'] ?? null,
    retryDupes: values['retry-dupes'],
    channel: simulatedChannel(values.channel),
    junk: values.junk,
    resume: values.resume ?? null,
  };
}

function simulatedChannel(text: string): SimulatedChannel {
  const found = SIMULATED_CHANNELS.find((c) => c === text);
  if (!found) throw new Error(`--channel: expected ${SIMULATED_CHANNELS.join(', ')}, got "${text}"`);
  return found;
}
