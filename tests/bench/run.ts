import { channelsBench } from './channels-bench';
import { searchBench } from './search-bench';
import { suggestBench } from './suggest-bench';
import { syncBench } from './sync-bench';
import { realTriageBench, triageBench } from './triage-bench';

/**
 * npm run bench [-- part …]: the workstation's benchmarks. With no part named, all of them.
 *   triage  keyboard triage: key presses on a stream of real board posts, then over 100,000 cached generated requests (key presses, key → paint latency, start-up)
 *   triage-real  the real stream alone
 *   search  full-text search over 1,000,000 cached requests
 *   channels  webhook deliveries accepted per second per channel (and the server's CPU per delivery), the p99 answer time at 2,000/s; WeChat plain on PostgreSQL too (YIWANG_TEST_DATABASE_URL) and the ratio
 *   suggest the suggestion's cost on the workstation: model predictions and the whole request.context
 *   sync    10,000 decisions after an outage and a 100,000-request bootstrap (SQLite, and PostgreSQL when YIWANG_TEST_DATABASE_URL is set, with the ratios), one push round trip
 */
const PARTS: Record<string, () => Promise<void>> = {
  triage: triageBench,
  'triage-real': realTriageBench,
  search: searchBench,
  suggest: suggestBench,
  sync: syncBench,
  channels: channelsBench,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((part) => !(part in PARTS));
if (unknown.length > 0) {
  console.error(`bench: no part ${unknown.join(', ')}; parts are ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
// triage runs the real stream too, so all parts leave triage-real out.
for (const part of asked.length > 0 ? asked : Object.keys(PARTS).filter((part) => part !== 'triage-real')) {
  console.log(`\n── bench ${part}`);
  await PARTS[part]!();
}
