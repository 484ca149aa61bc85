import type { Request } from '../../shared/model';
import { makeRequest } from '../support/seeded-workstation';
import { expect, expectShown, test, type SeededWorkstation } from '../support/triage-fixtures';

// Near-duplicates on screen: a request that repeats an open one is badged and shown beside it, and m offers that one first.

const LAMP = '小区门口的路灯坏了一个星期，晚上很黑，老人孩子走路很不安全，请尽快派人修理';
const BUS = '12路公交车最近经常不按时发车，早上等了四十分钟也没来，上班迟到好几次了';

function seeds(list: { text: string; citizenId: string }[]): () => Request[] {
  return () =>
    list.map((seed, i) =>
      makeRequest({ ...seed, receivedAt: new Date(Date.now() - 1800_000 + i * 1000).toISOString() }, i),
    );
}

/** The request the detail pane shows now, once its context (with the duplicates) has arrived. */
async function shownRequest({ page, requests }: SeededWorkstation): Promise<Request> {
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-ready', 'true');
  const id = await page.getByTestId('detail').getAttribute('data-request-id');
  const request = requests.find((r) => r.id === id);
  if (!request) throw new Error(`the detail pane shows ${id}, not a seeded request`);
  await expectShown(page, request);
  return request;
}

test.describe('the same citizen writes again', () => {
  test.use({
    seedRequests: async ({}, use) =>
      use(
        seeds([
          { text: LAMP, citizenId: 'wechat:citizen-lamp' },
          // Punctuation and a trailing plea differ; the wording is the same.
          { text: `${LAMP}！！谢谢`, citizenId: 'wechat:citizen-lamp' },
          { text: BUS, citizenId: 'wechat:citizen-bus' },
        ]),
      ),
  });

  test('badged 重复, the repeated request side by side, and m pre-selects it', async ({ seeded }) => {
    const { page, requests } = seeded;
    const shown = await shownRequest(seeded);
    // Whichever of the pair is shown, the other is the one it repeats.
    const other = requests.slice(0, 2).find((r) => r.id !== shown.id);
    if (!other) throw new Error(`the queue opened on ${shown.text}, not one of the pair`);

    await expect(page.getByTestId('duplicate-badge')).toHaveAttribute('data-kind', 'repeat');
    await expect(page.getByTestId('hot-issue-badge')).toHaveCount(0);
    const match = page.getByTestId('duplicate-match');
    await expect(match).toHaveAttribute('data-kind', 'repeat');
    const current = match.getByTestId('duplicate-current');
    const matched = match.getByTestId('duplicate-matched');
    await expect(current).toHaveAttribute('data-request-id', shown.id);
    await expect(matched).toHaveAttribute('data-request-id', other.id);
    await expect(current.getByTestId('duplicate-text')).toHaveText(shown.text);
    await expect(matched.getByTestId('duplicate-text')).toHaveText(other.text);
    await expect(matched.getByTestId('duplicate-citizen')).toContainText(other.citizen.id);
    await expect(matched.getByTestId('duplicate-status')).toHaveAttribute('data-status', 'new');

    await page.keyboard.press('m');
    const first = page.getByTestId('merge-picker').getByTestId('picker-option').first();
    await expect(first).toHaveAttribute('data-id', other.id);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await seeded.local(shown.id)).mergedInto).toBe(other.id);
  });
});

test.describe('many citizens write the same complaint', () => {
  test.use({
    seedRequests: async ({}, use) =>
      use(
        seeds([
          { text: BUS, citizenId: 'wechat:citizen-1' },
          { text: `${BUS}。`, citizenId: 'weibo:citizen-2' },
          { text: `${BUS}，希望管一管`, citizenId: 'alipay:citizen-3' },
          { text: LAMP, citizenId: 'wechat:citizen-lamp' },
        ]),
      ),
  });

  test('badged 热点 3 人 with a match beside it, and its queue row marked', async ({ seeded }) => {
    const { page } = seeded;
    const shown = await shownRequest(seeded);
    expect(shown.text).toContain('12路公交车');

    await expect(page.getByTestId('hot-issue-badge')).toHaveAttribute('data-citizens', '3');
    await expect(page.getByTestId('duplicate-badge')).toHaveCount(0);
    const match = page.getByTestId('duplicate-match');
    await expect(match).toHaveAttribute('data-kind', 'hot');
    await expect(match.getByTestId('duplicate-current')).toHaveAttribute('data-request-id', shown.id);
    await expect(match.getByTestId('duplicate-matched')).not.toHaveAttribute('data-request-id', shown.id);
    await expect(match.getByTestId('duplicate-matched').getByTestId('duplicate-text')).toContainText('12路公交车');

    const row = page.locator(`[data-testid="queue-row"][data-request-id="${shown.id}"]`);
    await expect(row.getByTestId('queue-row-hot')).toBeVisible();
  });
});
