import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, type Page } from '@playwright/test';
import { DEMO_WECHAT_ACCOUNT } from '../../server/channels/demo-accounts';
import { buildWechatDelivery } from '../../simulator/wechat-delivery';

/**
 * The walking skeleton's steps, shared by the browser-shell and the Electron end-to-end tests:
 * WeChat push → server → workstation queue → three keyboard decisions → server database.
 */

export const CITIZEN_OPENID = 'oYw3e2eWalkingSkeleton000001';
export const CITIZEN_TEXT = '昨晚在公交车上手机被偷了，已经报警，想问一下案件有没有进展。';
export const CATEGORY_NAME = '政法';
export const UNIT_QUERY = 'gaj';
export const UNIT_NAME = '市公安局';

/** Pushes one encrypted text message to the server's webhook exactly as WeChat would. */
export async function sendCitizenMessage(serverUrl: string): Promise<void> {
  const now = new Date();
  const delivery = buildWechatDelivery(
    DEMO_WECHAT_ACCOUNT,
    {
      ToUserName: DEMO_WECHAT_ACCOUNT.originalId,
      FromUserName: CITIZEN_OPENID,
      CreateTime: String(Math.floor(now.getTime() / 1000)),
      MsgType: 'text',
      Content: CITIZEN_TEXT,
      MsgId: `${now.getTime()}000001`,
    },
    { encrypt: true, now },
  );
  const response = await fetch(
    `${serverUrl}/channels/wechat/${DEMO_WECHAT_ACCOUNT.key}?${new URLSearchParams(delivery.query)}`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: delivery.body,
    },
  );
  expect(response.status, await response.text()).toBe(200);
}

export async function signIn(page: Page, name = 'admin', password = 'admin'): Promise<void> {
  await page.getByTestId('sign-in-name').fill(name);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('queue')).toBeVisible();
}

/** Accept, then classify, transfer and acknowledge the citizen's request, with key presses only. */
export async function triageByKeyboard(page: Page): Promise<void> {
  const row = page.getByTestId('queue-row').filter({ hasText: CITIZEN_TEXT.slice(0, 12) });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('detail')).toContainText(CITIZEN_TEXT.slice(0, 12));
  const detail = page.getByTestId('detail-status');

  await page.keyboard.press('a');
  await expect(detail).toHaveAttribute('data-status', 'accepted');

  await page.keyboard.press('c');
  await expect(page.getByTestId('category-picker')).toBeVisible();
  await page.keyboard.type(CATEGORY_NAME);
  await expect(page.getByTestId('picker-option').first()).toContainText(CATEGORY_NAME);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('category-picker')).toBeHidden();

  await page.keyboard.press('t');
  await expect(page.getByTestId('unit-input')).toBeFocused();
  await page.keyboard.type(UNIT_QUERY);
  // Pinyin initials find the city police bureau first, ahead of its detachments and district branches.
  await expect(page.getByTestId('picker-option').first()).toContainText(UNIT_NAME);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unit-picker')).toBeHidden();

  // The pickers changed what Enter will do; Enter does it: classify, transfer, and acknowledge the citizen.
  await expect(page.getByTestId('suggested-unit')).toContainText(UNIT_NAME);
  await page.keyboard.press('Enter');
  await expect(row).toHaveCount(0);
}

interface DecisionRow {
  kind: string;
  outcome: string;
  operator_name: string;
  device_id: string;
  payload: string;
}

/** Reads the server's own SQLite file until the four decisions are applied there, and checks who made them. */
export async function expectDecisionsOnServer(serverDataDir: string): Promise<void> {
  const readDecisions = (): DecisionRow[] => {
    const db = new BetterSqlite3(join(serverDataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare(
          `select d.kind, d.outcome, o.name as operator_name, d.device_id, d.payload
             from decisions d join operators o on o.id = d.operator_id
            order by d.device_id, d.seq`,
        )
        .all() as DecisionRow[];
    } finally {
      db.close();
    }
  };
  await expect
    .poll(() => readDecisions().map((d) => `${d.kind}:${d.outcome}`), { timeout: 30_000 })
    .toEqual(['accept:applied', 'classify:applied', 'transfer:applied', 'reply:applied']);

  const decisions = readDecisions();
  expect(new Set(decisions.map((d) => d.operator_name))).toEqual(new Set(['admin']));
  // One device made all four, and the server knows it as the device admin signed in from.
  expect(new Set(decisions.map((d) => d.device_id)).size).toBe(1);
  const db = new BetterSqlite3(join(serverDataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const device = db.prepare('select id from devices where id = ?').get(decisions[0]!.device_id);
    expect(device).toBeTruthy();
    const unit = db.prepare('select id from units where name = ?').get(UNIT_NAME) as { id: string };
    const transfer = JSON.parse(decisions[2]!.payload) as { unitId?: string };
    expect(transfer.unitId).toBe(unit.id);
    const category = JSON.parse(decisions[1]!.payload) as { categoryId?: string };
    const request = db
      .prepare('select status, unit_id, category_id from requests where text like ?')
      .get(`%${CITIZEN_TEXT.slice(0, 12)}%`);
    expect(request).toEqual({ status: 'transferred', unit_id: unit.id, category_id: category.categoryId });
  } finally {
    db.close();
  }
}
