import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database';
import { runScenario, SCENARIOS } from '../support/chaos';
import { startServer, type ServerProcess } from '../support/server-process';

/**
 * The short chaos run for CI (`npm run chaos` runs every scenario at 90 decisions, docs/reliability.md):
 * real hosts SIGKILLed, their cache damaged on disk, nothing acknowledged lost or applied twice.
 */
const IN_CI = [
  'SIGKILL, file truncated, WAL beside it, outbox log lost too',
  'SIGKILL, then WAL and SHM deleted',
  'cache and outbox log replaced by older copies (decisions since then sent)',
];

describe('chaos, short', () => {
  let server: ServerProcess;
  let db: Db;

  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1' });
    db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  it.each(IN_CI)('%s: nothing acknowledged is lost or doubled, and the operator is told', async (name) => {
    const scenario = SCENARIOS.find((s) => s.name === name)!;
    const result = await runScenario(server, db, { ...scenario, decisions: 10 });
    expect(result).toMatchObject({ acknowledged: 10, stored: 10, lost: 0, doubled: 0, refusedAfter: 0 });
    expect(result.notice).not.toBeNull();
    if (!scenario.keepLog) expect(result.notice).toMatchObject({ kind: 'damaged', keptFromFile: 10 });
    // The 5 made on the restored copy before it met the server took numbers the server had seen.
    if (scenario.backupFirst) expect(result.notice).toMatchObject({ kind: 'behind', serverAhead: 10, renumbered: 5 });
    else if (scenario.keepLog) expect(result.notice).toMatchObject({ kind: 'behind', keptFromLog: 10, unreadable: 0 });
  });
});
