import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { monotonicFactory } from 'ulid';
import { LoginResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { decisions } from '../../electron/host/decisions';
import { applyPull } from '../../electron/host/sync/apply-pull';
import { syncClient } from '../../electron/host/sync/sync-client';
import { openDatabase } from '../../server/db/open-database';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { seedBacklog } from '../support/seed-backlog';
import { startServer } from '../support/server-process';
import { testBackends, type TestBackend } from '../support/test-database';

const QUEUED = 10_000;
const ARCHIVE = 100_000;
const ROUND_TRIPS = 200;
const ulid = monotonicFactory();

/**
 * The sync part: after an outage, 10,000 queued decisions pushed and applied (SQLite, and
 * PostgreSQL when YIWANG_TEST_DATABASE_URL names one); a fresh workstation bootstrapping 100,000
 * requests; one push round trip. Figures only: nothing here asserts a wall time.
 */
export async function syncBench(): Promise<void> {
  const push: Partial<Record<TestBackend['name'], number>> = {};
  const pull: Partial<Record<TestBackend['name'], number>> = {};
  for (const backend of testBackends()) push[backend.name] = await afterOutage(backend);
  for (const backend of testBackends()) pull[backend.name] = await bootstrap(backend);
  await roundTrip();
  if (push.postgres !== undefined && pull.postgres !== undefined)
    console.log(
      `sync: PostgreSQL/SQLite time ratio, same run: push ${(push.postgres / push.sqlite!).toFixed(2)}×, ` +
        `bootstrap ${(pull.postgres / pull.sqlite!).toFixed(2)}×`,
    );
}

/** The workstation's outbox holds 10,000 decisions made offline; the server is back: how fast do they land? */
async function afterOutage(backend: TestBackend): Promise<number> {
  const database = await backend.create();
  const server = await startServer({ DATABASE_URL: database.url, YIWANG_DEMO: '1' });
  const db = openDatabase(database.url);
  let host: HostProcess | null = null;
  try {
    await seedBacklog(db, QUEUED);
    const signIn = await login(server.url, 'op1', null);
    await queueOffline(server.url, signIn);
    const started = performance.now();
    host = await startHostProcess({ serverUrl: server.url, dataDir: signIn.dir, pollMs: 60_000, holdMs: 0 });
    const hostUp = performance.now();
    await until(async () => ok(await host!.call('sync.status', {})).outbox === 0);
    const drained = performance.now();
    const applied = await db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('device_id', '=', signIn.deviceId)
      .where('outcome', '=', 'applied')
      .executeTakeFirstOrThrow();
    const seconds = (drained - hostUp) / 1000;
    console.log(
      `sync/${backend.name}: ${QUEUED} queued decisions pushed and applied in ${seconds.toFixed(2)} s ` +
        `(${Math.round(QUEUED / seconds)} decisions/s; ${Number(applied.n)} applied; host start ${((hostUp - started) / 1000).toFixed(2)} s not counted)`,
    );
    return seconds;
  } finally {
    await host?.stop();
    await db.destroy();
    await server.stop();
    await database.drop();
  }
}

/**
 * Fills a workstation cache the way the host does (pull, then decide while offline), in this
 * process so the 10,000 decisions take seconds rather than 10,000 API calls.
 */
async function queueOffline(serverUrl: string, signIn: SignIn): Promise<void> {
  const cache = openWorkstationCache(signIn.dir, serverUrl);
  cache.session.save({ operator: signIn.login.operator, token: signIn.token, serverUrl });
  cache.operatorTokens.save(signIn.login.operator, signIn.token);
  const client = syncClient(serverUrl);
  const ids: string[] = [];
  for (let more = true; more;) {
    const state = cache.syncState.get();
    const page = await client.pull(signIn.token, {
      cursor: state.cursor,
      directoryVersion: state.directoryVersion,
      limit: 1000,
    });
    applyPull(cache, page);
    ids.push(...page.requests.map((r) => r.id));
    more = page.hasMore;
  }
  const made = decisions({ cache, holdMs: 0 });
  for (const requestId of ids.slice(0, QUEUED))
    made.decide(requestId, { kind: 'transfer', unitId: 'city-public-security', note: null });
  cache.close();
}

/** A fresh workstation signs in against an archive of 100,000 requests and pulls it all. */
async function bootstrap(backend: TestBackend): Promise<number> {
  const database = await backend.create();
  const server = await startServer({ DATABASE_URL: database.url, YIWANG_DEMO: '1' });
  const db = openDatabase(database.url);
  const host = await startHostProcess({ serverUrl: server.url, pollMs: 60_000, holdMs: 0 });
  try {
    let newest = '';
    for (let seeded = 0; seeded < ARCHIVE; seeded += 10_000) newest = (await seedBacklog(db, 10_000)).at(-1)!;
    let shownProgress = false;
    const started = performance.now();
    ok(await host.call('session.signIn', { name: 'op1', password: 'op1' }));
    // The status the progress bar reads, sampled while the pull runs.
    const sampler = setInterval(() => {
      void host.call('sync.status', {}).then((reply) => {
        if (reply.ok && reply.value.catchUp) shownProgress = true;
      });
    }, 200);
    const status = ok(await host.call('sync.now', {}));
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const all = ok(await host.call('queue.window', { view: 'all', offset: 0, limit: 1 })).total;
    // The catch-up leaves search indexing to the background: the archive is searchable once the newest request is found.
    await until(
      async () => ok(await host.call('search.requests', { query: newest, filters: {}, limit: 1 })).items.length > 0,
      100,
    );
    const searchable = (performance.now() - started) / 1000;
    console.log(
      `sync/bootstrap/${backend.name}: ${all} requests pulled into a fresh workstation in ${seconds.toFixed(2)} s ` +
        `(${Math.round(all / seconds)} requests/s; progress shown: ${shownProgress}; outbox ${status.outbox}); all searchable at ${searchable.toFixed(2)} s`,
    );
    return seconds;
  } finally {
    await host.stop();
    await db.destroy();
    await server.stop();
    await database.drop();
  }
}

/** One decision pushed and answered, over HTTP on this machine, SQLite. */
async function roundTrip(): Promise<void> {
  const [sqlite] = testBackends();
  const database = await sqlite!.create();
  const server = await startServer({ DATABASE_URL: database.url, YIWANG_DEMO: '1' });
  const db = openDatabase(database.url);
  try {
    const ids = await seedBacklog(db, ROUND_TRIPS);
    const signIn = await login(server.url, 'op1', 'ws-bench');
    const times: number[] = [];
    let seq = 0;
    for (const requestId of ids) {
      const decision = {
        id: ulid(),
        deviceId: signIn.deviceId,
        seq: ++seq,
        requestId,
        baseVersion: 0,
        operatorId: signIn.login.operator.id,
        madeAt: new Date().toISOString(),
        kind: 'accept',
      };
      const started = performance.now();
      PushResponse.parse(
        await post(server.url, SYNC_PATHS.push, { deviceId: signIn.deviceId, decisions: [decision] }, signIn.token),
      );
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
    console.log(
      `sync/round-trip: one decision pushed and answered: median ${at(0.5)} ms, p95 ${at(0.95)} ms (${ROUND_TRIPS} pushes)`,
    );
  } finally {
    await db.destroy();
    await server.stop();
    await database.drop();
  }
}

interface SignIn {
  deviceId: string;
  /** The workstation folder whose cache owns the device id. */
  dir: string;
  token: string;
  login: LoginResponse;
}

async function login(serverUrl: string, name: string, deviceId: string | null): Promise<SignIn> {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-bench-ws-'));
  // The device id must be the cache's own, so the cache is opened once to learn it.
  const id =
    deviceId ??
    (() => {
      const cache = openWorkstationCache(dir, serverUrl);
      const made = cache.device.id;
      cache.close();
      return made;
    })();
  const answer = LoginResponse.parse(await post(serverUrl, SYNC_PATHS.login, { name, password: name, deviceId: id }));
  return { deviceId: id, dir, token: answer.token, login: answer };
}

async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

function ok<T>(reply: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

async function until(probe: () => Promise<boolean>, everyMs = 50): Promise<void> {
  while (!(await probe())) await new Promise((r) => setTimeout(r, everyMs));
}
