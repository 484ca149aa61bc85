import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, LoginResponse, PullResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import { CategoryImportError, importCategories } from '../../server/directory/import-categories';
import { loadDirectory } from '../../server/directory/load-directory';
import { seedDirectory } from '../../server/directory/seed-directory';
import { runServerCli } from '../support/server-cli';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';

const CSV = `一级分类,二级分类,三级分类
城乡建设,城乡规划,违章建筑
城乡建设,城乡规划,规划审批
城乡建设,物业管理,
环境保护,噪声污染,施工噪声
新的一级分类,,
`;

describe.each(testBackends())('directory on $name', (backend) => {
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

  it('seeds the city units with pinyin, and the 15 first-level categories in key order', async () => {
    const directory = await loadDirectory(db);
    expect(directory.version).toBe(1);
    const byId = new Map(directory.units.map((u) => [u.id, u]));
    expect(byId.get('city-housing')).toMatchObject({
      name: '市住房和城乡建设局',
      aliases: expect.arrayContaining(['住建']),
      level: 1,
    });
    expect(byId.get('gas-group')).toMatchObject({ pinyin: 'shiranqijituan', initials: 'srqjt' });
    expect(byId.get('district-furong.police')).toMatchObject({
      name: '芙蓉区公安分局',
      parentId: 'district-furong',
      level: 2,
    });
    expect(directory.units.filter((u) => u.level === 1).length).toBeGreaterThanOrEqual(95);
    expect(directory.categories.slice(0, 3).map((c) => c.name)).toEqual(['城乡建设', '环境保护', '交通运输']);

    await seedDirectory(db);
    expect((await loadDirectory(db)).version).toBe(1);
  });

  it('imports the category tree with path ids, keeping existing numbering, and bumps the directory version', async () => {
    const result = await importCategories(db, CSV);
    expect(result).toEqual({ added: 7, unchanged: 2, directoryVersion: 2 });
    const categories = (await loadDirectory(db)).categories;
    const byId = new Map(categories.map((c) => [c.id, c]));
    expect(byId.get('城乡建设/城乡规划/违章建筑')).toMatchObject({
      name: '违章建筑',
      parentId: '城乡建设/城乡规划',
      level: 3,
      order: 0,
    });
    expect(byId.get('城乡建设/物业管理')).toMatchObject({ level: 2, order: 1 });
    expect(byId.get('城乡建设')).toMatchObject({ order: 0 });
    expect(byId.get('新的一级分类')).toMatchObject({ level: 1, order: 15 });

    expect(await importCategories(db, CSV)).toEqual({ added: 0, unchanged: 9, directoryVersion: 2 });
  });

  it('refuses a file without the header, an empty file and a gap in the levels', async () => {
    await expect(importCategories(db, '')).rejects.toThrow(/empty/);
    await expect(importCategories(db, 'a,b,c\n城乡建设,城乡规划,违章建筑\n')).rejects.toThrow(/wrong header/);
    await expect(importCategories(db, '一级分类,二级分类,三级分类\n')).rejects.toThrow(CategoryImportError);
    await expect(importCategories(db, '一级分类,二级分类,三级分类\n城乡建设,,违章建筑\n')).rejects.toThrow(/line 2/);
  });
});

describe('directory administration through the server', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ YIWANG_ADMIN_PASSWORD: 'admin-secret' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function tokenOf(name: string, password: string): Promise<string> {
    const response = await fetch(server.url + SYNC_PATHS.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password, deviceId: 'ws-admin' }),
    });
    return LoginResponse.parse(await response.json()).token;
  }

  const importCsv = (token: string, csv: string) =>
    fetch(server.url + '/api/admin/categories/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: csv,
    });

  it('lets the admin import categories over HTTP, and operators pull the new directory', async () => {
    const admin = await tokenOf('admin', 'admin-secret');
    const bad = await importCsv(admin, 'x,y\n');
    expect(bad.status).toBe(400);
    expect(ApiError.parse(await bad.json()).error.message).toMatch(/wrong header/);

    const ok = await importCsv(admin, CSV);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ added: 7, directoryVersion: 2 });

    const pull = await fetch(server.url + SYNC_PATHS.pull, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ cursor: null, directoryVersion: 1 }),
    });
    const directory = PullResponse.parse(await pull.json()).directory;
    expect(directory?.categories.some((c) => c.id === '环境保护/噪声污染/施工噪声')).toBe(true);
  });

  it("lets the admin extend a unit's aliases, which the next pull brings with their initials", async () => {
    const admin = await tokenOf('admin', 'admin-secret');
    const put = (id: string, body: unknown, token = admin) =>
      fetch(`${server.url}/api/admin/units/${id}/aliases`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await put('no-such-unit', { aliases: ['x'] })).status).toBe(404);
    expect((await put('city-urban-management', { aliases: [''] })).status).toBe(400);
    const ok = await put('city-urban-management', { aliases: ['城管', '城管局', '综合执法', '城管委'] });
    expect(ok.status).toBe(200);
    const { directoryVersion } = (await ok.json()) as { directoryVersion: number };
    const pull = await fetch(server.url + SYNC_PATHS.pull, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ cursor: null, directoryVersion: directoryVersion - 1 }),
    });
    const unit = PullResponse.parse(await pull.json()).directory?.units.find((u) => u.id === 'city-urban-management');
    expect(unit).toMatchObject({ aliases: ['城管', '城管局', '综合执法', '城管委'] });
    expect(unit?.aliasInitials).toContain('cgw');
  });

  it('adds operators from the command line, and keeps non-admins out of the admin API', async () => {
    const added = await runServerCli(server.dataDir, ['add-operator', 'wang.fang', 'operator'], 'river-lamp-quiet-7\n');
    expect(added.stdout).toContain('added operator wang.fang (operator)');
    const csvFile = join(server.dataDir, 'categories.csv');
    writeFileSync(csvFile, '一级分类,二级分类,三级分类\n民政,社会救助,低保\n');
    const imported = await runServerCli(server.dataDir, ['import-categories', csvFile]);
    expect(imported.stdout).toContain('2 added, 1 already present');

    const operator = await tokenOf('wang.fang', 'river-lamp-quiet-7');
    const forbidden = await importCsv(operator, CSV);
    expect(forbidden.status).toBe(403);
  });
});
