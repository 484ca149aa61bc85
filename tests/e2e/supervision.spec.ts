import { join } from 'node:path';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { openDatabase } from '../../server/db/open-database';
import { cityUnits } from '../../server/directory/city-units';
import { createIntake } from '../../server/requests/create-intake';
import { colleagueAt, receiveRequests } from '../support/colleague';
import { expect, test } from '../support/e2e-fixtures';
import { jsonClient } from '../support/json-client';
import { decisionMaker } from '../support/make-decision';
import { makeMessage } from '../support/make-message';
import { signIn } from '../support/walking-skeleton-flow';

// A supervisor (督查员) sees a unit's overdue request and sends the unit a reminder (督办), keys only.

test.use({ serverEnv: { YIWANG_DEMO: '1' } });

const POLICE = 'city-public-security';
const NOTE = '今天下班前必须答复';

/** A request the police bureau has held for weeks: arrived long ago, transferred, its unit clock past due. */
async function overdueAtPolice(serverUrl: string, dataDir: string) {
  const db = openDatabase(`sqlite:${join(dataDir, 'yiwang.sqlite')}`);
  try {
    const { requestId } = await createIntake(db).receive(
      makeMessage({ text: '井盖丢失三周无人处理', sentAt: '2025-11-03T00:30:00.000Z' }),
    );
    const client = jsonClient(serverUrl);
    const login = LoginResponse.parse(
      (await client.post(SYNC_PATHS.login, { name: 'op1', password: 'op1', deviceId: 'ws-op1' })).body,
    );
    const pulled = PullResponse.parse(
      (await client.post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 0, limit: 1000 }, login.token)).body,
    );
    const request = pulled.requests.find((r) => r.id === requestId)!;
    const transfer = decisionMaker('ws-op1', login.operator.id)(requestId, request.version, {
      kind: 'transfer',
      unitId: POLICE,
      note: null,
    });
    const pushed = PushResponse.parse(
      (await client.post(SYNC_PATHS.push, { deviceId: 'ws-op1', decisions: [transfer] }, login.token)).body,
    );
    expect(pushed.results[0]?.outcome).toBe('applied');
    await db
      .updateTable('requests')
      .set({ transferred_at: '2025-11-03T01:00:00.000Z', unit_due_at: '2025-11-10T09:30:00.000Z' })
      .where('id', '=', requestId)
      .execute();
    return requestId;
  } finally {
    await db.destroy();
  }
}

test('a supervisor sees the overdue request and the unit ranking, and reminds the unit with m', async ({
  workstation: page,
  server,
}) => {
  const requestId = await overdueAtPolice(server.url, server.dataDir);
  await signIn(page, 'sup1', 'sup1');

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  const view = page.getByTestId('supervision');
  await expect(view).toHaveAttribute('data-loaded', 'true');
  const row = view.locator(`[data-testid="overdue-row"][data-request-id="${requestId}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toHaveAttribute('data-reminders', '0');
  await expect(view.getByTestId('unit-rank-row').first()).toHaveAttribute('data-unit-id', POLICE);
  await expect(view.getByTestId('unit-rank-row').first()).toHaveAttribute('data-overdue', '1');

  await page.keyboard.press('m');
  const note = page.getByTestId('remind-note-input');
  await expect(note).toBeFocused();
  await note.fill('');
  await note.pressSequentially(NOTE);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('remind-note')).toBeHidden();
  await expect(row).toHaveAttribute('data-reminders', '1');

  const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  try {
    const stored = await db
      .selectFrom('decisions')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('kind', '=', 'remind')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.payload)).toMatchObject({ kind: 'remind', note: NOTE });
    const request = await db
      .selectFrom('requests')
      .select(['reminder_count'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.reminder_count).toBe(1);
  } finally {
    await db.destroy();
  }

  // Esc leaves the view.
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
});

test('at 1366×768 the unit ranking scrolls within the dialog, down to its last unit, by keys', async ({
  workstation: page,
  server,
}) => {
  // More units hold overdue requests than the dialog has room for.
  const units = cityUnits()
    .slice(0, 24)
    .map((unit) => unit.id);
  const ids = await receiveRequests(
    server,
    units.map((_, i) => `积水第 ${i + 1} 处无人处理`),
  );
  const operator = await colleagueAt(server.url, 'op1');
  for (const [i, id] of ids.entries()) await operator.decide(id, { kind: 'transfer', unitId: units[i]!, note: null });
  const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  try {
    await db
      .updateTable('requests')
      .set({ transferred_at: '2025-11-03T01:00:00.000Z', unit_due_at: '2025-11-10T09:30:00.000Z' })
      .where('id', 'in', ids)
      .execute();
  } finally {
    await db.destroy();
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'sup1', 'sup1');
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  const view = page.getByTestId('supervision');
  await expect(view).toHaveAttribute('data-loaded', 'true');
  await expect(view.getByTestId('unit-rank-row')).toHaveCount(units.length);
  await expect(view).toBeInViewport({ ratio: 1 });

  const ranking = view.getByTestId('unit-ranking');
  const last = view.getByTestId('unit-rank-row').last();
  await expect(last).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(ranking).toBeFocused();
  await page.keyboard.press('End');
  await expect(last).toBeInViewport({ ratio: 1 });
  // Tab again goes back to the overdue list, where j still moves.
  await page.keyboard.press('Tab');
  await expect(view).toBeFocused();
  await page.keyboard.press('j');
  await expect(view.getByTestId('overdue-row').nth(1)).toHaveAttribute('aria-selected', 'true');
});
