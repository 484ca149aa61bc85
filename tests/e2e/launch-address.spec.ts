import { expect, test } from '../support/e2e-fixtures';
import { signIn } from '../support/walking-skeleton-flow';

test.use({ openWithLaunchCode: true });

// `npm start` opens Chromium at an address whose one-time code the page trades for the host's access
// token: the address on the command line or in a log is worth nothing once the window has opened.
test('the launch address opens the workstation once, and a reload keeps it', async ({ workstation, host, browser }) => {
  await signIn(workstation);
  expect(new URL(workstation.url()).hash).toBe('');
  await workstation.reload();
  await expect(workstation.getByTestId('queue')).toBeVisible();

  const stranger = await browser.newPage();
  await stranger.goto(host.pageUrl);
  await expect(stranger.getByTestId('message-screen')).toHaveAttribute('data-failure', 'launch-spent');
  await stranger.close();
});
