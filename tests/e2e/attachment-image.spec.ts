import { deliveryOf } from '../../simulator/citizen-message';
import { postDelivery } from '../../simulator/post-delivery';
import { expect, testWithPlatforms } from '../support/e2e-fixtures';
import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';
import { newCitizen } from '../support/demo-channels';
import { signIn } from '../support/walking-skeleton-flow';

// A citizen's picture through real processes: WeChat's media API (simulated, failing twice), the
// server's media worker, the workstation host, and the page, which shows it in the detail pane.

const test = testWithPlatforms.extend({
  // Retries far enough apart that the workstation shows the picture pending before it arrives.
  serverEnv: async ({ platforms }, use) =>
    use({ YIWANG_PLATFORM_URL: platforms.url, YIWANG_MEDIA_POLL_MS: '100', YIWANG_MEDIA_RETRY_BASE_MS: '1500' }),
});

test('a WeChat picture shows as pending, then in the detail pane, and large with i', async ({
  platforms,
  server,
  workstation: page,
}) => {
  platforms.failNextMedia('wechat', 2);
  const delivery = deliveryOf(DEMO_CHANNELS, {
    channel: 'wechat',
    citizen: newCitizen('wechat'),
    kind: 'image',
    text: '',
    mediaId: 'e2e-picture',
    sentAt: new Date(),
  });
  expect(await postDelivery(server.url, delivery.accountKey, delivery)).toMatchObject({ ok: true });
  await signIn(page);

  const detail = page.getByTestId('detail');
  await expect(detail.getByTestId('media-pending')).toBeVisible({ timeout: 20_000 });
  const thumbnail = detail.getByTestId('media-thumbnail');
  await expect(thumbnail).toBeVisible({ timeout: 30_000 });
  await expect(detail.getByTestId('media-pending')).toHaveCount(0);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16);

  await page.keyboard.press('i');
  const large = page.getByTestId('media-viewer').getByTestId('media-large');
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(16);
  await page.keyboard.press('i');
  await expect(page.getByTestId('media-viewer')).toHaveCount(0);

  // The key is listed with the others in the ? overlay.
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-overlay').locator('[data-action="viewImage"]')).toBeVisible();
});
