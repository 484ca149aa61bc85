import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PULL_PAGE } from '../../shared/sync/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { seedBacklog } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { value, waitFor } from '../support/host-replies';

// A fresh workstation signing in to a centre whose archive is more than one pull page: the queue
// holds all of it when the sync returns, and search finds every request once the host has indexed
// what the catch-up left for after its last page.

const BACKLOG = MAX_PULL_PAGE + 50;

describe.each(testBackends())('a workstation catching up on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let host: HostProcess;
  let ids: string[];

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_DEMO: '1' });
    db = openDatabase(database.url);
    ids = await seedBacklog(db, BACKLOG);
    host = await startHostProcess({ serverUrl: server.url, pollMs: 60_000, holdMs: 0 });
  });

  afterAll(async () => {
    await host?.stop();
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  const found = async (query: string) =>
    value(await host.call('search.requests', { query, filters: {}, limit: 10 })).items.map((request) => request.id);

  it('holds the whole backlog in its queue when the sync returns, with no catch-up left to show', async () => {
    value(await host.call('session.signIn', { name: 'op1', password: 'op1' }));
    const status = value(await host.call('sync.now', {}));
    expect(status.catchUp).toBeNull();
    expect(value(await host.call('queue.window', { view: 'all', offset: 0, limit: 1 })).total).toBe(BACKLOG);
  });

  it('finds the first and the last request of the backlog by search, once indexed', async () => {
    // The seeded numbers carry the ids: a trigram query on one finds that request alone.
    for (const id of [ids[0]!, ids.at(-1)!]) {
      expect(
        await waitFor(`request ${id} searchable`, async () => ((await found(id)).length > 0 ? found(id) : null)),
      ).toEqual([id]);
    }
    // A two-character word goes to the single-character index, filled in the same pass.
    expect(await found('路灯')).toHaveLength(10);
  });
});
