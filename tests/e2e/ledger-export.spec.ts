import { readFileSync } from 'node:fs';
import { LEDGER_COLUMNS } from '../../shared/ledger';
import { expect, expectShown, test } from '../support/triage-fixtures';

// The work ledger exported by keys only, from the cache of a workstation with no server: today's CSV.

test('g l, c, Enter downloads today’s ledger as CSV, with the line just handled and the completeness note', async ({
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
  await page.keyboard.press('c');
  await expect(dialog.getByTestId('ledger-format')).toHaveAttribute('data-value', 'csv');

  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ledger-\d{4}-\d{2}-\d{2}-me-\d+\.csv$/);
  const result = dialog.getByTestId('ledger-result');
  await expect(result).toHaveAttribute('data-lines', '1');
  await expect(dialog.getByTestId('ledger-completeness')).toHaveAttribute('data-kind', 'may-miss-other-operators');

  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe(`\uFEFF${LEDGER_COLUMNS.map((c) => c.header).join(',')}`);
  expect(csv).toContain(lamp.number);
  expect(csv).toContain('可能缺少其他受理员的记录');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
