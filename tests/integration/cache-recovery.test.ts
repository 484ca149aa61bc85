import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../electron/host/cache/workstation-cache';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { seedBacklog } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { value, waitFor } from '../support/host-replies';

describe('a damaged workstation cache', () => {
  let server: ServerProcess;
  let db: Db;
  const hosts: HostProcess[] = [];

  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1' });
    db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  });

  afterAll(async () => {
    for (const host of hosts) await host.stop();
    await db?.destroy();
    await server?.stop();
  });

  async function host(dataDir?: string, serverUrl = server.url) {
    const started = await startHostProcess({ serverUrl, pollMs: 300, holdMs: 0, dataDir });
    hosts.push(started);
    return started;
  }

  const asideFiles = (dir: string) =>
    readdirSync(dir).filter((name) => name.startsWith(`${CACHE_FILE_NAME}.corrupt-`) && !/-(wal|shm)$/.test(name));

  it('that is not a database at all is moved aside, said so, and rebuilt from the server', async () => {
    const [id] = await seedBacklog(db, 1);
    const first = await host();
    await first.stop();
    writeFileSync(join(first.dataDir, CACHE_FILE_NAME), 'not a database '.repeat(500));

    const again = await host(first.dataDir);
    await waitFor('the message on stderr', async () => again.output().includes('was corrupt'));
    expect(asideFiles(again.dataDir)).toHaveLength(1);
    const status = value(await again.call('sync.status', {}));
    // Counts and a reason code for the operator's sentence, never SQLite's own words.
    expect(status.notice).toMatchObject({ kind: 'damaged', reason: 'corrupt', keptFromFile: 0, unreadable: 0 });
    expect(JSON.stringify(status.notice)).not.toMatch(/database disk image|not a database/);
    value(await again.call('session.signIn', { name: 'op1', password: 'op1' }));
    await waitFor('the queue rebuilt', async () => {
      await again.call('sync.now', {});
      return value(await again.call('request.get', { id: id! })) !== null;
    });
  });

  it('that another program marked as its own is moved aside, and its unsent decisions are recovered and delivered once', async () => {
    const ids = await seedBacklog(db, 5);
    const first = await host();
    value(await first.call('session.signIn', { name: 'op1', password: 'op1' }));
    await waitFor('the backlog pulled', async () => {
      await first.call('sync.now', {});
      return (await Promise.all(ids.map(async (id) => value(await first.call('request.get', { id }))))).every(Boolean);
    });
    const { deviceId } = value(await first.call('session.get', {}));
    const { port } = new URL(server.url);
    await server.stop();
    for (const requestId of ids) value(await first.call('request.decide', { requestId, action: { kind: 'accept' } }));
    await first.stop();
    const file = join(first.dataDir, CACHE_FILE_NAME);
    const damage = new Database(file);
    damage.pragma('application_id = 12345');
    damage.close();

    server = await startServer({ YIWANG_DEMO: '1', YIWANG_PORT: port }, server.dataDir);
    const again = await host(first.dataDir);
    await waitFor('the message on stderr', async () => again.output().includes('was foreign'));
    expect(asideFiles(again.dataDir)).toHaveLength(1);
    expect(value(await again.call('sync.status', {})).notice).toMatchObject({
      kind: 'damaged',
      reason: 'foreign',
      keptFromFile: 5,
      keptFromLog: 0,
      unreadable: 0,
    });
    // The same device and the operator's token came across, so nobody has to sign in for them to go.
    expect(value(await again.call('session.get', {})).deviceId).toBe(deviceId);
    await waitFor(
      'the recovered decisions delivered',
      async () => value(await again.call('sync.now', {})).outbox === 0,
    );
    const rows = await db
      .selectFrom('decisions')
      .select(['request_id', 'outcome'])
      .where('device_id', '=', deviceId)
      .execute();
    expect(
      rows
        .filter((r) => r.outcome === 'applied')
        .map((r) => r.request_id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(existsSync(file)).toBe(true);
  });
});
