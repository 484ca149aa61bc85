import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { LEDGER_COLUMNS } from '../../shared/ledger';
import { expect, expectShown, test } from '../support/triage-fixtures';

// The work ledger exported by keys only, from the cache of a workstation with no server (it says 离线), by the host as
// `npm run build` bundles it (the PDF writer's font data once went missing from the bundle): all three formats.

test.use({ builtHost: true });

/** Picks the format by its key, exports with Enter and returns the downloaded file's path. */
async function exportAs(page: Page, key: 'x' | 'c' | 'p', format: string): Promise<string> {
  const dialog = page.getByTestId('ledger-export');
  await page.keyboard.press(key);
  await expect(dialog.getByTestId('ledger-format')).toHaveAttribute('data-value', format);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^ledger-\\d{4}-\\d{2}-\\d{2}-me-\\d+\\.${format}$`));
  await expect(dialog.getByTestId('ledger-result')).toHaveAttribute('data-file', download.suggestedFilename());
  await expect(dialog.getByTestId('ledger-error')).toBeHidden();
  return download.path();
}

test('g l exports today’s ledger as CSV, XLSX and PDF, each with the line just handled and the completeness note', async ({
  seeded,
}) => {
  const { page, requests } = seeded;
  const lamp = requests[0]!;
  await expectShown(page, lamp);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('today-counter')).toHaveAttribute('data-handled', '1');

  await page.keyboard.press('g');
  await page.keyboard.press('l');
  const dialog = page.getByTestId('ledger-export');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('ledger-scope')).toHaveAttribute('data-value', 'me');

  const csv = readFileSync(await exportAs(page, 'c', 'csv'), 'utf8');
  await expect(dialog.getByTestId('ledger-result')).toHaveAttribute('data-lines', '1');
  // No server answers this workstation: the ledger comes from its cache, and the page and every file say so.
  const note = dialog.getByTestId('ledger-completeness');
  await expect(note).toHaveAttribute('data-kind', 'may-miss-other-operators');
  await expect(note).toContainText('离线：仅本机记录');
  expect(csv.split('\r\n')[0]).toBe(`\uFEFF${LEDGER_COLUMNS.map((c) => c.header).join(',')}`);
  expect(csv).toContain(lamp.number);
  expect(csv).toContain('离线：仅本机记录');
  expect(csv).toContain('可能缺少其他受理员的记录');

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await exportAs(page, 'x', 'xlsx'));
  const sheet = workbook.getWorksheet('台账')!;
  expect(String(sheet.getRow(2).getCell(1).value)).toContain('离线：仅本机记录');
  const numbers: string[] = [];
  sheet.eachRow((row, index) => index > 3 && numbers.push(String(row.getCell(1).value)));
  expect(numbers).toEqual([lamp.number]);

  const pdf = spawnSync('pdftotext', ['-layout', await exportAs(page, 'p', 'pdf'), '-'], { encoding: 'utf8' });
  expect(pdf.status, pdf.stderr).toBe(0);
  expect(pdf.stdout).toContain('工作台账');
  expect(pdf.stdout).toContain(lamp.number);
  expect(pdf.stdout.replace(/\s+/g, '')).toContain('离线：仅本机记录');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
