import { writeFile } from 'node:fs/promises';
import {
  beijingDateTime,
  completenessNote,
  LEDGER_COLUMNS,
  type Ledger,
  type LedgerCell,
  ledgerRows,
  ledgerTitle,
  summaryFigures,
  TOTAL_HEADERS,
  totalsSections,
} from '../../../shared/ledger';
import type { ExportOptions } from './export-options';

/**
 * The ledger as CSV: UTF-8 with a BOM (Excel otherwise reads it as GBK), CRLF and RFC 4180 quoting.
 * The header row comes first so the lines load as a table; totals and the completeness note follow
 * after an empty row, for the person who opens the file in Excel.
 */
export function ledgerCsv(ledger: Ledger, options: ExportOptions = {}): string {
  const records: LedgerCell[][] = [
    LEDGER_COLUMNS.map((c) => c.header),
    ...ledgerRows(ledger, options.mask ?? true).map((row) =>
      row.map((cell, i) =>
        LEDGER_COLUMNS[i]?.kind === 'datetime' && typeof cell === 'string' ? beijingDateTime(cell) : cell,
      ),
    ),
    [],
    [ledgerTitle(ledger)],
    [completenessNote(ledger.completeness)],
    ...summaryFigures(ledger),
  ];
  for (const section of totalsSections(ledger))
    records.push([], [`合计 · ${section.title}`], [...TOTAL_HEADERS], ...section.rows);
  return `\uFEFF${records.map((record) => record.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export async function exportLedgerCsv(ledger: Ledger, path: string, options: ExportOptions = {}): Promise<void> {
  await writeFile(path, ledgerCsv(ledger, options), 'utf8');
}

/**
 * One field. Text starting with = + - @ (or a tab or CR) would run as a formula when Excel opens the
 * file (CSV injection), so it gets a leading apostrophe; numbers are written as numbers.
 */
function csvField(cell: LedgerCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
