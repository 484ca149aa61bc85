import { readFileSync } from 'node:fs';
import { expect, test } from '../support/e2e-fixtures';
import { signIn } from '../support/walking-skeleton-flow';

// The server's audit log, for admins in the workstation (issue 15): who signed in, failed, changed or exported what.
test('an admin reads the audit log by keys and exports it whole, and the export is recorded', async ({
  workstation,
  host,
}) => {
  // A wrong password first, so the log has a failure to show.
  await workstation.getByTestId('sign-in-name').fill('admin');
  await workstation.getByTestId('sign-in-password').fill('wrong-password');
  await workstation.getByTestId('sign-in-submit').click();
  await expect(workstation.getByRole('alert')).toBeVisible();
  await signIn(workstation);

  await workstation.keyboard.press('g');
  await workstation.keyboard.press('e');
  const view = workstation.getByTestId('audit-view');
  await expect(view).toHaveAttribute('data-loaded', 'true');
  const entries = view.getByTestId('audit-entry');
  await expect(entries.first()).toHaveAttribute('data-action', 'sign-in');
  await expect(view.locator('[data-testid="audit-entry"][data-action="sign-in-failed"]')).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute('aria-selected', 'true');
  await workstation.keyboard.press('j');
  await expect(entries.nth(1)).toHaveAttribute('aria-selected', 'true');

  const download = workstation.waitForEvent('download');
  await workstation.keyboard.press('e');
  const exported = view.getByTestId('audit-exported');
  await expect(exported).toHaveAttribute('data-file', /^audit-log-\d+\.csv$/);
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('sign-in-failed');
  expect(readFileSync(`${host.dataDir}/exports/${await exported.getAttribute('data-file')}`, 'utf8')).toBe(csv);

  // The export itself is recorded.
  await workstation.keyboard.press('Escape');
  await workstation.keyboard.press('g');
  await workstation.keyboard.press('e');
  await expect(entries.first()).toHaveAttribute('data-action', 'audit-exported');
});
