import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchFilters } from '../../shared/api/workstation-api';
import { percentile } from '../../shared/text';
import { openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { makeRequest, seedWorkstation } from '../support/seeded-workstation';
import { NO_SERVER } from '../support/triage-fixtures';
import { requestStream } from './request-stream';

const CACHED = 1_000_000;
const RESULTS = 30;
const ROUNDS = 5;
/** Built once and kept: a million requests take minutes to index. Delete the folder to rebuild. */
const DATA_DIR = '.data/bench/search-1m';

const LONG: readonly [string, SearchFilters][] = [
  ['路灯坏了', {}],
  ['油烟太大', {}],
  ['拖欠工资', {}],
  ['手机被偷', {}],
  ['公积金提取', {}],
  ['不动产证', {}],
  ['消防通道', {}],
  ['港澳通行证', {}],
  ['缺斤短两', {}],
  ['锦绣花园', {}],
  ['滨江苑', {}],
  ['退役军人', {}],
  ['张先生12', {}],
  ['YW-20261128-0004', {}],
  ['流浪狗', {}],
  ['电梯坏了', {}],
  ['不存在的说法', {}],
  ['路灯坏了', { channel: 'weibo' }],
  ['拖欠工资', { status: 'closed' }],
  ['油烟太大', { unitId: 'city-ecology', channel: 'alipay' }],
];
const SHORT: readonly [string, SearchFilters][] = [
  ['灯', {}],
  ['狗', {}],
  ['路', {}],
  ['证', {}],
  ['油烟', {}],
  ['工资', {}],
  ['护照', {}],
  ['社保', {}],
  ['电梯', {}],
  ['医院', {}],
  ['噪音', {}],
  ['假货', {}],
  ['物业', {}],
  ['公交', {}],
  ['摊贩', {}],
  ['井盖', {}],
  ['灯', { channel: 'weibo' }],
  ['工资', { status: 'closed' }],
  ['狗', { unitId: 'city-urban-management' }],
  ['医院', { channel: 'alipay', status: 'transferred' }],
];

/** The search part: full-text search over 1,000,000 cached requests, as the host answers it (ids, then the requests). */
export async function searchBench(): Promise<void> {
  if (!existsSync(join(DATA_DIR, 'workstation.sqlite'))) await build();
  const cache = openWorkstationCache(DATA_DIR, NO_SERVER);
  try {
    const { n } = cache.db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number };
    console.log(`search: ${n} requests in the index`);
    const run = (queries: readonly [string, SearchFilters][]) => {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        for (const [query, filters] of queries) {
          const started = performance.now();
          cache.search.search(query, filters, RESULTS).map((id) => cache.requests.local(id));
          times.push(performance.now() - started);
        }
      }
      return times;
    };
    run([...LONG, ...SHORT]); // warm the page cache once, as a running workstation would be
    for (const [label, queries, target] of [
      ['3+ characters', LONG, 30],
      ['1–2 characters', SHORT, 100],
    ] as const) {
      const times = run(queries);
      const ms = (p: number) => percentile(times, p).toFixed(2);
      console.log(
        `search: ${label} (${times.length} queries, ${RESULTS} results each): p50 ${ms(50)} ms, p95 ${ms(95)} ms, p99 ${ms(99)} ms, max ${ms(100)} ms` +
          ` — target p95 < ${target} ms: ${percentile(times, 95) < target ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    cache.close();
  }
}

async function build(): Promise<void> {
  const started = performance.now();
  const now = Date.now();
  const CHUNK = 100_000;
  for (let from = 0; from < CACHED; from += CHUNK) {
    const stream = requestStream(CHUNK, 1000 + from, true);
    const requests = stream.map((r, i) =>
      makeRequest({ ...r.seed, receivedAt: new Date(now - (CACHED - from - i) * 30_000).toISOString() }, from + i),
    );
    seedWorkstation(requests, NO_SERVER, DATA_DIR);
    console.log(`search: indexed ${from + CHUNK} requests in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const cache = openWorkstationCache(DATA_DIR, NO_SERVER);
  cache.db.exec(
    "INSERT INTO search_trigram (search_trigram) VALUES ('optimize'); INSERT INTO search_chars (search_chars) VALUES ('optimize');",
  );
  cache.close();
}
