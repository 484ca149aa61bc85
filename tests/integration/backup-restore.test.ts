import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Request } from '../../shared/model';
import { requestHistoryPath } from '../../shared/sync/protocol';
import { citizenWrites } from '../support/citizen-writes';
import { jsonClient } from '../support/json-client';
import { newCitizen, operatorSession } from '../support/outbound-fixture';
import { runServerCli } from '../support/server-cli';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';

// A backup taken while the server runs, restored into a new database and data folder, started as a
// fresh server: every request and every decision comes back, as workstations would pull them.
describe.each(testBackends())('backup and restore on $name', (backend) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  async function started(database: TestDatabase): Promise<ServerProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-backup-'));
    const server = await startServer({ DATABASE_URL: database.url }, dir);
    cleanup.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => server.stop(),
    );
    return server;
  }

  async function everything(server: ServerProcess) {
    const operator = await operatorSession(server.url);
    const requests = [...(await operator.pull()).values()].sort((a, b) => a.id.localeCompare(b.id));
    const client = jsonClient(server.url);
    const histories = [];
    for (const request of requests)
      histories.push((await client.get(requestHistoryPath(request.id), operator.token)).body);
    // What a server sets on its own when it starts or serves (sign-in times) is not part of the archive.
    return {
      requests: requests.map(({ id, version, status, text, categoryId, unitId }) => ({
        id,
        version,
        status,
        text,
        categoryId,
        unitId,
      })),
      histories,
    };
  }

  it('restores every request and decision into a fresh server', async () => {
    const original = await backend.create();
    cleanup.push(() => original.drop());
    const server = await started(original);
    const operator = await operatorSession(server.url);
    for (let i = 0; i < 6; i++)
      await citizenWrites(server.url, { channel: 'wechat', citizen: newCitizen('wechat'), text: `路灯坏了 ${i}` });
    const pulled = [...(await operator.pull()).values()] as Request[];
    expect(pulled).toHaveLength(6);
    for (const request of pulled.slice(0, 4)) {
      const { result } = await operator.decide(request, { kind: 'accept' });
      expect(result.outcome).toBe('applied');
    }
    const { result } = await operator.decide((await operator.pull()).get(pulled[0]!.id)!, {
      kind: 'note',
      text: '已电话联系',
    });
    expect(result.outcome).toBe('applied');

    const backupDir = mkdtempSync(join(tmpdir(), 'yiwang-backup-file-'));
    cleanup.push(() => rmSync(backupDir, { recursive: true, force: true }));
    const file = join(backupDir, 'yiwang.backup');
    // Online: the server keeps running while the copy is taken.
    const backup = await runServerCli(server.dataDir, ['backup', file], '', { DATABASE_URL: original.url });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const before = await everything(server);

    const fresh = await backend.create();
    cleanup.push(() => fresh.drop());
    const freshDir = mkdtempSync(join(tmpdir(), 'yiwang-restored-'));
    cleanup.push(() => rmSync(freshDir, { recursive: true, force: true }));
    // SQLite's database is a file: the fresh one lives in the new data folder.
    const freshUrl = backend.name === 'sqlite' ? `sqlite:${join(freshDir, 'yiwang.sqlite')}` : fresh.url;
    const restore = await runServerCli(freshDir, ['restore', file], '', { DATABASE_URL: freshUrl });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    // Never over an archive that is already there.
    const again = await runServerCli(freshDir, ['restore', file], '', { DATABASE_URL: freshUrl });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/empty/);

    const restored = await startServer({ DATABASE_URL: freshUrl }, freshDir);
    cleanup.push(() => restored.stop());
    const after = await everything(restored);
    expect(after.requests).toEqual(before.requests);
    expect(after.histories).toEqual(before.histories);
    const events = after.histories.flatMap((h) => (h as { events: { kind: string }[] }).events);
    expect(events.filter((e) => e.kind === 'message')).toHaveLength(6);
    expect(events.filter((e) => e.kind !== 'message')).toHaveLength(5);
  }, 120_000);
});
