import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { colleagueAt, receiveRequests } from '../support/colleague';
import { expect, FAST_SYNC, test } from '../support/e2e-fixtures';
import { startHostProcess } from '../support/host-process';
import { startNetworkLink } from '../support/network-link';
import { signIn } from '../support/walking-skeleton-flow';

// An operator junks three requests while the workstation is offline; meanwhile a colleague transfers
// the same three. Back online, the conflicts view shows both decisions side by side and the operator
// settles one each way: keep theirs, keep mine as a note, reopen. Keys only.

test.use({ serverEnv: { YIWANG_DEMO: '1' } });

const POLICE = 'city-public-security';
/** The police bureau's name in the seeded directory (server/directory/city-units.ts): data, not UI text. */
const POLICE_NAME = '市公安局';

/** kind:outcome:operator of every decision the server holds on a request, oldest first. */
function serverDecisions(serverDataDir: string, requestId: string): string[] {
  const db = new BetterSqlite3(join(serverDataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          'select d.kind, d.outcome, o.name from decisions d join operators o on o.id = d.operator_id where d.request_id = ? order by d.rowid',
        )
        .all(requestId) as { kind: string; outcome: string; name: string }[]
    ).map((d) => `${d.kind}:${d.outcome}:${d.name}`);
  } finally {
    db.close();
  }
}

test('the conflicts view shows theirs and mine, and settles one conflict each way', async ({ server, page }) => {
  const ids = await receiveRequests(server, ['路灯坏了', '油烟扰民', '拖欠工资']);
  const link = await startNetworkLink(server.url);
  const host = await startHostProcess({ serverUrl: link.url, ...FAST_SYNC });
  try {
    await page.goto(host.pageUrl);
    await signIn(page, 'op1', 'op1');
    await expect(page.getByTestId('queue-row')).toHaveCount(3, { timeout: 30_000 });

    // The cable is pulled; the keys work on as before.
    link.cut();
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
    for (let i = 0; i < 3; i++) await page.keyboard.press('d');
    await expect(page.getByTestId('queue-row')).toHaveCount(0);
    await expect(page.getByTestId('sync-status')).toHaveAttribute('data-outbox', '3');

    // Meanwhile a colleague, online, transfers the same three to the police.
    const colleague = await colleagueAt(server.url, 'op2');
    for (const id of ids) await colleague.decide(id, { kind: 'transfer', unitId: POLICE, note: null });

    link.restore();
    await page.keyboard.press('S');
    const badge = page.getByTestId('conflict-badge');
    await expect(badge).toHaveAttribute('data-count', '3', { timeout: 30_000 });

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    const view = page.getByTestId('conflicts');
    await expect(view).toHaveAttribute('data-count', '3');
    await expect(page.getByTestId('conflicts-tab')).toHaveAttribute('aria-selected', 'true');
    const detail = page.getByTestId('conflict-detail');
    await expect(detail.getByTestId('conflict-theirs')).toHaveAttribute('data-operator', '受理员二');
    // Theirs names the unit, and so does the refusal: the server's reason in the operator's words.
    await expect(detail.getByTestId('conflict-theirs-description')).toContainText(POLICE_NAME);
    await expect(detail.getByTestId('conflict-reason')).toHaveAttribute('data-code', 'stale');
    await expect(detail.getByTestId('conflict-reason')).toContainText(POLICE_NAME);
    await expect(detail.getByTestId('conflict-mine').locator('[data-kind="junk"]')).toHaveCount(1);
    await expect(detail.getByTestId('conflict-status')).toHaveAttribute('data-status', 'transferred');

    // 1 keeps theirs, 2 keeps mine as a note, 3 reopens: each on the conflict at the top.
    const settled: string[] = [];
    for (const [key, left] of [
      ['1', '2'],
      ['2', '1'],
      ['3', '0'],
    ] as const) {
      settled.push((await page.getByTestId('conflict-row').first().getAttribute('data-request-id'))!);
      await page.keyboard.press(key);
      await expect(view).toHaveAttribute('data-count', left);
    }
    await expect(badge).toBeHidden({ timeout: 30_000 });
    const [kept, noted, reopened] = settled as [string, string, string];
    expect(new Set(settled)).toEqual(new Set(ids));

    await expect
      .poll(() => serverDecisions(server.dataDir, noted), { timeout: 30_000 })
      .toEqual(['transfer:applied:op2', 'junk:rejected:op1', 'note:applied:op1']);
    await expect
      .poll(() => serverDecisions(server.dataDir, reopened), { timeout: 30_000 })
      .toEqual(['transfer:applied:op2', 'junk:rejected:op1', 'recall:applied:op1']);
    expect(serverDecisions(server.dataDir, kept)).toEqual(['transfer:applied:op2', 'junk:rejected:op1']);

    // Esc goes back to the queue, where the reopened request waits to be decided again.
    await page.keyboard.press('Escape');
    await expect(view).toBeHidden();
    await expect(page.locator(`[data-testid="queue-row"][data-request-id="${reopened}"]`)).toHaveCount(1);
  } finally {
    await host.stop();
    await link.close();
    rmSync(host.dataDir, { recursive: true, force: true });
  }
});
