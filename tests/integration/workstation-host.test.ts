import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, Request } from '../../shared/model';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { CACHE_FILE_NAME } from '../../electron/host/cache/workstation-cache';
import { CACHE_APPLICATION_ID } from '../../electron/host/cache/open-cache';
import { MIGRATIONS } from '../../electron/host/cache/migrations';
import { citizenWrites } from '../support/citizen-writes';
import { startServer, type ServerProcess } from '../support/server-process';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { value, waitFor } from '../support/host-replies';

// The host keeps each decision 600 ms for a free undo, and syncs every 300 ms.
const HOLD_MS = 600;
const POLL_MS = 300;

let server: ServerProcess;
let host: HostProcess;

beforeAll(async () => {
  server = await startServer();
  host = await startHostProcess({ serverUrl: server.url, pollMs: POLL_MS, holdMs: HOLD_MS });
});

afterAll(async () => {
  await host?.stop();
  await server?.stop();
});

/** A second workstation talking to the server directly, to see and change the server's state. */
async function otherDevice() {
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return response.json();
  };
  const deviceId = 'test-other-device';
  const login = LoginResponse.parse(await post(SYNC_PATHS.login, { name: 'admin', password: 'admin', deviceId }));
  let seq = 0;
  return {
    async request(id: string): Promise<Request> {
      const page = PullResponse.parse(
        await post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 0, limit: 1000 }, login.token),
      );
      return page.requests.find((r) => r.id === id)!;
    },
    async decide(request: Request, action: Pick<Decision, 'kind'> & Record<string, unknown>) {
      seq += 1;
      const decision = {
        ...action,
        id: ulid(),
        deviceId,
        seq,
        requestId: request.id,
        baseVersion: request.version,
        operatorId: login.operator.id,
        madeAt: new Date().toISOString(),
      };
      return PushResponse.parse(await post(SYNC_PATHS.push, { deviceId, decisions: [decision] }, login.token))
        .results[0]!;
    },
  };
}

function cacheFile(): Database.Database {
  return new Database(join(host.dataDir, CACHE_FILE_NAME), { readonly: true, fileMustExist: true });
}

async function queue(): Promise<Request[]> {
  return value(await host.call('queue.list', { view: 'queue' }));
}

async function outboxDrained(): Promise<boolean> {
  await host.call('sync.now', {});
  return value(await host.call('sync.status', {})).outbox === 0;
}

describe('workstation host against the real server', () => {
  const ids: string[] = [];

  it('refuses a wrong password and signs in admin', async () => {
    const wrong = await host.call('session.signIn', { name: 'admin', password: 'wrong' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const session = value(await host.call('session.signIn', { name: 'admin', password: 'admin' }));
    expect(session.operator?.name).toBe('admin');
    expect(session.deviceId).toMatch(/^ws-/);
    expect(value(await host.call('sync.status', {})).signedIn).toBe(true);
  });

  it('pulls requests and the directory into the queue', async () => {
    await citizenWrites(
      server.url,
      { channel: 'wechat', citizen: 'o-citizen-1', text: '小区门口路灯坏了' },
      { encrypt: true },
    );
    await citizenWrites(
      server.url,
      { channel: 'wechat', citizen: 'o-citizen-2', text: '公交站台积水严重' },
      { encrypt: true },
    );
    await citizenWrites(
      server.url,
      { channel: 'wechat', citizen: 'o-citizen-3', text: '办证窗口排队太久' },
      { encrypt: true },
    );
    await citizenWrites(server.url, { channel: 'wechat', citizen: 'o-citizen-4', text: '噪音扰民' }, { encrypt: true });
    const listed = await waitFor('four requests in the queue', async () => {
      await host.call('sync.now', {});
      const list = await queue();
      return list.length >= 4 && list;
    });
    expect(listed.map((r) => r.text)).toEqual(['小区门口路灯坏了', '公交站台积水严重', '办证窗口排队太久', '噪音扰民']);
    ids.push(...listed.map((r) => r.id));
    const directory = value(await host.call('directory.get', {}));
    expect(directory.units.length).toBeGreaterThan(0);
    expect(directory.categories.length).toBeGreaterThan(0);
    const status = value(await host.call('sync.status', {}));
    expect(status).toMatchObject({ online: true, lastError: null });
    expect(status.lastSyncAt).not.toBeNull();
  });

  it('writes the outbox and the local view before decide returns, then pushes', async () => {
    const outcome = value(await host.call('request.decide', { requestId: ids[0]!, action: { kind: 'accept' } }));
    expect(outcome.request).toMatchObject({ status: 'accepted', version: 1, pending: 1 });

    const db = cacheFile();
    const row = db.prepare('SELECT status, seq, request_id FROM outbox WHERE decision_id = ?').get(outcome.decisionId);
    const local = db.prepare('SELECT status, version FROM local_requests WHERE id = ?').get(ids[0]);
    db.close();
    expect(row).toMatchObject({ status: 'pending', request_id: ids[0] });
    expect(local).toEqual({ status: 'accepted', version: 1 });

    await waitFor('outbox drained', outboxDrained);
    const session = value(await host.call('session.get', {}));
    const onServer = await (await otherDevice()).request(ids[0]!);
    expect(onServer).toMatchObject({ status: 'accepted', version: 1 });
    expect(onServer.lastDecision).toMatchObject({
      decisionId: outcome.decisionId,
      operatorId: session.operator!.id,
      deviceId: session.deviceId,
    });
    expect(value(await host.call('request.get', { id: ids[0]! }))).toMatchObject({
      status: 'accepted',
      pending: 0,
      rejection: null,
    });
  });

  it('refuses locally what the rule book refuses, writing nothing', async () => {
    const reply = await host.call('request.decide', { requestId: ids[0]!, action: { kind: 'restore' } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-transition' } });
    expect(value(await host.call('sync.status', {})).outbox).toBe(0);
  });

  it('drops a decision undone before it left', async () => {
    const made = value(await host.call('request.decide', { requestId: ids[1]!, action: { kind: 'junk' } }));
    const undo = value(await host.call('request.undo', {}));
    expect(undo).toMatchObject({ how: 'dropped', undone: { decisionId: made.decisionId, kind: 'junk' } });
    expect(undo.request).toMatchObject({ status: 'new', version: 0, pending: 0 });
    await waitFor('outbox drained', outboxDrained);
    expect(await (await otherDevice()).request(ids[1]!)).toMatchObject({ status: 'new', version: 0 });
  });

  it('compensates a decision undone after it reached the server', async () => {
    value(await host.call('request.decide', { requestId: ids[2]!, action: { kind: 'junk' } }));
    await waitFor('outbox drained', outboxDrained);
    expect(value(await host.call('queue.list', { view: 'junk' })).map((r) => r.id)).toContain(ids[2]);
    const undo = value(await host.call('request.undo', {}));
    expect(undo).toMatchObject({ how: 'compensated', undone: { kind: 'junk', requestId: ids[2] } });
    expect(undo.request).toMatchObject({ status: 'new', version: 2 });
    await waitFor('outbox drained', outboxDrained);
    expect(await (await otherDevice()).request(ids[2]!)).toMatchObject({
      status: 'new',
      version: 2,
      lastDecision: { kind: 'restore' },
    });
  });

  it('shows the server refusal of a stale decision on the request', async () => {
    const other = await otherDevice();
    const made = value(await host.call('request.decide', { requestId: ids[3]!, action: { kind: 'accept' } }));
    // Another workstation acts on it first, inside this one's hold window.
    expect(await other.decide(await other.request(ids[3]!), { kind: 'junk' })).toMatchObject({ outcome: 'applied' });
    await waitFor('outbox drained', outboxDrained);
    const seen = value(await host.call('request.get', { id: ids[3]! }));
    expect(seen).toMatchObject({ status: 'junk', pending: 0, rejection: { code: 'stale' } });
    const db = cacheFile();
    expect(db.prepare('SELECT outcome FROM decision_results WHERE decision_id = ?').get(made.decisionId)).toEqual({
      outcome: 'rejected',
    });
    db.close();
  });

  it('keeps deciding offline and drains the outbox once the server is back, each decision applied once', async () => {
    const { port } = new URL(server.url);
    await server.stop();
    const a = value(await host.call('request.decide', { requestId: ids[1]!, action: { kind: 'accept' } }));
    const directory = value(await host.call('directory.get', {}));
    const b = value(
      await host.call('request.decide', {
        requestId: ids[1]!,
        action: { kind: 'transfer', unitId: directory.units[0]!.id, note: null },
      }),
    );
    expect(b.request).toMatchObject({ status: 'transferred', version: 2, pending: 2 });
    const offline = await waitFor('offline status', async () => {
      const status = value(await host.call('sync.now', {}));
      return !status.online && status;
    });
    expect(offline.outbox).toBe(2);
    expect(offline.lastError).toBeTruthy();

    server = await startServer({ YIWANG_PORT: port }, server.dataDir);
    await waitFor('outbox drained after restart', outboxDrained, 45_000);
    const onServer = await (await otherDevice()).request(ids[1]!);
    expect(onServer).toMatchObject({ status: 'transferred', version: 2, unitId: directory.units[0]!.id });
    const serverDb = new Database(join(server.dataDir, 'yiwang.sqlite'), { readonly: true });
    const applied = serverDb
      .prepare("SELECT count(*) AS n FROM decisions WHERE id IN (?, ?) AND outcome = 'applied'")
      .get(a.decisionId, b.decisionId);
    serverDb.close();
    expect(applied).toEqual({ n: 2 });
    expect(value(await host.call('sync.status', {}))).toMatchObject({ online: true, outbox: 0, lastError: null });
  });

  it('keeps its cache in WAL mode at the latest schema version', () => {
    const db = cacheFile();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('application_id', { simple: true })).toBe(CACHE_APPLICATION_ID);
    db.close();
  });
});
