import { beijingDateTime } from '../ledger/format';
import type { PeriodReport } from './period-report';

/**
 * A period report's words and tables in Chinese, as every export format prints them (DOCX, PDF, XLSX), so
 * the three show the same headings, figures and rows: 办结率, 按期办结率 and 满意率 in each.
 */
export interface ReportTable {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  /** The column that takes the room the others leave on paper (a name, a message). */
  wide: number;
}

const KIND = { day: '日报', week: '周报', month: '月报' } as const;
const CHANNEL = { wechat: '微信', weibo: '微博', alipay: '支付宝' } as const;
const REASON = { returned: '多次退回', dissatisfied: '不满意', escalated: '已督办' } as const;

export function reportTitle(report: PeriodReport): string {
  const span = report.from === report.to ? report.from : `${report.from} 至 ${report.to}`;
  return `一网受理${KIND[report.period]}（${span}）`;
}

/** A rate as a percentage with one decimal, or — when nothing was there to divide. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** The headline figures: label and value. */
export function headlineFigures(report: PeriodReport): [string, string][] {
  return [
    ['受理量', String(report.received)],
    ['微信 / 微博 / 支付宝', `${report.byChannel.wechat} / ${report.byChannel.weibo} / ${report.byChannel.alipay}`],
    ['转办', String(report.transferred)],
    ['单位已答复', String(report.answeredByUnits)],
    ['办结', String(report.closed)],
    ['办结率', percent(report.closedRate)],
    ['按期办结率', percent(report.onTimeRate)],
    ['满意率', percent(report.satisfactionRate)],
  ];
}

export function leagueTable(report: PeriodReport): ReportTable {
  return {
    title: '责任单位排名（按期办结率由低到高）',
    wide: 1,
    headers: ['名次', '责任单位', '受理', '办结', '办结率', '按期办结率', '满意率'],
    rows: report.league.map((u) => [
      u.rank,
      u.unitName,
      u.received,
      u.closed,
      percent(u.closedRate),
      percent(u.onTimeRate),
      percent(u.satisfactionRate),
    ]),
  };
}

export function categoryTable(report: PeriodReport): ReportTable {
  return {
    title: '诉求分类',
    wide: 0,
    headers: ['分类', '受理', '办结', '办结率', '按期办结率', '满意率'],
    rows: report.byCategory.map((c) => [
      c.categoryName,
      c.received,
      c.closed,
      percent(c.closedRate),
      percent(c.onTimeRate),
      percent(c.satisfactionRate),
    ]),
  };
}

export function surgeTable(report: PeriodReport): ReportTable {
  return {
    title: '异常上升（热点）',
    wide: 1,
    headers: ['类型', '内容', '本期', '基线预期', '涉及单位', '处理'],
    rows: report.surges.map((s) => [
      s.kind === 'category' ? '分类' : '相似诉求',
      s.label,
      s.count,
      s.expected.toFixed(1),
      s.units.map((u) => `${u.unitName}(${u.count})`).join('、'),
      s.handled ? `已处理：${s.handled.note}` : s.recurrence ? '复发' : '',
    ]),
  };
}

export function watchedTable(report: PeriodReport): ReportTable {
  return {
    title: '已处理热点跟踪',
    wide: 0,
    headers: ['内容', '发现于', '处理人', '本期'],
    rows: report.watched.map((w) => [
      w.label,
      `${w.foundIn.from} 至 ${w.foundIn.to}`,
      w.mark.handledBy,
      w.cameBack ? '复发' : '不再复发',
    ]),
  };
}

export function notableTable(report: PeriodReport): ReportTable {
  return {
    title: '疑难件',
    wide: 5,
    headers: ['编号', '受理时间', '渠道', '责任单位', '原因', '诉求内容'],
    rows: report.notableCases.map((c) => [
      c.number,
      beijingDateTime(c.receivedAt).slice(0, 16),
      CHANNEL[c.channel],
      c.unitName ?? '',
      c.reasons.map((r) => REASON[r]).join('、'),
      c.text,
    ]),
  };
}

/** The days of the period by channel: the data behind the volume chart. */
export function dailyTable(report: PeriodReport): ReportTable {
  return {
    title: '每日受理量',
    wide: 0,
    headers: ['日期', '合计', '微信', '微博', '支付宝'],
    rows: report.days.map((d) => [d.from, d.received, d.byChannel.wechat, d.byChannel.weibo, d.byChannel.alipay]),
  };
}

/** The trailing periods and this one: the data behind the trend chart. */
export function trendTable(report: PeriodReport): ReportTable {
  return {
    title: '趋势（前八期与本期）',
    wide: 0,
    headers: ['起', '止', '合计', '微信', '微博', '支付宝'],
    rows: report.trend.map((v) => [
      v.from,
      v.to,
      v.received,
      v.byChannel.wechat,
      v.byChannel.weibo,
      v.byChannel.alipay,
    ]),
  };
}

export const CHANNEL_NAMES = CHANNEL;

/** The commentary as printed, with its author and time, or a note that none was written. */
export function commentaryLines(report: PeriodReport): { text: string; signature: string } {
  if (!report.commentary) return { text: '（本期未撰写分析意见）', signature: '' };
  const { text, author, writtenAt } = report.commentary;
  return { text, signature: `${author}　${beijingDateTime(writtenAt).slice(0, 16)}` };
}
