import { findCjkFont } from '../../../documents/cjk-font';
import type { PeriodReport, ReportFormat } from '../../../shared/reports/period-report';
import { docxReport } from './docx-report';
import { pdfReport } from './pdf-report';
import { reportCharts } from './report-charts';
import { xlsxReport } from './xlsx-report';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A period report as a file's bytes in one of the formats; the charts are drawn for the formats that show them. */
export async function exportReport(report: PeriodReport, format: ReportFormat): Promise<Buffer> {
  if (format === 'json') return Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
  if (format === 'xlsx') return xlsxReport(report);
  const cjk = findCjkFont();
  const charts = reportCharts(report, cjk);
  return format === 'docx' ? docxReport(report, charts) : pdfReport(report, charts, cjk);
}
