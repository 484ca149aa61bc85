import type { Page } from '@playwright/test';
import type { Channel } from '../../shared/model';
import { citizenWrites } from '../support/citizen-writes';
import { newCitizen } from '../support/demo-channels';
import { expect, testWithPlatforms } from '../support/e2e-fixtures';
import { signIn } from '../support/walking-skeleton-flow';

// One citizen writes on Weibo, then about the same thing on WeChat. The operator links the two
// identities as one citizen by keyboard (never automatic: names prove nothing), merges the WeChat
// look-alike into the Weibo request the workstation offers, and replies by keyboard: the simulated
// Weibo reply API receives that reply once, with the account's credentials.

const test = testWithPlatforms.extend({
  serverEnv: async ({ platforms }, use) => {
    await use({
      YIWANG_PLATFORM_URL: platforms.url,
      YIWANG_OUTBOUND_POLL_MS: '100',
      YIWANG_OUTBOUND_RETRY_BASE_MS: '100',
    });
  },
});

const WEIBO_TEXT = '小区东门口的井盖丢了三天了，晚上路过很危险，请尽快处理。';
const WECHAT_TEXT = '小区东门口的井盖丢了三天了，晚上路过很危险，请尽快派人处理！';
const REPLY = '您好，井盖缺失已转城管部门处理，感谢您的反映。';

/** Moves the queue cursor with j / k until the request is on screen. */
async function showByKeyboard(page: Page, requestId: string): Promise<void> {
  const detail = page.getByTestId('detail');
  for (const key of ['k', 'k', 'j', 'j']) {
    if ((await detail.getAttribute('data-request-id')) === requestId) break;
    await page.keyboard.press(key);
    await page.waitForTimeout(100);
  }
  await expect(detail).toHaveAttribute('data-request-id', requestId);
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-ready', 'true');
}

test('a citizen on Weibo and WeChat is one citizen in the workstation, and the reply goes back once on Weibo', async ({
  server,
  platforms,
  workstation: page,
}) => {
  const uid = newCitizen('weibo');
  const openId = newCitizen('wechat');
  await citizenWrites(server.url, { channel: 'weibo', citizen: uid, text: WEIBO_TEXT });
  await citizenWrites(server.url, { channel: 'wechat', citizen: openId, text: WECHAT_TEXT });
  const both = [`wechat:${openId}`, `weibo:${uid}`];

  await signIn(page);
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  const idOf = (channel: Channel) =>
    rows.filter({ has: page.locator(`.channel-${channel}`) }).getAttribute('data-request-id');
  const weiboId = (await idOf('weibo'))!;
  const wechatId = (await idOf('wechat'))!;
  // Two identities, nothing linked yet: each request stands alone.
  await expect(page.getByTestId('also-on')).toHaveCount(0);

  // l: link the WeChat citizen with the Weibo one; the look-alike request's identity is offered first.
  await showByKeyboard(page, wechatId);
  await expect(page.getByTestId('citizen-identity')).toHaveCount(1);
  await page.keyboard.press('l');
  await expect(page.getByTestId('link-picker')).toBeVisible();
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', `weibo:${uid}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-picker')).toBeHidden();

  // One citizen with both channels, and the Weibo request among the citizen's other requests.
  const identities = page.getByTestId('citizen-identity');
  await expect(identities).toHaveCount(2);
  expect(await identities.evaluateAll((els) => els.map((el) => el.getAttribute('data-identity')))).toEqual(both);
  await expect(page.getByTestId('citizen-history').locator(`[data-request-id="${weiboId}"]`)).toHaveCount(1);

  // m: the same citizen's look-alike from Weibo is the request to keep; the WeChat one merges into it.
  await page.keyboard.press('m');
  await expect(page.getByTestId('merge-picker')).toBeVisible();
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', weiboId);
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);

  // The server linked the Weibo request too: after sync it shows the citizen on both channels.
  await showByKeyboard(page, weiboId);
  await expect(rows.first().getByTestId('also-on')).toHaveAttribute('data-channels', 'wechat', { timeout: 15_000 });
  await expect(identities).toHaveCount(2);

  // r r: write the reply; Enter sends the plan with it.
  await page.keyboard.press('r');
  await page.keyboard.press('r');
  await expect(page.getByTestId('reply')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(REPLY);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('suggested-reply')).toContainText(REPLY);
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(0);

  const weiboSends = () => platforms.calls.filter((call) => call.channel === 'weibo' && call.api === 'send');
  await expect.poll(() => weiboSends().length, { timeout: 30_000 }).toBe(1);
  // Later sync rounds and worker passes send nothing more.
  await page.waitForTimeout(1500);
  expect(weiboSends()).toEqual([
    expect.objectContaining({ authorised: true, recipient: uid, text: REPLY, answer: '0' }),
  ]);
  expect(platforms.calls.filter((call) => call.channel === 'wechat' && call.api === 'send')).toHaveLength(0);
});
