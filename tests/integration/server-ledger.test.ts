import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionAction } from '../../shared/model';
import { ledgerPath, ServerLedger } from '../../shared/reports/ledger';
import { REPORTS_API } from '../../shared/reports/summary';
import { PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { jsonClient } from '../support/json-client';
import { decisionMaker } from '../support/make-decision';
import { makeMessage } from '../support/make-message';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { workstation } from '../support/unit-work';

// The work ledger the server computes from its database over every operator and workstation (GET /api/reports/ledger),
// on hand-placed decisions: two operators on one Beijing day, the days either side, and a refused decision.

const DAY = '2026-11-10';
const RAW_MOBILE = '13812345678';

describe.each(testBackends())('the work ledger from the server on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;
  const ids: Record<string, string> = {};
  let li: Awaited<ReturnType<typeof workstation>>;
  let wang: Awaited<ReturnType<typeof workstation>>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_ADMIN_PASSWORD: 'admin-pass' });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    li = await workstation(db, client, 'li.na');
    wang = await workstation(db, client, 'wang.qiang');
    const makers = new Map([li, wang].map((ws) => [ws, decisionMaker(`ws-${ws.operator.name}`, ws.operator.id)]));
    /** Pushes one decision made at `madeAt` from the operator's workstation; returns the outcome. */
    const decide = async (ws: typeof li, name: string, action: DecisionAction, madeAt: string, base?: number) => {
      const id = ids[name]!;
      const version = base ?? (await ws.pull(id)).version;
      const decision = makers.get(ws)!(id, version, action, { madeAt });
      const push = await client.post(
        SYNC_PATHS.push,
        { deviceId: `ws-${ws.operator.name}`, decisions: [decision] },
        ws.token,
      );
      expect(push.status).toBe(200);
      return PushResponse.parse(push.body).results[0]!.outcome;
    };
    for (const [name, text] of [
      ['lamp', '小区门口的路灯坏了'],
      ['puddle', '公交站台积水严重'],
      ['noise', '楼下工地夜间施工噪音'],
      ['smoke', '饭店油烟扰民'],
      ['late', '深夜来信：井盖松动'],
      ['after', '次日凌晨：垃圾未清运'],
    ] as const) {
      ids[name] = (await li.intake.receive(makeMessage({ text }))).requestId;
    }
    // DAY in Beijing is [2026-11-09T16:00Z, 2026-11-10T16:00Z).
    expect(
      await decide(li, 'lamp', { kind: 'transfer', unitId: 'city-water', note: null }, '2026-11-10T01:00:00.000Z'),
    ).toBe('applied');
    // Wang saw the lamp before Li transferred it: refused as stale, so it makes no line of his.
    expect(await decide(wang, 'lamp', { kind: 'accept' }, '2026-11-10T01:30:00.000Z', 0)).toBe('rejected');
    expect(
      await decide(
        wang,
        'puddle',
        { kind: 'reply', text: `已转交，回电请拨${RAW_MOBILE}` },
        '2026-11-10T02:00:00.000Z',
      ),
    ).toBe('applied');
    // Both handled the noise; the later decision (Wang's) places the centre's line.
    expect(await decide(li, 'noise', { kind: 'accept' }, '2026-11-10T03:00:00.000Z')).toBe('applied');
    expect(await decide(wang, 'noise', { kind: 'note', text: '已电话联系' }, '2026-11-10T04:00:00.000Z')).toBe(
      'applied',
    );
    expect(await decide(li, 'smoke', { kind: 'accept' }, '2026-11-09T15:59:59.999Z')).toBe('applied'); // the day before
    expect(await decide(li, 'late', { kind: 'accept' }, '2026-11-10T15:59:59.999Z')).toBe('applied'); // 23:59:59.999
    expect(await decide(li, 'after', { kind: 'accept' }, '2026-11-10T16:00:00.000Z')).toBe('applied'); // the day after
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  const served = async (token: string | null, from: string, to: string, scope: 'me' | 'centre') => {
    const response = await client.get(ledgerPath({ from, to, scope }), token);
    expect(response.status).toBe(200);
    const ledger = ServerLedger.parse(response.body);
    const byRequest = new Map(ledger.lines.map(({ requestId, line }) => [requestId, line]));
    const name = (id: string) => Object.keys(ids).find((key) => ids[key] === id)!;
    return { ledger, byRequest, names: ledger.lines.map((l) => name(l.requestId)).sort() };
  };

  it('records an export in the audit log, masked or not, and a plain look records nothing', async () => {
    await served(li.token, DAY, DAY, 'me');
    const exported = await client.get(
      ledgerPath({ from: DAY, to: DAY, scope: 'centre', format: 'xlsx', masked: '0' }),
      li.token,
    );
    expect(exported.status).toBe(200);
    const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger-exported').execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_name: 'li.na', actor_kind: 'operator' });
    expect(JSON.parse(entries[0]!.details)).toEqual({
      from: DAY,
      to: DAY,
      scope: 'centre',
      format: 'xlsx',
      masked: false,
      lines: 4,
    });
  });

  it('has both operators’ lines of the day, each by whoever decided last, with the unit and the reply', async () => {
    const { byRequest, names } = await served(li.token, DAY, DAY, 'centre');
    expect(names).toEqual(['lamp', 'late', 'noise', 'puddle']);
    expect(byRequest.get(ids.lamp!)).toMatchObject({
      operator: { name: 'li.na' },
      unit: '市水务局',
      status: 'transferred',
    });
    expect(byRequest.get(ids.puddle!)).toMatchObject({
      operator: { name: 'wang.qiang' },
      reply: `已转交，回电请拨${RAW_MOBILE}`,
      handlingSeconds: null,
      keyPresses: null,
    });
    expect(byRequest.get(ids.noise!)).toMatchObject({
      operator: { name: 'wang.qiang' },
      handledAt: '2026-11-10T04:00:00.000Z',
    });
  });

  it('gives each operator their own lines, the one they share included', async () => {
    expect((await served(li.token, DAY, DAY, 'me')).names).toEqual(['lamp', 'late', 'noise']);
    expect((await served(wang.token, DAY, DAY, 'me')).names).toEqual(['noise', 'puddle']);
  });

  it('places lines by Beijing day and spans a range', async () => {
    expect((await served(li.token, '2026-11-09', '2026-11-09', 'centre')).names).toEqual(['smoke']);
    expect((await served(li.token, '2026-11-11', '2026-11-11', 'centre')).names).toEqual(['after']);
    expect((await served(wang.token, '2026-11-09', '2026-11-11', 'centre')).names).toEqual([
      'after',
      'lamp',
      'late',
      'noise',
      'puddle',
      'smoke',
    ]);
  });

  it('needs a session and valid dates', async () => {
    expect((await client.get(ledgerPath({ from: DAY, to: DAY, scope: 'centre' }))).status).toBe(401);
    for (const query of [
      `from=2026-02-30&to=${DAY}&scope=centre`,
      `from=${DAY}&to=${DAY}`,
      `from=${DAY}&to=2026-11-01&scope=me`,
    ])
      expect((await client.get(`${REPORTS_API}/ledger?${query}`, li.token)).status, query).toBe(400);
  });
});
