import { makeRequest } from '../support/seeded-workstation';
import { expect, test } from '../support/triage-fixtures';

// 07:40 on 3 December in Beijing is still 2 December in UTC (23:40) and in New York (18:40).
const RECEIVED = '2026-12-02T23:40:00Z';

for (const zone of ['UTC', 'America/New_York']) {
  test.describe(`a machine set to ${zone}`, () => {
    test.use({
      timezoneId: zone,
      hostEnv: { TZ: zone },
      seedRequests: async ({}, use) =>
        use(() => [makeRequest({ text: '小区路灯坏了', citizenName: '张三', receivedAt: RECEIVED }, 0)]),
    });

    test('shows Beijing time', async ({ seeded: { page } }) => {
      const received = page.getByTestId('detail-received');
      await expect(received).toContainText('12月3日');
      await expect(received).toContainText('07:40:00');
      // The page really is in the other zone: its own clock says the 2nd.
      expect(await page.evaluate((at) => new Date(at).getDate(), RECEIVED)).toBe(2);
    });
  });
}
