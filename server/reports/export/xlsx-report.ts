import ExcelJS from 'exceljs';
import type { PeriodReport } from '../../../shared/reports/period-report';
import {
  categoryTable,
  commentaryLines,
  dailyTable,
  headlineFigures,
  leagueTable,
  notableTable,
  reportTitle,
  surgeTable,
  trendTable,
  watchedTable,
  type ReportTable,
} from '../../../shared/reports/report-tables';

/**
 * The report's data appendix as an XLSX workbook: a summary sheet (figures and commentary), then one sheet
 * per table, numbers as numbers so the office can chart and sum them again.
 */
export async function xlsxReport(report: PeriodReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yiwang 一网受理工作台';
  workbook.created = new Date(report.generatedAt);
  const summary = workbook.addWorksheet('概况');
  summary.addRow([reportTitle(report)]).font = { bold: true, size: 14 };
  for (const [label, value] of headlineFigures(report)) summary.addRow([label, value]);
  const commentary = commentaryLines(report);
  summary.addRow([]);
  summary.addRow(['分析意见', commentary.text]);
  if (commentary.signature) summary.addRow(['撰写', commentary.signature]);
  summary.getColumn(1).width = 22;
  summary.getColumn(2).width = 80;

  for (const [name, table] of [
    ['单位排名', leagueTable(report)],
    ['分类', categoryTable(report)],
    ['每日', dailyTable(report)],
    ['趋势', trendTable(report)],
    ['热点', surgeTable(report)],
    ['热点跟踪', watchedTable(report)],
    ['疑难件', notableTable(report)],
  ] as const)
    addSheet(workbook, name, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, name: string, table: ReportTable): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  table.headers.forEach((header, i) => {
    const widest = Math.max(header.length, ...table.rows.map((row) => String(row[i]).length));
    sheet.getColumn(i + 1).width = Math.min(60, 4 + widest * 2);
  });
}
