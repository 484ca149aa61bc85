import ExcelJS from 'exceljs';
import { BEIJING_OFFSET_MS, toEpochMs } from '../../../shared/deadline';
import {
  completenessNote,
  LEDGER_COLUMNS,
  type Ledger,
  type LedgerCell,
  ledgerRows,
  ledgerTitle,
  mayMissLines,
  summaryFigures,
  TOTAL_HEADERS,
  totalsSections,
} from '../../../shared/ledger';
import type { ExportOptions } from './export-options';

export const LINES_SHEET = '台账';
export const TOTALS_SHEET = '合计';
/** Title, completeness note, then the column headers: the rows that stay frozen while scrolling. */
export const HEADER_ROW = 3;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const WARNING_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' }, bold: true };

/** The ledger as a workbook: the lines on 台账 (frozen headers, filters, print set-up) and the totals on 合计. */
export async function exportLedgerXlsx(ledger: Ledger, path: string, options: ExportOptions = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yiwang 一网受理工作台';
  workbook.created = new Date(ledger.generatedAt);
  addLinesSheet(workbook, ledger, options.mask ?? true);
  addTotalsSheet(workbook, ledger);
  await workbook.xlsx.writeFile(path);
}

function addLinesSheet(workbook: ExcelJS.Workbook, ledger: Ledger, mask: boolean): void {
  const sheet = workbook.addWorksheet(LINES_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `${HEADER_ROW}:${HEADER_ROW}`;
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    width: column.width,
    style: {
      numFmt: column.kind === 'datetime' ? 'yyyy-mm-dd hh:mm:ss' : column.kind === 'integer' ? '0' : '@',
      alignment: { vertical: 'top', wrapText: column.width >= 20 },
    },
  }));
  addHeading(sheet, ledger, LEDGER_COLUMNS.length);
  const header = sheet.getRow(HEADER_ROW);
  header.values = LEDGER_COLUMNS.map((c) => c.header);
  styleHeader(header);
  for (const row of ledgerRows(ledger, mask)) {
    sheet.addRow(row.map((cell, i) => (LEDGER_COLUMNS[i]?.kind === 'datetime' ? excelTime(cell) : cell)));
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: LEDGER_COLUMNS.length } };
}

function addTotalsSheet(workbook: ExcelJS.Workbook, ledger: Ledger): void {
  const sheet = workbook.addWorksheet(TOTALS_SHEET);
  sheet.columns = TOTAL_HEADERS.map((_, i) => ({ width: i === 0 ? 36 : 14 }));
  addHeading(sheet, ledger, TOTAL_HEADERS.length);
  sheet.addRow([]);
  for (const [label, value] of summaryFigures(ledger)) sheet.addRow([label, value]).getCell(1).font = { bold: true };
  for (const section of totalsSections(ledger)) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 12 };
    styleHeader(sheet.addRow([...TOTAL_HEADERS]));
    for (const row of section.rows) sheet.addRow(row);
  }
}

/** Row 1: the title; row 2: the completeness note, in red when lines may be missing. */
function addHeading(sheet: ExcelJS.Worksheet, ledger: Ledger, width: number): void {
  const title = sheet.getRow(1);
  title.getCell(1).value = ledgerTitle(ledger);
  title.font = { bold: true, size: 14 };
  title.height = 24;
  const note = sheet.getRow(2);
  note.getCell(1).value = completenessNote(ledger.completeness);
  if (mayMissLines(ledger.completeness)) note.font = WARNING_FONT;
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
}

/** Excel has no time zones: a Date whose UTC fields are the Beijing wall time shows as Beijing time. */
function excelTime(cell: LedgerCell): Date | null {
  return typeof cell === 'string' ? new Date(toEpochMs(cell) + BEIJING_OFFSET_MS) : null;
}
