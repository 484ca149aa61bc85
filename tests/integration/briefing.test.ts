import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Briefing, briefingPath } from '../../shared/reports/briefing';
import { REPORTS_API } from '../../shared/reports/summary';
import { openDatabase, type Db } from '../../server/db/open-database';
import { briefing } from '../../server/reports/briefing';
import { jsonClient } from '../support/json-client';
import { seedRequests, type SeedRow } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { workstation } from '../support/unit-work';

// The morning briefing's numbers on a hand-counted fixture: the day reviewed (2026-11-18), the same weekday of
// the four weeks before (11-11, 11-04, 10-28, 10-21), and the requests the morning names, as of NOW.

const DATE = '2026-11-18';
const NOW = new Date('2026-11-19T01:00:00.000Z');
const BUILDING = '城乡建设';
const TRAFFIC = '交通运输';
/** 10:00 Beijing on a day. */
const at = (day: string) => `${day}T02:00:00.000Z`;

const FIXTURE: SeedRow[] = [
  // The day: WeChat 3 (building 2, traffic 1), Weibo 1 (building); a junk message counts nowhere.
  { received_at: at(DATE), channel: 'wechat', category_id: BUILDING, text: '路灯不亮，电话13812345678' },
  { received_at: at(DATE), channel: 'wechat', category_id: BUILDING },
  { received_at: at(DATE), channel: 'wechat', category_id: TRAFFIC },
  { received_at: at(DATE), channel: 'weibo', category_id: BUILDING },
  { received_at: at(DATE), channel: 'wechat', status: 'junk', category_id: BUILDING },
  // The weeks before: 11-11 WeChat building; 11-04 Weibo traffic ×2; 10-28 WeChat building; 10-21 nothing.
  { received_at: at('2026-11-11'), channel: 'wechat', category_id: BUILDING },
  { received_at: at('2026-11-04'), channel: 'weibo', category_id: TRAFFIC },
  { received_at: at('2026-11-04'), channel: 'weibo', category_id: TRAFFIC },
  { received_at: at('2026-10-28'), channel: 'wechat', category_id: BUILDING },
  // The day before is not compared.
  { received_at: at('2026-11-17'), channel: 'alipay', category_id: BUILDING },
  // Overdue now: the water bureau holds it past its due time.
  {
    received_at: at('2026-11-10'),
    status: 'transferred',
    unit_id: 'city-water',
    transferred_at: at('2026-11-10'),
    unit_due_at: '2026-11-17T09:30:00.000Z',
    text: '水管爆裂无人修',
  },
  // Escalated and open; escalated and closed (thorny, but no longer on the escalated list).
  { received_at: at('2026-11-15'), status: 'accepted', escalated: 1, text: '多次反映无果' },
  { received_at: at('2026-11-16'), status: 'closed', escalated: 1, closed_at: at('2026-11-16') },
  // Returned twice; rated 不满意; returned twice but before the 30 days looked at.
  { received_at: at('2026-11-12'), status: 'accepted', return_count: 2 },
  { received_at: at('2026-11-13'), status: 'closed', rating_score: 'dissatisfied', rated_at: at('2026-11-14') },
  { received_at: at('2026-10-01'), status: 'accepted', return_count: 3 },
];

describe.each(testBackends())('the morning briefing on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let ids: string[];

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_ADMIN_PASSWORD: 'admin-pass' });
    db = openDatabase(database.url);
    ids = await seedRequests(db, FIXTURE);
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  it('compares the day’s volume with the same weekday of the four weeks before', async () => {
    const { comparedWith, volume } = Briefing.parse(await briefing(db, { date: DATE }, NOW));
    expect(comparedWith).toEqual(['2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11']);
    expect(volume.total).toEqual({ count: 4, mean: 1, change: 3 }); // before: 0, 1, 2, 1
    expect(volume.byChannel).toEqual([
      { channel: 'wechat', count: 3, mean: 0.5, change: 5 },
      { channel: 'weibo', count: 1, mean: 0.5, change: 1 },
      { channel: 'alipay', count: 0, mean: 0, change: null },
    ]);
    expect(volume.byCategory).toEqual([
      { categoryId: BUILDING, categoryName: BUILDING, count: 3, mean: 0.5, change: 5 },
      { categoryId: TRAFFIC, categoryName: TRAFFIC, count: 1, mean: 0.5, change: 1 },
    ]);
  });

  it('names the overdue, the escalated, the thorny cases and the units late, masked', async () => {
    const day = Briefing.parse(await briefing(db, { date: DATE }, NOW));
    expect(day.overdue).toEqual([
      expect.objectContaining({ requestId: ids[10], unitName: '市水务局', dueAt: '2026-11-17T09:30:00.000Z' }),
    ]);
    expect(day.escalated.map((r) => r.requestId)).toEqual([ids[11]]);
    expect(day.unitsLate).toEqual([{ unitId: 'city-water', unitName: '市水务局', overdue: 1, holding: 1 }]);
    const thorny = new Map(day.thorny.map((c) => [c.requestId, c.reasons]));
    expect(thorny).toEqual(
      new Map([
        [ids[11], ['escalated']],
        [ids[12], ['escalated']],
        [ids[13], ['returned']],
        [ids[14], ['dissatisfied']],
      ]),
    );
    expect(JSON.stringify(day)).not.toContain('13812345678');
  });

  it('serves it to every signed-in operator, and refuses a bad date', async () => {
    const client = jsonClient(server.url);
    const desk = await workstation(db, client, 'zhao.min');
    const served = await client.get(briefingPath({ date: DATE }), desk.token);
    expect(served.status).toBe(200);
    expect(Briefing.parse(served.body).volume.total.count).toBe(4);
    expect((await client.get(briefingPath({ date: DATE }))).status).toBe(401);
    expect((await client.get(`${REPORTS_API}/briefing?date=2026-02-30`, desk.token)).status).toBe(400);
  });
});
