import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '../support/e2e-fixtures';
import { CATEGORY_NAME, CITIZEN_TEXT, sendCitizenMessage, signIn, UNIT_QUERY } from '../support/walking-skeleton-flow';

/** kind:outcome of every decision the server holds, in the order the device made them. */
function serverDecisions(serverDataDir: string): string[] {
  const db = new BetterSqlite3(join(serverDataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare('select kind, outcome from decisions order by device_id, seq').all() as {
        kind: string;
        outcome: string;
      }[]
    ).map((d) => `${d.kind}:${d.outcome}`);
  } finally {
    db.close();
  }
}

// After the hold window the step has reached the server: undo cannot delete it, so it sends the
// decisions that reverse it — the unit is told by a recall — and the request is the operator's again.
test('undo after sync compensates: the transfer is recalled, never silently deleted', async ({
  server,
  workstation,
  host,
}) => {
  await sendCitizenMessage(server.url);
  await signIn(workstation);
  const detail = workstation.getByTestId('detail');
  await expect(detail).toContainText(CITIZEN_TEXT.slice(0, 12), { timeout: 30_000 });
  await expect(workstation.getByTestId('suggestion')).toHaveAttribute('data-ready', 'true');
  const requestId = (await detail.getAttribute('data-request-id'))!;
  // Theft on a bus: the rules point both ways, so the operator names the category and the unit.
  await workstation.keyboard.press('c');
  await workstation.keyboard.type(CATEGORY_NAME);
  await workstation.keyboard.press('Enter');
  await workstation.keyboard.press('t');
  await workstation.keyboard.type(UNIT_QUERY);
  await expect(workstation.getByTestId('picker-option').first()).toHaveAttribute('data-id', 'city-public-security');
  await workstation.keyboard.press('Enter');
  await expect(workstation.getByTestId('suggested-unit')).toHaveAttribute('data-value', 'city-public-security');

  await workstation.keyboard.press('Enter');
  await expect
    .poll(() => serverDecisions(server.dataDir), { timeout: 30_000 })
    .toEqual(['accept:applied', 'classify:applied', 'transfer:applied', 'reply:applied']);
  await expect
    .poll(async () => {
      const status = await host.call('sync.status', {});
      return status.ok && status.value.outbox;
    })
    .toBe(0);

  await workstation.keyboard.press('z');
  await expect
    .poll(() => serverDecisions(server.dataDir), { timeout: 30_000 })
    .toEqual([
      'accept:applied',
      'classify:applied',
      'transfer:applied',
      'reply:applied',
      'note:applied',
      'recall:applied',
      'note:applied',
    ]);
  // Back in the operator's queue, with no unit.
  await expect(detail).toHaveAttribute('data-request-id', requestId);
  await expect(workstation.getByTestId('detail-unit')).not.toHaveAttribute('data-value', /./);
  await expect(workstation.getByTestId('detail-status')).toHaveAttribute('data-status', 'accepted');
});
