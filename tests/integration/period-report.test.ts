import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Commentary, PeriodReport, SurgeMark } from '../../shared/reports/period-report';
import { REPORTS_API } from '../../shared/reports/summary';
import { openDatabase, type Db } from '../../server/db/open-database';
import { periodReport } from '../../server/reports/period-report';
import { summarize } from '../../server/reports/summarize';
import { jsonClient } from '../support/json-client';
import { BUILDING, NOW, reportFixture, TRAFFIC, TRANSPORT, WATER } from '../support/report-fixture';
import { seedRequests } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { workstation } from '../support/unit-work';

describe.each(testBackends())('period reports and the surge radar on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_ADMIN_PASSWORD: 'admin-pass' });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    await seedRequests(db, reportFixture());
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  it("reports the week: the summary's numbers, the days, the trend, the league table and the notable cases", async () => {
    const report = PeriodReport.parse(await periodReport(db, { period: 'week', date: '2026-11-04' }, NOW));
    const summary = await summarize(db, { from: '2026-11-02', to: '2026-11-08' }, NOW);
    expect(report).toMatchObject({ ...summary, generatedAt: expect.any(String) });
    expect(report).toMatchObject({
      period: 'week',
      from: '2026-11-02',
      to: '2026-11-08',
      received: 23, // 3 城乡建设 + 20 traffic light
      byChannel: { wechat: 3, weibo: 10, alipay: 10 },
      excluded: { junk: 1, merged: 0 },
      closed: 1,
    });
    expect(report.days.map((d) => [d.from, d.received, d.byCategory[TRAFFIC] ?? 0])).toEqual([
      ['2026-11-02', 0, 0],
      ['2026-11-03', 0, 0], // the junk message is left out
      ['2026-11-04', 3, 0],
      ['2026-11-05', 10, 10],
      ['2026-11-06', 10, 10],
      ['2026-11-07', 0, 0],
      ['2026-11-08', 0, 0],
    ]);
    expect(report.trend).toHaveLength(9);
    expect(report.trend[0]).toMatchObject({ from: '2026-09-07', to: '2026-09-13', received: 5 });
    expect(report.trend[0]!.byCategory).toEqual({ [TRAFFIC]: 2, [BUILDING]: 3 });
    expect(report.trend[8]).toMatchObject({ from: '2026-11-02', received: 23, byChannel: summary.byChannel });

    // Nothing had a due time, so 按期办结率 is null for both; 办结率 decides: transport 0 of 20, water 1 of 3.
    expect(report.league.map((u) => [u.rank, u.unitId, u.received, u.closed])).toEqual([
      [1, TRANSPORT, 20, 0],
      [2, WATER, 3, 1],
    ]);

    expect(report.notableCases.map((c) => [c.reasons, c.returnCount])).toEqual([
      [['returned'], 2],
      [['dissatisfied'], 0],
      [['escalated'], 0],
    ]);
    expect(report.notableCases[0]!.text).toContain('138****5678');
    expect(report.notableCases[0]!.text).not.toContain('13812345678');
  });

  it('finds the surge of traffic-light complaints, as a category and as a cluster, with its units', async () => {
    const report = await periodReport(db, { period: 'week', date: '2026-11-08' }, NOW);
    expect(report.surges.map((s) => [s.kind, s.count])).toEqual([
      ['category', 20],
      ['cluster', 20],
    ]);
    const [category, cluster] = report.surges;
    // 16 in the eight weeks before (56 days) → 2 expected in 7 days.
    expect(category).toMatchObject({ key: `category:${TRAFFIC}`, label: TRAFFIC, expected: 2, ratio: 10 });
    expect(category!.units).toEqual([{ unitId: TRANSPORT, unitName: '市交通运输局', count: 20 }]);
    expect(cluster!.label).toContain('红绿灯坏了');
    expect(cluster!.expected).toBe(0);
    expect(cluster!.messages).toHaveLength(5);
    expect(cluster!.units).toEqual([{ unitId: TRANSPORT, unitName: '市交通运输局', count: 20 }]);
    for (const surge of report.surges) expect(surge.adjustedP).toBeLessThan(0.01);
    // The quiet weeks before had none.
    expect((await periodReport(db, { period: 'week', date: '2026-10-28' }, NOW)).surges).toEqual([]);
  });

  it('marks a surge handled, stores the commentary, and watches the surge in the weeks after', async () => {
    const supervisor = await workstation(db, client, 'du.cha', 'supervisor');
    const desk = await workstation(db, client, 'zhang.wei');
    const week = { period: 'week', date: '2026-11-04' };
    const report = PeriodReport.parse(
      (await client.get(`${REPORTS_API}/period?period=week&date=2026-11-04`, supervisor.token)).body,
    );
    const cluster = report.surges.find((s) => s.kind === 'cluster')!;

    expect((await client.get(`${REPORTS_API}/period?period=week&date=2026-11-04`, desk.token)).status).toBe(403);
    expect((await client.get(`${REPORTS_API}/period?period=year&date=2026-11-04`, supervisor.token)).status).toBe(400);
    const missing = await client.post(
      `${REPORTS_API}/surges/handled`,
      { ...week, key: 'cluster:none' },
      supervisor.token,
    );
    expect(missing.status).toBe(404);

    for (const key of [cluster.key, `category:${TRAFFIC}`]) {
      const marked = await client.post(
        `${REPORTS_API}/surges/handled`,
        { ...week, key, note: '已督办交警支队修复信号灯' },
        supervisor.token,
      );
      expect(marked.status).toBe(200);
      expect(SurgeMark.parse(marked.body)).toMatchObject({ note: '已督办交警支队修复信号灯' });
    }
    const written = await client.post(
      `${REPORTS_API}/commentary`,
      { ...week, text: '本周红绿灯故障集中反映，已督办。' },
      supervisor.token,
    );
    expect(Commentary.parse(written.body)).toMatchObject({ text: '本周红绿灯故障集中反映，已督办。' });

    const again = await periodReport(db, { period: 'week', date: '2026-11-02' }, NOW);
    expect(again.commentary).toMatchObject({ text: '本周红绿灯故障集中反映，已督办。', author: expect.any(String) });
    expect(again.surges.every((s) => s.handled?.note === '已督办交警支队修复信号灯' && !s.recurrence)).toBe(true);

    // The week after, the complaints are back (复发); the week after that, quiet (不再复发).
    const next = await periodReport(db, { period: 'week', date: '2026-11-11' }, NOW);
    expect(next.watched.map((w) => [w.kind, w.cameBack])).toEqual([
      ['cluster', true],
      ['category', true],
    ]);
    expect(next.surges.map((s) => [s.kind, s.recurrence])).toEqual(
      expect.arrayContaining([
        ['category', true],
        ['cluster', true],
      ]),
    );
    const quiet = await periodReport(db, { period: 'week', date: '2026-11-18' }, NOW);
    expect(quiet.watched.map((w) => [w.kind, w.cameBack, w.foundIn.from])).toEqual([
      ['cluster', false, '2026-11-02'],
      ['category', false, '2026-11-02'],
    ]);
    expect(quiet.commentary).toBeNull();
  });
});
