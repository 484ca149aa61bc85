import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { CjkFont } from '../../../documents/cjk-font';
import type { PeriodReport } from '../../../shared/reports/period-report';
import { CHANNEL_NAMES } from '../../../shared/reports/report-tables';

/** A chart of a report: ECharts' server-side SVG, and a PNG of it for what cannot show SVG. */
export interface ReportChart {
  title: string;
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

const WIDTH = 720;
const HEIGHT = 300;
const CHANNELS = ['wechat', 'weibo', 'alipay'] as const;
/** The PNG is drawn at twice the size so it stays sharp printed. */
const PNG_ZOOM = 2;

/** The report's charts: arrivals per day by channel, the trend over the periods, the largest categories. */
export function reportCharts(report: PeriodReport, font: CjkFont): ReportChart[] {
  const short = (date: string) => date.slice(5);
  const categories = report.byCategory.slice(0, 10).reverse();
  return [
    chart('每日受理量（按渠道）', font, {
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: report.days.map((d) => short(d.from)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: CHANNELS.map((channel) => ({
        name: CHANNEL_NAMES[channel],
        type: 'bar',
        stack: 'channels',
        data: report.days.map((d) => d.byChannel[channel]),
      })),
    }),
    chart('受理量趋势（前八期与本期）', font, {
      legend: { bottom: 0 },
      xAxis: { type: 'category', data: report.trend.map((v) => short(v.from)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '合计', type: 'line', data: report.trend.map((v) => v.received) },
        ...CHANNELS.map((channel) => ({
          name: CHANNEL_NAMES[channel],
          type: 'line',
          data: report.trend.map((v) => v.byChannel[channel]),
        })),
      ],
    }),
    chart('诉求分类（本期前十）', font, {
      grid: { left: 120 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories.map((c) => c.categoryName) },
      series: [
        {
          name: '受理',
          type: 'bar',
          data: categories.map((c) => c.received),
          label: { show: true, position: 'right' },
        },
      ],
    }),
  ];
}

function chart(title: string, font: CjkFont, option: echarts.EChartsCoreOption): ReportChart {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  instance.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { show: false },
    grid: { left: 48, right: 24, top: 48, bottom: 56 },
    ...option,
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  // Only the Chinese font is loaded: whatever family the SVG names falls back to it, so the PNG's text
  // looks the same on every machine and never turns into boxes.
  const png = new Resvg(svg, {
    font: { fontFiles: [font.path], loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
  })
    .render()
    .asPng();
  return { title, svg, png, width: WIDTH, height: HEIGHT };
}
