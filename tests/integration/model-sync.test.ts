import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../shared/api/workstation-api';
import { DEFAULT_KEYWORD_RULES, SuggestionRules } from '../../shared/suggestions/keyword-rules';
import { LoginResponse, PullResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { MODEL_FORMAT } from '../../shared/text';
import { SUGGESTION_RULES_PATH } from '../../server/suggestions/suggestion-rules-routes';
import { citizenWrites } from '../support/citizen-writes';
import { startServer, type ServerProcess } from '../support/server-process';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { value, waitFor } from '../support/host-replies';

// Small numbers so the server retrains within the test: after 8 teaching decisions, or 1.5 s after any.
const SERVER_ENV = { YIWANG_RETRAIN_EVERY: '8', YIWANG_RETRAIN_INTERVAL_MS: '1500', YIWANG_RETRAIN_MIN_PER_CLASS: '3' };

let server: ServerProcess;
let host: HostProcess;

/** A citizen writes to the demo WeChat account through the server's real webhook; resolves with the request once the host has it. */
async function arrives(openid: string, text: string): Promise<string> {
  await citizenWrites(server.url, { channel: 'wechat', citizen: openid, text }, { encrypt: true });
  const found = await waitFor(`"${text}" on the workstation`, async () => {
    await host.call('sync.now', {});
    const all = value(await host.call('queue.list', { view: 'all' }));
    return all.find((r) => r.citizen.id === `wechat:${openid}` && r.text === text);
  });
  return found.id;
}

async function context(id: string): Promise<RequestContext> {
  return value(await host.call('request.context', { id }));
}

async function adminToken(): Promise<string> {
  const response = await fetch(server.url + SYNC_PATHS.login, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: 'admin', deviceId: 'test-admin-console' }),
  });
  return LoginResponse.parse(await response.json()).token;
}

describe.each(testBackends())(
  'suggestions learned on the server and shipped to the workstation, on $name',
  (backend) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await backend.create();
      server = await startServer({ ...SERVER_ENV, DATABASE_URL: database.url });
      host = await startHostProcess({ serverUrl: server.url, pollMs: 300, holdMs: 100 });
      value(await host.call('session.signIn', { name: 'admin', password: 'admin' }));
    });

    afterAll(async () => {
      await host?.stop();
      await server?.stop();
      await database?.drop();
    });

    it('suggests by the keyword rules an administrator edits, before any model exists', async () => {
      const token = await adminToken();
      const rulesUrl = server.url + SUGGESTION_RULES_PATH;
      const seeded = SuggestionRules.parse(
        await (await fetch(rulesUrl, { headers: { Authorization: `Bearer ${token}` } })).json(),
      );
      expect(seeded.rules).toEqual(DEFAULT_KEYWORD_RULES);

      const escalator = await arrives('o-escalator', '商场扶梯突然停了，差点摔倒');
      expect(await context(escalator)).toMatchObject({ suggestion: { source: 'rules', category: [], unit: [] } });

      // Lifts and escalators are special equipment: the market regulator's business.
      const rules = [
        ...seeded.rules,
        { words: ['扶梯', '电梯'], categoryId: '城乡建设', unitId: 'city-market-regulation' },
      ];
      const put = await fetch(rulesUrl, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ rules }),
      });
      expect(put.status).toBe(200);
      expect(SuggestionRules.parse(await put.json()).version).toBe(seeded.version + 1);

      const after = await waitFor('the edited rules on the workstation', async () => {
        await host.call('sync.now', {});
        const suggestion = (await context(escalator)).suggestion;
        return suggestion.unit[0]?.id === 'city-market-regulation' && suggestion;
      });
      expect(after).toMatchObject({
        source: 'rules',
        category: [{ id: '城乡建设' }],
        lowConfidence: { category: false, unit: false },
        junk: null,
      });
    });

    it('retrains after operators decide, ships the model through sync, and the suggestion follows it', async () => {
      const bikes = [
        '小区门口共享单车乱停乱放',
        '共享单车堆在路口没人管',
        '地铁口共享单车太多挡路',
        '共享单车停满了人行道',
        '学校门口共享单车乱停',
      ];
      const stairs = [
        '楼道里堆满杂物没人清理',
        '楼道灯坏了物业不修',
        '楼道被邻居占用堆放杂物',
        '单元楼道墙皮脱落',
        '楼道消防通道被堵',
      ];
      const junk = ['你好', '在吗', '哈哈哈哈'];
      const newcomer = await arrives('o-newcomer', '小区门口的共享单车越来越多，出门都难');
      const before = (await context(newcomer)).suggestion;
      // Cold start: the keyword rules see 小区 and guess housing.
      expect(before).toMatchObject({ source: 'rules', category: [{ id: '城乡建设' }], unit: [{ id: 'city-housing' }] });

      const decide = async (
        texts: string[],
        prefix: string,
        actions: Parameters<typeof host.call<'request.decideAll'>>[1]['actions'],
      ) => {
        for (const [i, text] of texts.entries()) {
          const id = await arrives(`${prefix}-${i}`, text);
          // Intake may already have set an obvious greeting aside as junk: that teaches the same.
          if (value(await host.call('request.get', { id }))?.status === 'junk') continue;
          value(await host.call('request.decideAll', { requestId: id, actions }));
        }
      };
      await decide(bikes, 'o-bike', [
        { kind: 'accept' },
        { kind: 'classify', categoryId: '交通运输' },
        { kind: 'transfer', unitId: 'city-transport', note: null },
      ]);
      await decide(stairs, 'o-stairs', [
        { kind: 'accept' },
        { kind: 'classify', categoryId: '城乡建设' },
        { kind: 'transfer', unitId: 'city-housing', note: null },
      ]);
      await decide(junk, 'o-junk', [{ kind: 'junk' }]);

      const after = await waitFor(
        'the learned suggestion',
        async () => {
          await host.call('sync.now', {});
          const suggestion = (await context(newcomer)).suggestion;
          return (
            suggestion.source === 'model' &&
            suggestion.category[0]?.id === '交通运输' &&
            suggestion.junk !== null &&
            suggestion
          );
        },
        45_000,
      );
      expect(after.unit[0]?.id).toBe('city-transport');
      expect(after.category.length).toBeGreaterThan(1);
      expect(server.output()).toContain('suggestion model trained');

      // A workstation that reads only the first model format (it leaves modelFormat out) is sent none it cannot read.
      const token = await adminToken();
      const modelsFor = async (format: object) => {
        const response = await fetch(server.url + SYNC_PATHS.pull, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ cursor: null, directoryVersion: 0, limit: 1, models: [], ...format }),
        });
        return PullResponse.parse(await response.json()).models;
      };
      expect(await modelsFor({})).toBeNull();
      expect((await modelsFor({ modelFormat: MODEL_FORMAT }))?.map((m) => m.kind).sort()).toEqual([
        'category',
        'junk',
        'unit',
      ]);
    });

    it('flags a repeat from the same citizen and a hot issue from many, with the open matches', async () => {
      const first = await arrives('o-lift', '小区3号楼电梯坏了一个星期没人修');
      value(
        await host.call('request.decideAll', {
          requestId: first,
          actions: [{ kind: 'accept' }, { kind: 'transfer', unitId: 'city-housing', note: null }],
        }),
      );
      // Transferred, the first request is still open, so the citizen's next message opens a new request.
      await waitFor(
        'the transfer on the server',
        async () => (await host.call('sync.now', {}), value(await host.call('sync.status', {})).outbox === 0),
      );
      const repeat = await arrives('o-lift', '小区5号楼电梯坏了一个星期没人修');
      const repeated = (await context(repeat)).duplicates;
      expect(repeated.matches[0]).toMatchObject({ request: { id: first }, sameCitizen: true });
      expect(repeated.hotIssue).toBeNull();

      const burst: string[] = [];
      for (const [i, station] of ['1', '2', '3'].entries())
        burst.push(await arrives(`o-metro-${i}`, `地铁${station}号线人民广场站出口的扶梯停运三天了`));
      const hot = (await context(burst[2]!)).duplicates;
      expect(hot.hotIssue).toEqual({ citizens: 3 });
      expect(hot.matches.map((m) => m.request.id).sort()).toEqual(burst.slice(0, 2).sort());
      expect(hot.matches.every((m) => !m.sameCitizen && m.similarity >= 0.7)).toBe(true);
    });
  },
);
