import { expect, expectShown, test } from '../support/triage-fixtures';

// 待上传 counts what the operator counts, requests; the decisions they make up are in the tooltip.
test('待上传 counts requests, with their decisions in the tooltip', async ({ seeded: { page, requests } }) => {
  const [lamp, theft] = requests;
  await expectShown(page, lamp!);
  // Enter on a new request sends accept, classify, transfer and the acknowledgement: four decisions, one request.
  await page.keyboard.press('Enter');
  await expectShown(page, theft!);
  const outbox = page.getByTestId('outbox-count');
  await expect(outbox).toHaveText('待上传 1 件');
  await expect(outbox).toHaveAttribute('title', '4 项处理待上传');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-outbox-requests', '1');
});
