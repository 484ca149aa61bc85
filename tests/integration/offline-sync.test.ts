import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRequest } from '../../shared/api/workstation-api';
import { LoginResponse, PullResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { CACHE_FILE_NAME } from '../../electron/host/cache/workstation-cache';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { startNetworkLink, type NetworkLink } from '../support/network-link';
import { seedBacklog } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { value, waitFor } from '../support/host-replies';

/**
 * The "done means": the real server and several real workstation hosts, each a separate
 * process with its own cache file, through outages, kills and concurrent operators — on SQLite and
 * on PostgreSQL (where two server instances share one database, as behind a load balancer).
 */

const UNIT = 'city-public-security';
const OTHER_UNIT = 'city-housing';

// Thousands of decisions through killed and restarted processes: minutes on a loaded 2-core machine.
const HEAVY = { timeout: 180_000 };

describe.each(testBackends())('offline triage on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  /** A second server instance on the same database (PostgreSQL), or the same one (SQLite). */
  let secondServerUrl: string;
  let second: ServerProcess | null = null;
  let db: Db;
  const hosts: HostProcess[] = [];
  const links: NetworkLink[] = [];
  const serverEnv = () => ({ DATABASE_URL: database.url, YIWANG_DEMO: '1' });

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer(serverEnv());
    db = openDatabase(database.url);
    if (backend.name === 'postgres') second = await startServer(serverEnv());
    secondServerUrl = second?.url ?? server.url;
  });

  afterAll(async () => {
    for (const host of hosts) await host.stop();
    for (const link of links) await link.close();
    await second?.stop();
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  /** A workstation on its own link to the server, signed in as `name` (demo password = name). */
  async function workstation(name: string, serverUrl = server.url, dataDir?: string) {
    const link = await startNetworkLink(serverUrl);
    links.push(link);
    const host = await startHostProcess({ serverUrl: link.url, pollMs: 300, holdMs: 0, dataDir });
    hosts.push(host);
    if (name) value(await host.call('session.signIn', { name, password: name }));
    const deviceId = value(await host.call('session.get', {})).deviceId;
    return { host, link, deviceId };
  }

  async function drained(host: HostProcess): Promise<boolean> {
    const status = value(await host.call('sync.now', {}));
    return status.online && status.outbox === 0;
  }

  async function pulled(host: HostProcess, ids: readonly string[]): Promise<void> {
    await waitFor('the backlog on the workstation', async () => {
      await host.call('sync.now', {});
      const all = new Set(value(await host.call('queue.list', { view: 'all' })).map((r) => r.id));
      return ids.every((id) => all.has(id));
    });
  }

  async function decisionsOf(deviceId: string) {
    return db
      .selectFrom('decisions')
      .select(['id', 'request_id', 'outcome', 'kind', 'operator_id'])
      .where('device_id', '=', deviceId)
      .execute();
  }

  async function count(deviceId: string): Promise<number> {
    const row = await db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('device_id', '=', deviceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Transfers each request, a few calls in flight at a time (the order across requests does not matter). */
  async function decideAll(host: HostProcess, ids: readonly string[], unitId = UNIT): Promise<void> {
    const IN_FLIGHT = 8;
    for (let i = 0; i < ids.length; i += IN_FLIGHT) {
      const replies = await Promise.all(
        ids
          .slice(i, i + IN_FLIGHT)
          .map((requestId) =>
            host.call('request.decide', { requestId, action: { kind: 'transfer', unitId, note: null } }),
          ),
      );
      replies.forEach(value);
    }
  }

  /** Each request holds exactly one applied decision from the device, and nothing else from it. */
  async function expectEachAppliedOnce(deviceId: string, ids: readonly string[]): Promise<void> {
    const rows = await decisionsOf(deviceId);
    expect(rows).toHaveLength(ids.length);
    expect(rows.every((row) => row.outcome === 'applied')).toBe(true);
    expect(new Set(rows.map((row) => row.request_id))).toEqual(new Set(ids));
    const versions = await db
      .selectFrom('requests')
      .select(['id', 'version', 'status'])
      .where('id', 'in', [...ids])
      .execute();
    expect(versions.every((r) => Number(r.version) === 1 && r.status === 'transferred')).toBe(true);
  }

  it('lets two operators triage the same backlog online without deciding any request twice, claims keeping them apart', async () => {
    const ids = await seedBacklog(db, 60);
    const a = await workstation('op1');
    // On PostgreSQL the second operator's workstation talks to the other server instance.
    const b = await workstation('op2', secondServerUrl);
    await Promise.all([pulled(a.host, ids), pulled(b.host, ids)]);

    // A third party pages through the change feed while they work: it must miss no change.
    let cursor: string | null = null;
    const seen = new Map<string, number>();
    let working = true;
    const reader = (async () => {
      const token = LoginResponse.parse(
        await post(server.url, SYNC_PATHS.login, { name: 'op3', password: 'op3', deviceId: 'ws-reader' }),
      ).token;
      for (;;) {
        const last = !working;
        let page: PullResponse;
        do {
          page = PullResponse.parse(
            await post(secondServerUrl, SYNC_PATHS.pull, { cursor, directoryVersion: 1e9, limit: 50 }, token),
          );
          for (const request of page.requests) seen.set(request.id, request.version);
          cursor = page.cursor;
        } while (page.hasMore);
        if (last) return;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const triage = async ({ host }: { host: HostProcess }) => {
      let decided = 0;
      for (const id of ids) {
        const claim = value(await host.call('request.claim', { id }));
        if (!claim.granted) continue;
        const reply = await host.call('request.decide', {
          requestId: id,
          action: { kind: 'transfer', unitId: UNIT, note: null },
        });
        if (reply.ok) decided += 1;
      }
      return decided;
    };
    const [byA, byB] = await Promise.all([triage(a), triage(b)]);
    await waitFor('both outboxes drained', async () => (await drained(a.host)) && (await drained(b.host)));
    working = false;
    await reader;

    expect(byA + byB).toBe(ids.length);
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    const rows = [...(await decisionsOf(a.deviceId)), ...(await decisionsOf(b.deviceId))];
    expect(rows.filter((r) => r.outcome === 'applied')).toHaveLength(ids.length);
    expect(rows.filter((r) => r.outcome === 'rejected')).toHaveLength(0);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(ids.length);
    expect(value(await a.host.call('conflicts.list', {}))).toEqual([]);
    for (const id of ids) expect(seen.get(id)).toBe(1);
  });

  it('shows who holds a request, lets the lease run out, and lets a second operator take it over', async () => {
    // A server instance with a 1.5 s lease on the same database.
    const short = await startServer({ ...serverEnv(), YIWANG_CLAIM_LEASE_MS: '1500' });
    try {
      const [id] = await seedBacklog(db, 1);
      const a = await workstation('op1', short.url);
      const b = await workstation('op2', short.url);
      await Promise.all([pulled(a.host, [id!]), pulled(b.host, [id!])]);

      const mine = value(await a.host.call('request.claim', { id: id! }));
      expect(mine).toMatchObject({ granted: true, offline: false, claim: { requestId: id, operatorName: '受理员一' } });
      const refused = value(await b.host.call('request.claim', { id: id! }));
      expect(refused).toMatchObject({ granted: false, claim: { operatorName: '受理员一' } });
      const shown = await waitFor('the claim in the other queue', async () => {
        await b.host.call('sync.now', {});
        const request = value(await b.host.call('request.get', { id: id! })) as LocalRequest;
        return request.claim && request;
      });
      expect(shown.claim).toMatchObject({ operatorName: '受理员一', operatorId: mine.claim!.operatorId });

      // Nothing renews op1's claim here, so asking again succeeds once the lease has run out.
      const takeover = await waitFor('the lease to run out', async () => {
        const claim = value(await b.host.call('request.claim', { id: id! }));
        return claim.granted && claim;
      });
      expect(takeover).toMatchObject({ granted: true, claim: { operatorName: '受理员二' } });
      expect(value(await a.host.call('request.claim', { id: id! }))).toMatchObject({
        granted: false,
        claim: { operatorName: '受理员二' },
      });
      expect(value(await b.host.call('request.release', { id: id! }))).toEqual({ released: true });
      expect(value(await a.host.call('request.claim', { id: id! }))).toMatchObject({ granted: true });
    } finally {
      await short.stop();
    }
  });

  it('brings back all 500 decisions of a workstation that was offline, and surfaces exactly the 50 that met a transfer', async () => {
    const ids = await seedBacklog(db, 500);
    const a = await workstation('op1');
    const b = await workstation('op2', secondServerUrl);
    await Promise.all([pulled(a.host, ids), pulled(b.host, ids.slice(0, 50))]);

    a.link.cut();
    await decideAll(a.host, ids);
    const offline = await waitFor('offline status', async () => {
      const status = value(await a.host.call('sync.now', {}));
      return !status.online && status;
    });
    expect(offline.outbox).toBe(500);

    // Meanwhile, online, the other operator transfers 50 of the same requests elsewhere.
    const taken = ids.slice(0, 50);
    await decideAll(b.host, taken, OTHER_UNIT);
    await waitFor('the other outbox drained', () => drained(b.host));

    a.link.restore();
    await waitFor('the offline outbox drained', () => drained(a.host));
    const rows = await decisionsOf(a.deviceId);
    expect(rows).toHaveLength(500);
    expect(rows.filter((r) => r.outcome === 'applied')).toHaveLength(450);
    expect(new Set(rows.filter((r) => r.outcome === 'rejected').map((r) => r.request_id))).toEqual(new Set(taken));

    const conflicts = value(await a.host.call('conflicts.list', {}));
    expect(conflicts).toHaveLength(50);
    expect(new Set(conflicts.map((c) => c.requestId))).toEqual(new Set(taken));
    for (const conflict of conflicts) {
      expect(conflict.mine).toMatchObject([{ kind: 'transfer', unitId: UNIT }]);
      expect(conflict.theirs).toMatchObject({ kind: 'transfer', operatorName: '受理员二' });
      expect(conflict.request).toMatchObject({ status: 'transferred', unitId: OTHER_UNIT });
    }
    expect(value(await a.host.call('sync.status', {})).conflicts).toBe(50);

    // The operator chooses, one conflict each way.
    const [keep, note, reopen] = conflicts;
    value(await a.host.call('conflicts.resolve', { id: keep!.id, choice: 'keep-theirs' }));
    const noted = value(await a.host.call('conflicts.resolve', { id: note!.id, choice: 'mine-as-note' }));
    const reopened = value(await a.host.call('conflicts.resolve', { id: reopen!.id, choice: 'reopen' }));
    expect(noted.decisionId).not.toBeNull();
    expect(reopened.conflict.request).toMatchObject({ status: 'accepted', unitId: null });
    expect(await a.host.call('conflicts.resolve', { id: keep!.id, choice: 'reopen' })).toMatchObject({
      ok: false,
      error: { code: 'already-resolved' },
    });
    await waitFor('resolutions pushed', () => drained(a.host));
    const onServer = await db
      .selectFrom('decisions')
      .select(['request_id', 'kind', 'outcome'])
      .where('id', 'in', [noted.decisionId!, reopened.decisionId!])
      .execute();
    expect(onServer).toEqual(
      expect.arrayContaining([
        { request_id: note!.requestId, kind: 'note', outcome: 'applied' },
        { request_id: reopen!.requestId, kind: 'recall', outcome: 'applied' },
      ]),
    );
    expect(value(await a.host.call('conflicts.list', {}))).toHaveLength(47);
  });

  it('surfaces every decision of an offline chain that met one transfer, not just the first', async () => {
    const ids = await seedBacklog(db, 2);
    const a = await workstation('op1');
    const b = await workstation('op2', secondServerUrl);
    await Promise.all([pulled(a.host, ids), pulled(b.host, ids)]);

    a.link.cut();
    for (const requestId of ids) {
      value(await a.host.call('request.decide', { requestId, action: { kind: 'accept' } }));
      value(await a.host.call('request.decide', { requestId, action: { kind: 'classify', categoryId: '城乡建设' } }));
    }
    // One transfer each: the server's version 1, the number the classify had in op1's local view.
    await decideAll(b.host, ids, OTHER_UNIT);
    await waitFor('the other outbox drained', () => drained(b.host));

    a.link.restore();
    await waitFor('the offline outbox drained', () => drained(a.host));
    const rows = await decisionsOf(a.deviceId);
    expect(rows.map((r) => r.outcome)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    const requests = await db.selectFrom('requests').select(['category_id', 'status']).where('id', 'in', ids).execute();
    expect(requests.every((r) => r.status === 'transferred' && r.category_id === null)).toBe(true);
    expect(value(await a.host.call('conflicts.list', {})).map((c) => c.mine.map((m) => m.kind))).toEqual([
      ['accept', 'classify'],
      ['accept', 'classify'],
    ]);
  });

  it(
    'pushes each of 2,000 decisions exactly once when the workstation is killed mid-push and restarted',
    HEAVY,
    async () => {
      const ids = await seedBacklog(db, 2000);
      const first = await workstation('op1');
      await pulled(first.host, ids);
      first.link.cut();
      await decideAll(first.host, ids);
      first.link.restore();
      await waitFor(
        'the push under way',
        async () => {
          const n = await count(first.deviceId);
          return n > 0 && n < ids.length;
        },
        60_000,
        5,
      );
      await first.host.kill('SIGKILL');

      const again = await startHostProcess({
        serverUrl: first.link.url,
        pollMs: 300,
        holdMs: 0,
        dataDir: first.host.dataDir,
      });
      hosts.push(again);
      await waitFor('the outbox drained after the restart', () => drained(again));
      await expectEachAppliedOnce(first.deviceId, ids);
      const cache = new Database(join(again.dataDir, CACHE_FILE_NAME), { readonly: true });
      const answers = cache
        .prepare("SELECT count(*) AS n FROM decision_results WHERE outcome IN ('applied', 'replay')")
        .get();
      cache.close();
      expect(answers).toEqual({ n: ids.length });
    },
  );

  it(
    'applies each of 2,000 decisions exactly once when the server is killed mid-batch and restarted',
    HEAVY,
    async () => {
      const ids = await seedBacklog(db, 2000);
      const ws = await workstation('op1');
      await pulled(ws.host, ids);
      ws.link.cut();
      await decideAll(ws.host, ids);
      ws.link.restore();
      await waitFor(
        'the push under way',
        async () => {
          const n = await count(ws.deviceId);
          return n > 0 && n < ids.length;
        },
        60_000,
        5,
      );
      const { port } = new URL(server.url);
      await server.kill('SIGKILL');
      server = await startServer({ ...serverEnv(), YIWANG_PORT: port }, server.dataDir);

      await waitFor('the outbox drained after the server restart', () => drained(ws.host));
      await expectEachAppliedOnce(ws.deviceId, ids);
    },
  );

  it(
    'keeps a whole shift of decisions while the server is down, with the handover note, and delivers them when it returns',
    HEAVY,
    async () => {
      const ids = await seedBacklog(db, 300);
      const ws = await workstation('op1');
      await pulled(ws.host, ids);
      const { port } = new URL(server.url);
      await server.stop();
      await second?.stop();

      await decideAll(ws.host, ids);
      const status = value(await ws.host.call('sync.now', {}));
      expect(status).toMatchObject({ online: false, outbox: 300 });
      value(await ws.host.call('session.signOut', { handoverNote: '302 室漏水一事已转住建，明早回访' }));

      server = await startServer({ ...serverEnv(), YIWANG_PORT: port }, server.dataDir);
      if (second) second = await startServer({ ...serverEnv(), YIWANG_PORT: new URL(secondServerUrl).port });
      // Signed out, the workstation still delivers what its operator left.
      await waitFor('the shift delivered', async () => {
        await ws.host.call('sync.now', {});
        return value(await ws.host.call('sync.status', {})).outbox === 0;
      });
      await expectEachAppliedOnce(ws.deviceId, ids);

      const next = await workstation('');
      const session = value(await next.host.call('session.signIn', { name: 'op2', password: 'op2' }));
      expect(session.handover).toMatchObject({ operatorName: '受理员一', note: '302 室漏水一事已转住建，明早回访' });
    },
  );

  it('keeps each operator’s decisions theirs when a second operator signs in on the same workstation', async () => {
    const ids = await seedBacklog(db, 10);
    const ws = await workstation('op1');
    await pulled(ws.host, ids);
    ws.link.cut();
    await decideAll(ws.host, ids.slice(0, 5));
    value(await ws.host.call('session.signOut', { handoverNote: '交班：五件已转派' }));
    ws.link.restore();
    const op2 = value(await ws.host.call('session.signIn', { name: 'op2', password: 'op2' }));
    expect(op2.handover).toMatchObject({ note: '交班：五件已转派' });
    await decideAll(ws.host, ids.slice(5));
    await waitFor('both operators’ decisions pushed', () => drained(ws.host));

    const rows = await decisionsOf(ws.deviceId);
    const operators = await db
      .selectFrom('operators')
      .select(['id', 'name'])
      .where('name', 'in', ['op1', 'op2'])
      .execute();
    const nameOf = new Map(operators.map((o) => [o.id, o.name]));
    const byRequest = new Map(rows.map((r) => [r.request_id, nameOf.get(r.operator_id)]));
    expect(ids.map((id) => byRequest.get(id))).toEqual([...Array(5).fill('op1'), ...Array(5).fill('op2')]);
    expect(rows.every((r) => r.outcome === 'applied')).toBe(true);
  });
});

async function post(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}
