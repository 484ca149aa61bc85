import PDFDocument from 'pdfkit';
import type { CjkFont } from '../../../documents/cjk-font';
import { drawTable, fitColumns, spaceLeft, type PdfColumnSpec } from '../../../documents/pdf-table';
import type { PeriodReport } from '../../../shared/reports/period-report';
import {
  categoryTable,
  commentaryLines,
  headlineFigures,
  leagueTable,
  notableTable,
  reportTitle,
  surgeTable,
  watchedTable,
  type ReportTable,
} from '../../../shared/reports/report-tables';
import type { ReportChart } from './report-charts';

const MARGIN = 40;
const BODY_SIZE = 8;

/**
 * The report as an A4 PDF for filing: the same sections as the Word document, text embedded in the Chinese
 * font found on the machine (documents/cjk-font.ts), so it can be read and its text extracted anywhere; the
 * charts as the PNGs drawn from their SVG.
 */
export async function pdfReport(report: PeriodReport, charts: readonly ReportChart[], font: CjkFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: 'zh-CN',
    info: { Title: reportTitle(report), Creator: 'Yiwang 一网受理工作台', CreationDate: new Date(report.generatedAt) },
  });
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor('#1a1a1a').fontSize(18).text(reportTitle(report), { width, align: 'center' }).moveDown(0.6);
  heading(doc, '一、总体情况');
  doc.fontSize(10).text(
    headlineFigures(report)
      .map(([label, value]) => `${label}：${value}`)
      .join('　　'),
    { width },
  );
  doc.moveDown(0.6);

  heading(doc, '二、分析意见');
  const commentary = commentaryLines(report);
  doc.fontSize(10).text(commentary.text, { width });
  if (commentary.signature) doc.fontSize(9).fillColor('#555555').text(commentary.signature, { width, align: 'right' });
  doc.fillColor('#1a1a1a').moveDown(0.6);

  heading(doc, '三、受理量与趋势');
  for (const chart of charts) {
    const height = (width * chart.height) / chart.width;
    if (spaceLeft(doc) < height) doc.addPage();
    doc.image(chart.png, MARGIN, doc.y, { width });
    doc.y += height + 6;
  }
  for (const [number, table] of [
    ['四、', leagueTable(report)],
    ['五、', categoryTable(report)],
    ['六、', surgeTable(report)],
    ['七、', watchedTable(report)],
    ['八、', notableTable(report)],
  ] as const)
    drawSection(doc, number, table, width);

  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function heading(doc: PDFKit.PDFDocument, title: string): void {
  if (spaceLeft(doc) < 80) doc.addPage(); // keep a heading with what follows it
  doc.x = MARGIN;
  doc.fillColor('#1a1a1a').fontSize(13).text(title).moveDown(0.2);
}

function drawSection(doc: PDFKit.PDFDocument, number: string, table: ReportTable, width: number): void {
  heading(doc, `${number}${table.title}`);
  if (table.rows.length === 0) {
    doc.fontSize(10).text('本期无。').moveDown(0.6);
    return;
  }
  const rows = table.rows.map((row) => row.map(String));
  const specs: PdfColumnSpec[] = table.headers.map((header, i) => ({
    header,
    share: i === table.wide ? 1 : null,
    align: typeof table.rows[0]![i] === 'number' ? 'right' : 'left',
  }));
  doc.fontSize(BODY_SIZE);
  drawTable(doc, fitColumns(doc, specs, rows, width), rows, BODY_SIZE);
}
