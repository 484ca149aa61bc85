import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startServer, type ServerProcess } from '../support/server-process';

const run = promisify(execFile);

describe('the simulator restarted with --resume', () => {
  let server: ServerProcess;
  let db: Db;
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-simulator-'));
  const position = join(dir, 'position');
  const corpus = join(dir, 'board.csv');
  // Six posts from six board users: each one becomes a request of its own.
  writeFileSync(
    corpus,
    '留言用户,留言主题,留言详情\n' +
      Array.from({ length: 6 }, (_, i) => `U0${i},第${i}条,小区第${i}号楼的路灯坏了`).join('\n'),
  );

  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1' });
    db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const simulate = () =>
    run(process.execPath, [
      '--import',
      'tsx',
      'simulator/cli.ts',
      ...['--server', server.url, '--channel', 'wechat', '--from-csv', corpus, '--count', '3'],
      ...['--rate', '50/s', '--resume', position],
    ]);
  const texts = async () =>
    (await db.selectFrom('requests').select('text').orderBy('received_at').execute()).map((r) => r.text);

  it('delivers the next citizens’ messages, not the ones the server already has', async () => {
    await simulate();
    expect(readFileSync(position, 'utf8')).toBe('3');
    const second = await simulate();
    expect(second.stdout).toContain('going on from message 4');
    expect(readFileSync(position, 'utf8')).toBe('6');
    const stored = await texts();
    expect(stored).toHaveLength(6);
    expect(new Set(stored).size).toBe(6);
    expect(stored.map((t) => t.split('\n')[0])).toEqual(['第0条', '第1条', '第2条', '第3条', '第4条', '第5条']);
  });
});
