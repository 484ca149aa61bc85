import { dateKeyOf, dayNumberOf } from '../../shared/deadline/beijing-time';
import type { SeedRow } from './seed-backlog';

/** The weeks a period report is counted on by hand (tests/integration/period-report.test.ts, report-export). */
export const TRANSPORT = 'city-transport';
export const WATER = 'city-water';
export const BUILDING = '城乡建设';
export const TRAFFIC = '交通运输';
export const NOW = new Date('2026-12-01T02:00:00.000Z');

/** 10:00 Beijing on a date, plus `minutes`. */
const at = (date: string, minutes = 0) =>
  new Date(Date.parse(`${date}T10:00:00+08:00`) + minutes * 60_000).toISOString();
const plusDays = (date: string, days: number) => dateKeyOf(dayNumberOf(date) + days);

/**
 * Eight quiet weeks (2026-09-07 … 2026-11-01), each with 2 交通运输 posts on Tuesday and 3 城乡建设 messages on
 * Wednesday; then the week 2026-11-02 … 11-08 with the same 3 城乡建设 (one returned twice, one 不满意, one
 * escalated) and 20 near-identical complaints about one broken traffic light (交通运输, sent to transport),
 * and a junk message; then the week after with the complaints back (12), and the week after that quiet.
 */
export function reportFixture(): SeedRow[] {
  const rows: SeedRow[] = [];
  for (let week = 0; week < 8; week++) {
    const monday = plusDays('2026-09-07', week * 7);
    for (let i = 0; i < 2; i++)
      rows.push({
        channel: 'weibo',
        received_at: at(plusDays(monday, 1), i),
        status: 'closed',
        category_id: TRAFFIC,
        text: `第${week}周公交${i}路晚点严重，司机态度也不好，投诉${i}号车`,
      });
    for (let i = 0; i < 3; i++)
      rows.push({
        channel: 'wechat',
        received_at: at(plusDays(monday, 2), i),
        status: 'closed',
        category_id: BUILDING,
        unit_id: WATER,
        text: `小区${week}-${i}栋楼道灯坏了很久，物业不管，请住建部门督促`,
      });
  }
  const building = (date: string, extra: Partial<SeedRow>, text: string): SeedRow => ({
    channel: 'wechat',
    received_at: at(date),
    status: 'transferred',
    category_id: BUILDING,
    unit_id: WATER,
    text,
    ...extra,
  });
  rows.push(
    building('2026-11-04', { return_count: 2 }, '老旧小区改造拖了半年，联系电话13812345678，单位两次退回'),
    building('2026-11-04', { status: 'closed', rating_score: 'dissatisfied' }, '楼顶漏水反映多次没人修，很不满意'),
    building('2026-11-04', { escalated: 1 }, '施工噪音半夜还在响，已经超期没人回复'),
    { channel: 'wechat', received_at: at('2026-11-03'), status: 'junk', text: '加微信领红包' },
  );
  const trafficLight = (date: string, i: number): SeedRow => ({
    channel: i % 2 === 0 ? 'alipay' : 'weibo',
    received_at: at(date, i),
    status: 'transferred',
    category_id: TRAFFIC,
    unit_id: TRANSPORT,
    text: `人民路与解放路交叉口的红绿灯坏了好几天了，早晚高峰非常堵，请尽快修复${i % 3 === 0 ? '！' : '。'}`,
  });
  for (let i = 0; i < 20; i++) rows.push(trafficLight(i < 10 ? '2026-11-05' : '2026-11-06', i));
  for (let i = 0; i < 12; i++) rows.push(trafficLight('2026-11-11', i));
  return rows;
}
