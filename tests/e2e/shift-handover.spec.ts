import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '../support/e2e-fixtures';
import { signIn } from '../support/walking-skeleton-flow';

// One operator ends the shift with a handover note; the next one, signing in on the same
// workstation, reads it first thing. Keys only, apart from typing names and the note.

test.use({ serverEnv: { YIWANG_DEMO: '1' } });

const NOTE = '302 室漏水一事已转住建，明早回访\n路灯投诉等城管答复';

/** The handover notes the server holds, newest first. */
function handoverNotes(serverDataDir: string): string[] {
  const db = new BetterSqlite3(join(serverDataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (
      db
        .prepare(
          "select handover_note from shifts where handover_note is not null and handover_note != '' order by ended_at desc",
        )
        .all() as { handover_note: string }[]
    ).map((row) => row.handover_note);
  } finally {
    db.close();
  }
}

test('signing out asks for a handover note, and the next operator sees it after signing in', async ({
  server,
  workstation: page,
}) => {
  await signIn(page, 'op1', 'op1');
  // A fresh centre: no note from an earlier shift, so nothing opens by itself.
  await expect(page.getByTestId('handover')).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('o');
  const dialog = page.getByTestId('sign-out');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('handover-breaches')).toBeVisible();
  // Esc stays on shift.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('queue')).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('o');
  const note = page.getByTestId('sign-out-input');
  await expect(note).toBeFocused();
  const [first, second] = NOTE.split('\n') as [string, string];
  await note.pressSequentially(first);
  await page.keyboard.press('Shift+Enter');
  await note.pressSequentially(second);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sign-in-name')).toBeVisible();
  await expect.poll(() => handoverNotes(server.dataDir), { timeout: 30_000 }).toEqual([NOTE]);

  // The next operator's shift opens on the note.
  await signIn(page, 'op2', 'op2');
  const panel = page.getByTestId('handover');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('handover-note')).toHaveAttribute('data-operator', '受理员一');
  await expect(panel.getByTestId('handover-note-text')).toHaveText(NOTE);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // Still there later, with g h.
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(panel.getByTestId('handover-note-text')).toHaveText(NOTE);
});
