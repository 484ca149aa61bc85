import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDayStart, dayNumberOf, HOUR_MS } from '../../shared/deadline/beijing-time';
import { seededRandom } from '../../shared/text/hash';
import { openDatabase, type Db } from '../../server/db/open-database';
import { migrateToLatest } from '../../server/db/migrate';
import { periodReport } from '../../server/reports/period-report';
import { seedRequests, type SeedRow } from '../support/seed-backlog';
import { testBackends, type TestDatabase } from '../support/test-database';

/** Categories with their daily rate and what citizens write about them (a place and a number vary). */
const TRAFFIC: readonly [string, number, readonly string[]][] = [
  ['城乡建设', 6, ['{p}小区楼道灯坏了{n}天，物业不管', '{p}老旧小区改造施工围挡占道{n}米']],
  ['交通运输', 4, ['{p}公交{n}路晚点严重', '{p}路口红绿灯时长不合理，等了{n}分钟']],
  ['生态环境', 3, ['{p}工地夜间施工噪音扰民到{n}点', '{p}餐馆油烟直排，熏得没法开窗']],
  ['教育', 2, ['{p}小学放学接送拥堵，{n}年级家长反映', '{p}幼儿园收费{n}元是否合理']],
  ['卫生健康', 2, ['{p}社区医院排队{n}小时', '{p}药店医保卡刷不了']],
  ['市场监管', 2, ['{p}超市卖过期食品，保质期过了{n}天', '{p}商家预付卡跑路，充了{n}元']],
  ['人力社保', 1, ['{p}公司拖欠工资{n}个月', '{p}社保转移办了{n}次没办成']],
  ['公安', 1, ['{p}小区门口电动车乱停', '{p}深夜有人飙车，{n}点还在响']],
];
const PLACES = ['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市'];
const PLANTED = '{p}人民路{n}号门口井盖缺失，晚上路过差点掉下去，太危险了，请尽快补上';

/** Poisson-distributed daily counts (Knuth's method: rates here are small). */
function poisson(rate: number, random: () => number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

function message(template: string, random: () => number): string {
  return template
    .replace('{p}', PLACES[Math.floor(random() * PLACES.length)]!)
    .replace('{n}', String(1 + Math.floor(random() * 30)));
}

/** Steady traffic from `from` to `to`, each category at its rate every day, at random hours. */
function steadyTraffic(from: string, to: string, random: () => number): SeedRow[] {
  const rows: SeedRow[] = [];
  for (let day = dayNumberOf(from); day <= dayNumberOf(to); day++)
    for (const [category, rate, templates] of TRAFFIC)
      for (let i = poisson(rate, random); i > 0; i--)
        rows.push({
          channel: (['wechat', 'weibo', 'alipay'] as const)[Math.floor(random() * 3)]!,
          received_at: new Date(beijingDayStart(day) + random() * 24 * HOUR_MS).toISOString(),
          status: 'closed',
          category_id: category,
          text: message(templates[Math.floor(random() * templates.length)]!, random),
        });
  return rows;
}

describe.each(testBackends())('the surge radar on simulated traffic on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
    const random = seededRandom(12);
    const planted: SeedRow[] = Array.from({ length: 30 }, (_, i) => ({
      channel: 'wechat',
      received_at: new Date(beijingDayStart(dayNumberOf('2026-10-10') + (i % 12)) + 10 * HOUR_MS).toISOString(),
      status: 'transferred',
      category_id: '城乡建设',
      unit_id: i % 3 === 0 ? 'city-housing' : 'city-transport',
      text: message(PLANTED, random),
    }));
    await seedRequests(db, [...steadyTraffic('2026-01-01', '2026-10-31', random), ...planted]);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('finds nothing in a flat month', async () => {
    for (const month of ['2026-09-15', '2026-08-15']) {
      const report = await periodReport(db, { period: 'month', date: month });
      expect(report.surges, month).toEqual([]);
      expect(report.received, month).toBeGreaterThan(500);
    }
  });

  it('finds the planted cluster of complaints, with its messages and units', async () => {
    const report = await periodReport(db, { period: 'month', date: '2026-10-01' });
    const cluster = report.surges.find((s) => s.kind === 'cluster');
    expect(cluster?.label).toContain('井盖缺失');
    expect(cluster!.count).toBe(30);
    expect(cluster!.messages.every((m) => m.text.includes('井盖缺失'))).toBe(true);
    expect(cluster!.units.map((u) => [u.unitId, u.count])).toEqual([
      ['city-transport', 20],
      ['city-housing', 10],
    ]);
    // Nothing else rose but the planted complaints (and their category, which they lifted by half).
    for (const surge of report.surges) expect([cluster!.key, 'category:城乡建设']).toContain(surge.key);
    expect(report.from).toBe('2026-10-01');
  });
});
