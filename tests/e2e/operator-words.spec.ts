import { expect, test } from '../support/triage-fixtures';

// The seeded workstation's server address answers nothing: the sync fails as a network failure does.
test('a failed sync is told in the operator’s words, not the network stack’s', async ({ seeded: { page } }) => {
  const error = page.getByTestId('sync-error');
  await expect(error).toHaveAttribute('data-code', 'offline');
  await expect(error).toHaveText('同步出错：连不上服务器；处理已存在本机，恢复后自动上传');
  await expect(page.locator('footer')).not.toContainText(/aborted|unreachable|ECONN|fetch failed|127\.0\.0\.1/);
});
