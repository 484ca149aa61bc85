import { setTimeout as sleep } from 'node:timers/promises';
import type { WechatAccount } from '../server/config';
import { findAccount } from './account';
import { readCsvCorpus } from './csv-corpus';
import { WECHAT_CORPUS, type CorpusMessage } from './fixtures/wechat-corpus';
import { DEFAULT_MAX_COUNT, parseOptions, USAGE, type SimulatorOptions } from './options';
import { postDelivery, type PostResult } from './post-delivery';
import { buildWechatDelivery } from './wechat-delivery';
import { nextMsgId, wechatFields } from './wechat-fields';

/**
 * Plays the WeChat platform against the central server: signed (optionally encrypted) pushes to
 * POST /channels/wechat/<account> at a steady rate, with WeChat-style retries on request.
 */

// WeChat retries a push it got no answer to; every fifth message is sent twice to exercise that.
const RETRY_EVERY = 5;

let options: SimulatorOptions;
let account: WechatAccount;
let source: readonly CorpusMessage[];
try {
  options = parseOptions(process.argv.slice(2));
  account = findAccount(options.account);
  if (options.encrypt && !account.encodingAesKey) throw new Error(`account "${account.key}" has no EncodingAESKey for encrypted pushes`);
  source = options.fromCsv ? readCsvCorpus(options.fromCsv) : WECHAT_CORPUS;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
const total = options.forever ? null : (options.count ?? Math.min(source.length, DEFAULT_MAX_COUNT));
const tally = { sent: 0, accepted: 0, duplicates: 0, errors: 0 };
const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());

function describe(message: CorpusMessage): string {
  const what = message.type === 'text' ? message.content.replace(/\s+/g, ' ').slice(0, 24) : message.type;
  return `${message.openid.slice(0, 10)}… ${what}`;
}

function report(n: number, label: string, result: PostResult): void {
  const outcome = result.ok ? `${result.status}` : `ERROR ${result.status ?? ''} ${result.error}`.trim();
  console.log(`#${n} ${label} → ${outcome} (${result.ms} ms)`);
}

async function send(fields: ReturnType<typeof wechatFields>): Promise<PostResult> {
  const delivery = buildWechatDelivery(account, fields, { encrypt: options.encrypt, now: new Date() });
  tally.sent++;
  return postDelivery(options.server, account.key, delivery);
}

console.log(
  `simulating WeChat account "${account.key}" → ${options.server}: ${total ?? 'unlimited'} messages at ${options.rate.toFixed(2)}/s` +
    `${options.encrypt ? ', encrypted' : ''}${options.retryDupes ? ', with retries' : ''}, from ${options.fromCsv ?? 'the built-in corpus'}`,
);

const intervalMs = 1000 / options.rate;
let due = performance.now();
for (let i = 0; !stop.signal.aborted && (total === null || i < total); i++) {
  if (i >= options.burst) {
    await sleep(Math.max(0, due - performance.now()), undefined, { signal: stop.signal }).catch(() => undefined);
    due += intervalMs;
    if (stop.signal.aborted) break;
  } else {
    due = performance.now() + intervalMs;
  }
  const message = source[i % source.length]!;
  const now = Date.now();
  const fields = wechatFields(message, account.originalId, Math.floor(now / 1000), nextMsgId(now));
  const first = await send(fields);
  report(i + 1, describe(message), first);
  if (first.ok) tally.accepted++;
  else tally.errors++;
  if (options.retryDupes && i % RETRY_EVERY === RETRY_EVERY - 1) {
    // Same fields, same MsgId (or FromUserName+CreateTime for events): the server must store it once.
    const again = await send(fields);
    report(i + 1, 'resent', again);
    if (again.ok) tally.duplicates++;
    else tally.errors++;
  }
}

console.log(
  `sent ${tally.sent}: accepted ${tally.accepted}, duplicates ${tally.duplicates} (resends acknowledged), errors ${tally.errors}`,
);
process.exitCode = tally.errors > 0 ? 1 : 0;
