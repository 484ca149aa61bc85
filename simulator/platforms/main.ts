import { parseArgs } from 'node:util';
import { simulatedChannels } from '../account';
import { PLATFORMS_READY_PREFIX, startPlatforms } from './platform-server';

/**
 * Plays WeChat's, Weibo's and Alipay's APIs for replies and media on one local port, printing each
 * call Yiwang makes. Start the server with YIWANG_PLATFORM_URL set to the printed URL.
 *   tsx simulator/platforms/main.ts [--port 7400]   (0: any free port)
 */
const { values } = parseArgs({ options: { port: { type: 'string', default: '7400' } } });
const platforms = await startPlatforms(simulatedChannels(), Number(values.port));
console.log(`platform APIs at ${platforms.url} — start the server with YIWANG_PLATFORM_URL=${platforms.url}`);
// The line `npm start -- --demo` waits for (with --port 0 it learns the port from it).
console.log(`${PLATFORMS_READY_PREFIX}${platforms.url}`);
let shown = 0;
const timer = setInterval(() => {
  for (const call of platforms.calls.slice(shown)) {
    console.log(
      `${call.at} ${call.channel} ${call.api} ${call.authorised ? 'authorised' : 'REFUSED'} → ${call.answer}${call.text ? `: ${call.text.slice(0, 40)}` : ''}`,
    );
  }
  shown = platforms.calls.length;
}, 500);
const stop = () => {
  clearInterval(timer);
  void platforms.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
