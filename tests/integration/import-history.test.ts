import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import { seedDirectory } from '../../server/directory/seed-directory';
import { HistoryImportError } from '../../server/history/history-csv';
import { importHistory } from '../../server/history/import-history';
import { startServer } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { runServerCli } from '../support/server-cli';

const COLUMNS = { text: ['主题', '详情'], category: '分类', unit: '单位', receivedAt: '时间' };

/** Two categories and units with enough rows each (5) to train on, the body of one row over two lines. */
function goodCsv(): string {
  const rows = ['主题,详情,分类,单位,时间'];
  for (let i = 0; i < 6; i += 1) {
    rows.push(`小区路灯坏了${i},"晚上太黑\n请尽快修理${i}",城乡建设,城管,2019/4/25 9:32:0${i}`);
    rows.push(`学校食堂太差${i},孩子吃不饱${i},教育文体,city-education,2019-05-0${i + 1} 10:00:00`);
  }
  return `${rows.join('\n')}\n`;
}

async function historyCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('imported_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testBackends())('import-history on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
    await seedDirectory(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('refuses a malformed file whole, saying why, and imports nothing of it', async () => {
    const unclosed = `${goodCsv()}路灯,"没有结束的引号,城乡建设,城管,2019/4/25 9:32:09\n`;
    await expect(importHistory(db, unclosed, COLUMNS)).rejects.toThrow(HistoryImportError);
    await expect(importHistory(db, unclosed, COLUMNS)).rejects.toThrow(/not a readable CSV file: .*quote/i);
    await expect(importHistory(db, goodCsv(), { ...COLUMNS, category: '一级标签' })).rejects.toThrow(
      'no column "一级标签" (the file\'s columns: 主题, 详情, 分类, 单位, 时间)',
    );
    await expect(importHistory(db, '', COLUMNS)).rejects.toThrow(/empty/);
    expect(await historyCount(db)).toBe(0);
  });

  it('skips bad rows, naming their lines, and imports the rest; a second import adds no copies', async () => {
    const csv =
      goodCsv() +
      '噪音扰民,"楼下\n装修",不存在的分类,城管,2019/4/25 9:32:09\n' +
      '缺一列,只有详情\n' +
      '井盖松动,差点绊倒,城乡建设,火星局,2019/4/25 9:32:09\n' +
      '路面塌陷,很危险,城乡建设,城管,昨天下午\n';
    const first = await importHistory(db, csv, COLUMNS);
    expect(first.imported).toBe(12);
    expect(first.bad).toEqual([
      { line: 20, reason: 'unknown category "不存在的分类"' },
      { line: 22, reason: '2 fields where the header has 5' },
      { line: 23, reason: 'unknown unit "火星局"' },
      { line: 24, reason: '"昨天下午" is not a time (YYYY/M/D H:MM:SS or YYYY-MM-DD HH:MM:SS, Beijing time)' },
    ]);
    const stored = await db
      .selectFrom('imported_history')
      .selectAll()
      .where('text', '=', '小区路灯坏了0\n晚上太黑\n请尽快修理0')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      category_id: '城乡建设',
      unit_id: 'city-urban-management',
      received_at: '2019-04-25T01:32:00.000Z',
    });

    const again = await importHistory(db, csv, COLUMNS);
    expect(again).toMatchObject({ imported: 12, alreadyPresent: 12 });
    expect(await historyCount(db)).toBe(12);
  });
});

describe('import-history from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-history-'));
  const main = (...args: string[]) =>
    runServerCli(dir, ['import-history', ...args], '', { YIWANG_ADMIN_PASSWORD: 'admin' });
  const flags = ['--text', '主题,详情', '--category', '分类', '--unit', '单位', '--received-at', '时间'];

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 on a malformed file with a clear error, then imports a good one and trains from it at once', async () => {
    const malformed = join(dir, 'malformed.csv');
    writeFileSync(malformed, `${goodCsv()}路灯,"没有结束的引号\n`);
    const refused = await main(malformed, ...flags);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/malformed\.csv: not a readable CSV file.*\nnothing was imported/s);

    const good = join(dir, 'history.csv');
    writeFileSync(good, `${goodCsv()}缺一列,只有详情\n`);
    const { code, stdout, stderr } = await main(good, ...flags);
    expect(code).toBe(0);
    expect(stderr).toContain('12 of 12 messages');
    expect(stdout).toContain('history.csv: 12 messages with a category or a unit');
    expect(stdout).toContain('1 bad rows skipped:\n    line 20: 2 fields where the header has 5');
    expect(stdout).toMatch(/category model version 1: 12 examples, 2 classes/);
    expect(stdout).toMatch(/unit model version 1: 12 examples, 2 classes/);
  });
});

describe('warm start (the demo: npm start -- --demo)', () => {
  it('imports the board files and trains before the server takes its first sign-in; a restart does it no more', async () => {
    const data = mkdtempSync(join(tmpdir(), 'yiwang-board-'));
    const dev = ['留言主题,留言详情,留言时间,一级标签'];
    const replies = ['留言主题,留言详情,留言时间,答复意见'];
    for (let i = 0; i < 6; i += 1) {
      dev.push(
        `路灯坏了${i},晚上太黑${i},2019/4/25 9:32:09,城乡建设`,
        `学费太贵${i},学校乱收费${i},2019/4/25 9:32:09,教育文体`,
      );
      replies.push(
        `学校乱收费${i},请查处${i},2019/4/25 9:32:09,网友您好，经调查……特此回复。A7县教育局 2018年8月27日`,
        `城管执法${i},摊贩占道${i},2019/4/25 9:32:09,经A2区城管执法大队调查，已处理。`,
      );
    }
    writeFileSync(join(data, 'messages-labeled-dev.csv'), dev.join('\n'));
    writeFileSync(join(data, 'messages-with-replies.csv'), replies.join('\n'));
    writeFileSync(join(data, 'category-taxonomy.csv'), '一级分类,二级分类,三级分类\n城乡建设,市政设施,路灯\n');
    const server = await startServer({ YIWANG_WARM_START_DIR: data });
    try {
      expect(server.output()).toContain('warm start: suggestion model trained');
      const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
      const models = await db.selectFrom('models').select(['kind', 'examples']).orderBy('kind').execute();
      const categories = await db
        .selectFrom('categories')
        .select('id')
        .where('id', '=', '城乡建设/市政设施/路灯')
        .execute();
      await db.destroy();
      expect(models).toEqual([
        { kind: 'category', examples: 12 },
        { kind: 'unit', examples: 12 },
      ]);
      expect(categories).toHaveLength(1);
      await server.stop();
      const again = await startServer({ YIWANG_WARM_START_DIR: data }, server.dataDir);
      await again.stop();
      expect(again.output()).not.toContain('warm start');
    } finally {
      await server.stop();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
