import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/host/cache/migrations';
import { CACHE_APPLICATION_ID } from '../../electron/host/cache/open-cache';
import { CACHE_FILE_NAME, openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { startHost, type Host } from '../../electron/host/start-host';
import type { ApiArgs, ApiMethod, ApiResult } from '../../shared/api/workstation-api';
import type { Request, RequestStatus } from '../../shared/model';
import { compareQueueOrder, queueKey } from '../../shared/queue/queue-order';
import { inQueue } from '../../shared/queue/unit-news';
import { makeRequest, seedWorkstation } from '../support/seeded-workstation';
import { NO_SERVER } from '../support/triage-fixtures';

const MIN = 60_000;
const NOW = Date.now();

/** A deterministic mix: overdue and not, escalated, flagged, snoozed, and requests outside the queue view. */
function mixedRequests(count: number): Request[] {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const statuses: RequestStatus[] = ['new', 'new', 'new', 'accepted', 'transferred', 'junk'];
  return Array.from({ length: count }, (_, i) => {
    const request = makeRequest(
      {
        text: `请求 ${i}`,
        status: statuses[Math.floor(random() * statuses.length)],
        receivedAt: new Date(NOW - Math.floor(random() * 600) * MIN).toISOString(),
      },
      i,
      NOW,
    );
    // Due times on a coarse grid so that many tie and arrival decides.
    const dueAt = random() < 0.1 ? null : new Date(NOW + (Math.floor(random() * 40) - 20) * 10 * MIN).toISOString();
    const snoozed = random() < 0.1;
    // Of those with a unit (by index, so the mix above stays as it was): some answered, back in the queue;
    // some with a progress note the operator has not acted on, back too; some with one already passed on.
    const withUnit = request.status === 'transferred';
    const transferredAt = new Date(NOW - 300 * MIN).toISOString();
    const stamp = {
      decisionId: request.id,
      kind: 'transfer',
      operatorId: request.id,
      operatorName: '王',
      deviceId: 'd',
    };
    return {
      ...request,
      status: withUnit && i % 4 === 0 ? 'replied' : request.status,
      lastDecision: withUnit ? { ...stamp, at: transferredAt } : null,
      unitAnswer: withUnit && i % 8 === 0 ? '已修复' : null,
      unitProgress:
        withUnit && i % 4 !== 0 && i % 2 === 1
          ? { text: '正在协调', at: new Date(NOW - (i % 3 === 0 ? 100 : 400) * MIN).toISOString() }
          : null,
      deadlines: { ...request.deadlines, answerDueAt: dueAt },
      escalated: random() < 0.15,
      flagged: random() < 0.05,
      snoozedUntil: snoozed ? new Date(NOW + (random() < 0.5 ? -5 : 30) * MIN).toISOString() : null,
    };
  });
}

/** What the queue view must show at `now`, in the order shared/queue/queue-order.ts defines. */
function expectedQueue(requests: readonly Request[], now: number): string[] {
  return requests
    .filter((r) => inQueue(r) && (r.snoozedUntil === null || Date.parse(r.snoozedUntil) <= now))
    .map(queueKey)
    .sort((a, b) => compareQueueOrder(a, b, now))
    .map((k) => k.id);
}

describe("the workstation host's queue order", () => {
  const requests = mixedRequests(400);
  let dataDir: string;
  let host: Host;
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> => {
    const reply = await host.call(method, args);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.value;
  };
  const windowAt = (now: number, offset: number, limit: number, keepId?: string) =>
    call('queue.window', {
      view: 'queue',
      offset,
      limit,
      at: new Date(now).toISOString(),
      ...(keepId ? { keepId } : {}),
    });

  beforeAll(async () => {
    dataDir = seedWorkstation(requests, NO_SERVER);
    host = await startHost({ dataDir, serverUrl: NO_SERVER, pollMs: 600_000 });
  });
  afterAll(async () => {
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is the shared order: overdue first, then priority, then time left, read window by window', async () => {
    for (const now of [NOW, NOW + 45 * MIN, NOW - 3 * 60 * MIN]) {
      const expected = expectedQueue(requests, now);
      const whole = await windowAt(now, 0, 1000);
      expect(whole.total).toBe(expected.length);
      expect(whole.items.map((r) => r.id)).toEqual(expected);
      // Windows that start inside each tier, and one that spans all three.
      for (const [offset, limit] of [
        [0, 7],
        [13, 40],
        [60, 100],
        [150, 17],
        [expected.length - 5, 50],
      ] as const) {
        const slice = await windowAt(now, offset, limit);
        expect(slice.offset).toBe(offset);
        expect(slice.items.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit));
      }
    }
  });

  it('queue.list gives the same order', async () => {
    const list = await call('queue.list', { view: 'queue' });
    const now = Date.now();
    expect(list.map((r) => r.id)).toEqual(expectedQueue(requests, now));
  });

  it('says when the next waiting request turns overdue', async () => {
    const window = await windowAt(NOW, 0, 10);
    const open = requests.filter(inQueue).map(queueKey);
    const next = Math.min(...open.map((k) => k.dueMs).filter((due) => due >= NOW));
    expect(window.at).toBe(new Date(NOW).toISOString());
    expect(window.nextCrossingAt).toBe(new Date(next).toISOString());
  });

  it('follows the kept request when it moves out of the slice asked for', async () => {
    const before = expectedQueue(requests, NOW);
    const later = NOW + 3 * 60 * MIN;
    const after = expectedQueue(requests, later);
    // The request that turns overdue by then and leaps furthest up, over the escalated ones.
    const [mover] = before
      .filter((id) => after.includes(id))
      .sort((a, b) => after.indexOf(a) - before.indexOf(a) - (after.indexOf(b) - before.indexOf(b)));
    expect(before.indexOf(mover!) - after.indexOf(mover!)).toBeGreaterThan(12);
    const asked = before.indexOf(mover!) - 2;
    const kept = await windowAt(later, asked, 10, mover);
    expect(kept.items.map((r) => r.id)).toContain(mover);
    expect(kept.items.map((r) => r.id)).toEqual(after.slice(kept.offset, kept.offset + 10));
    // Without keepId the slice stays where it was asked for.
    const plain = await windowAt(later, asked, 10);
    expect(plain.offset).toBe(asked);
    expect(plain.items.map((r) => r.id)).not.toContain(mover);
  });
});

describe('a cache from before the deadline order', () => {
  it('gets the order keys: from the stamped due time by the migration, else computed at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-queue-order-'));
    try {
      const file = join(dataDir, CACHE_FILE_NAME);
      const old = new Database(file);
      MIGRATIONS.slice(0, 4).forEach((sql) => old.exec(sql));
      old.pragma(`application_id = ${CACHE_APPLICATION_ID}`);
      old.pragma('user_version = 4');
      const base = makeRequest({ text: '旧缓存里的请求', receivedAt: new Date(NOW - 30 * MIN).toISOString() }, 0, NOW);
      const stamped = {
        ...makeRequest({ text: '已超时', receivedAt: new Date(NOW - 90 * MIN).toISOString() }, 1, NOW),
        escalated: true,
      };
      stamped.deadlines = { ...stamped.deadlines, answerDueAt: new Date(NOW - 20 * MIN).toISOString() };
      const insert = (table: string, r: Request) =>
        old
          .prepare(`INSERT INTO ${table} (id, json, status, received_at, version) VALUES (?, ?, ?, ?, ?)`)
          .run(r.id, JSON.stringify(r), r.status, r.receivedAt, r.version);
      // Answered by its unit: back in the queue, with its original promise long passed. Transferred: not.
      const answered = {
        ...makeRequest(
          { text: '单位已答复', status: 'replied', receivedAt: new Date(NOW - 9 * 60 * MIN).toISOString() },
          2,
          NOW,
        ),
        unitAnswer: '路灯已修复',
      };
      answered.deadlines = { ...answered.deadlines, answerDueAt: new Date(NOW - 8 * 60 * MIN).toISOString() };
      const withUnit = makeRequest({ text: '单位办理中', status: 'transferred' }, 3, NOW);
      for (const r of [base, stamped, answered, withUnit]) {
        insert('requests', r);
        insert('local_requests', r);
      }
      old.close();

      const cache = openWorkstationCache(dataDir, NO_SERVER);
      const keys = () =>
        cache.db.prepare('SELECT id, answer_due_ms AS dueMs, priority FROM local_requests ORDER BY id').all();
      expect(keys()).toEqual(
        [
          { id: base.id, dueMs: null, priority: 0 },
          { id: stamped.id, dueMs: NOW - 20 * MIN, priority: 1 },
          { id: answered.id, dueMs: NOW - 8 * 60 * MIN, priority: 0 },
          { id: withUnit.id, dueMs: null, priority: 0 },
        ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      // The transferred request is not the queue's, so it is left without keys until it comes back.
      expect(cache.requests.fillQueueKeys()).toBe(1);
      expect(keys()).toContainEqual({ id: base.id, dueMs: queueKey(base).dueMs, priority: 0 });
      expect(cache.requests.fillQueueKeys()).toBe(0);
      expect(cache.requests.window('queue', new Date(NOW).toISOString(), 0, 10).map((r) => r.id)).toEqual([
        answered.id,
        stamped.id,
        base.id,
      ]);
      expect(cache.requests.window('done', new Date(NOW).toISOString(), 0, 10).map((r) => r.id)).toEqual([withUnit.id]);
      cache.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
