import { expect, type Browser, type Page } from '@playwright/test';
import { citizenWrites, type Written } from './citizen-writes';
import { newCitizen } from './demo-channels';
import { signIn } from './walking-skeleton-flow';

/** t, the unit by its pinyin initials, Enter; then Enter carries out the plan: the transfer, with the acknowledgement. */
export async function transferByKeyboard(page: Page, unitQuery: string, unitName: string): Promise<void> {
  await page.keyboard.press('t');
  await expect(page.getByTestId('unit-input')).toBeFocused();
  await page.keyboard.type(unitQuery);
  await expect(page.getByTestId('picker-option').first()).toContainText(unitName);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unit-picker')).toBeHidden();
  await expect(page.getByTestId('suggested-unit')).toContainText(unitName);
  await page.keyboard.press('Enter');
}

/**
 * A demo unit's staff on the units' web page, in a browser of their own: signed in once, then acting on
 * one request at a time with the page's forms (答复, 进展说明, 申请延期, 退单).
 */
export async function unitDesk(browser: Browser, serverUrl: string, account: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${serverUrl}/units/`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(account);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('的诉求');

  async function submit(requestId: string, section: string, field: 'text' | 'reason', text: string, button: string) {
    const card = page
      .locator('section.card')
      .filter({ has: page.getByRole('heading', { name: section, exact: true }) });
    // The operator's transfer reaches the server with the workstation's next sync: until then the unit has no such request.
    await expect(async () => {
      await page.goto(`${serverUrl}/units/requests/${requestId}`);
      await expect(card.locator(`textarea[name="${field}"]`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await card.locator(`textarea[name="${field}"]`).fill(text);
    await card.getByRole('button', { name: button }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  return {
    page,
    answer: (requestId: string, text: string) => submit(requestId, '答复', 'text', text, '提交答复'),
    giveBack: (requestId: string, reason: string) => submit(requestId, '退单', 'reason', reason, '退回受理中心'),
    close: () => context.close(),
  };
}

/** The demo police bureau: its pinyin initials for `t`, its name, its account on the units' page. */
export const POLICE = { query: 'gaj', name: '市公安局', account: 'gaj' } as const;

/**
 * A citizen's message arrives on `channel` and the operator signs in and sees it alone in the queue: the
 * request's id, number and row (found by id, so it can be awaited leaving and coming back).
 */
export async function requestInQueue(page: Page, serverUrl: string, message: Omit<Written, 'citizen'>) {
  const citizen = newCitizen(message.channel);
  await citizenWrites(serverUrl, { ...message, citizen });
  await signIn(page);
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(1, { timeout: 30_000 });
  const requestId = (await rows.first().getAttribute('data-request-id'))!;
  const number = (await page.getByTestId('detail-number').textContent())!;
  const row = page.locator(`[data-testid="queue-row"][data-request-id="${requestId}"]`);
  return { citizen, requestId, number, rows, row };
}

/**
 * The first half of the loop: the request in the queue is transferred to the police by keyboard, leaves the
 * queue, is answered on the units' page, and comes back marked 单位已答复. The unit's desk stays open.
 */
export async function answeredByPolice(
  { page, browser, serverUrl }: { page: Page; browser: Browser; serverUrl: string },
  message: Omit<Written, 'citizen'>,
  answer: string,
) {
  const request = await requestInQueue(page, serverUrl, message);
  await transferByKeyboard(page, POLICE.query, POLICE.name);
  await expect(request.row).toHaveCount(0);
  const unit = await unitDesk(browser, serverUrl, POLICE.account);
  await unit.answer(request.requestId, answer);
  await expect(request.row.getByTestId('unit-news')).toHaveText('单位已答复', { timeout: 30_000 });
  return { ...request, unit };
}
