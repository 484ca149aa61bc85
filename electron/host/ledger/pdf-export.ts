import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import {
  beijingDateTime,
  completenessNote,
  LEDGER_COLUMNS,
  type Ledger,
  type LedgerCell,
  ledgerRows,
  ledgerTitle,
  mayMissLines,
  periodLabel,
  scopeLabel,
  summarize,
  summaryFigures,
  TOTAL_HEADERS,
  totalsSections,
} from '../../../shared/ledger';
import { type CjkFont, findCjkFont } from '../../../documents/cjk-font';
import type { ExportOptions } from './export-options';
import { drawTable, fitColumns, type PdfColumn, type PdfColumnSpec, spaceLeft } from '../../../documents/pdf-table';

export interface PdfExportOptions extends ExportOptions {
  /** Defaults to `findCjkFont()`. */
  font?: CjkFont;
}

const MARGIN = 28;
const BODY_SIZE = 7;
/** Long replies are cut on paper so one line stays a few rows high; XLSX and CSV keep them whole. */
const PRINTED_TEXT_LENGTH = 60;

/**
 * The ledger as an A4 landscape PDF for filing and printing: title, completeness note, the lines with the
 * header row on every page, then the totals, and 第 n / m 页 on every page. Text is embedded in a Chinese
 * font found on the machine (subset), so the file reads the same anywhere and its text can be extracted.
 */
export async function exportLedgerPdf(ledger: Ledger, path: string, options: PdfExportOptions = {}): Promise<void> {
  const font = options.font ?? findCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN + 8, left: MARGIN, right: MARGIN },
    bufferPages: true, // page numbers need the page count, known only at the end
    lang: 'zh-CN',
    info: { Title: ledgerTitle(ledger), Creator: 'Yiwang 一网受理工作台', CreationDate: new Date(ledger.generatedAt) },
  });
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk'); // loads the font: a broken file fails here, before any file is created
  const done = finished(doc.pipe(createWriteStream(path)));

  drawHeading(doc, ledger);
  const rows = ledgerRows(ledger, options.mask ?? true).map((row) =>
    row.map((cell, i) => printed(cell, LEDGER_COLUMNS[i]?.kind)),
  );
  if (rows.length === 0) doc.fontSize(10).text('本期没有受理记录。').moveDown();
  else {
    const specs: PdfColumnSpec[] = LEDGER_COLUMNS.map((c) => ({
      header: c.header,
      share: c.printShare,
      align: c.kind === 'integer' ? 'right' : 'left',
    }));
    doc.fontSize(BODY_SIZE);
    drawTable(doc, fitColumns(doc, specs, rows, doc.page.width - 2 * MARGIN), rows, BODY_SIZE);
  }
  drawTotals(doc, ledger);
  drawPageNumbers(doc, ledger);

  doc.end();
  await done;
}

function drawHeading(doc: PDFKit.PDFDocument, ledger: Ledger): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor('#1a1a1a').fontSize(18).text('工作台账', { width, align: 'center' });
  doc.fontSize(10).text(`${periodLabel(ledger.period)}　${scopeLabel(ledger.scope)}`, { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .fontSize(8)
    .fillColor('#555555')
    .text(`导出时间：${beijingDateTime(ledger.generatedAt)}　　共 ${ledger.totals.lines} 件`, { width });
  const warn = mayMissLines(ledger.completeness);
  doc
    .fontSize(warn ? 9 : 8)
    .fillColor(warn ? '#c00000' : '#555555')
    .text(completenessNote(ledger.completeness), { width });
  doc.fillColor('#1a1a1a').moveDown(0.5);
}

function drawTotals(doc: PDFKit.PDFDocument, ledger: Ledger): void {
  const columns: PdfColumn[] = TOTAL_HEADERS.map((header, i) => ({
    header,
    width: i === 0 ? 220 : 90,
    align: i === 0 ? 'left' : 'right',
  }));
  const heading = (title: string, size: number) => {
    if (spaceLeft(doc) < 80) doc.addPage(); // keep a heading with its first rows
    doc.x = MARGIN;
    doc.fillColor('#1a1a1a').fontSize(size).text(title);
    doc.moveDown(0.2);
  };
  heading('合计', 13);
  const figures = summaryFigures(ledger).map(([label, value]) => `${label}：${value ?? '—'}`);
  doc.fontSize(9).text(figures.join('　　'), { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.6);
  for (const section of totalsSections(ledger)) {
    heading(section.title, 10);
    drawTable(
      doc,
      columns,
      section.rows.map((row) => row.map((cell) => printed(cell, 'text'))),
      8,
    );
  }
}

function drawPageNumbers(doc: PDFKit.PDFDocument, ledger: Ledger): void {
  const { start, count } = doc.bufferedPageRange();
  const title = ledgerTitle(ledger);
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const y = doc.page.height - MARGIN + 6;
    const width = doc.page.width - 2 * MARGIN;
    doc.fontSize(7).fillColor('#777777');
    doc.text(title, MARGIN, y, { width, align: 'left', lineBreak: false });
    doc.text(`第 ${i - start + 1} / ${count} 页`, MARGIN, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** A cell as printed: short Beijing times (月-日 时:分), long text cut, nothing for null. */
function printed(cell: LedgerCell, kind: string | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (kind === 'datetime') return beijingDateTime(cell).slice(5, 16);
  return summarize(cell, PRINTED_TEXT_LENGTH);
}
