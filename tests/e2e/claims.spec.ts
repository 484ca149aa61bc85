import { expect, test } from '../support/e2e-fixtures';
import { colleagueAt, receiveRequests } from '../support/colleague';
import { signIn } from '../support/walking-skeleton-flow';

// Two operators online: the request on one's screen is theirs for a short lease, the other's queue
// says so, and deciding on a request a colleague holds asks first. Keys only.

const LEASE_MS = 4_000;
test.use({ serverEnv: { YIWANG_DEMO: '1', YIWANG_CLAIM_LEASE_MS: String(LEASE_MS) } });

test('opening a request claims it, staying renews it, leaving releases it; taking one over asks first', async ({
  server,
  workstation: page,
  host,
}) => {
  const ids = await receiveRequests(server, ['小区门口的路灯坏了一个星期', '楼下饭店油烟太大']);
  await signIn(page, 'op1', 'op1');
  await expect(page.getByTestId('queue-row')).toHaveCount(2, { timeout: 30_000 });
  const detail = page.getByTestId('detail');
  const opened = (await detail.getAttribute('data-request-id'))!;
  const other = ids.find((id) => id !== opened)!;
  const colleague = await colleagueAt(server.url, 'op2');

  // The request on screen is op1's (waited for by looking, since a claim would take it): the
  // colleague is refused and told who holds it.
  await expect.poll(() => colleague.holderOf(opened)).toBe('受理员一');
  expect((await colleague.claim(opened)).granted).toBe(false);
  expect((await colleague.claim(opened)).claim.operatorName).toBe('受理员一');
  // Well past one lease, op1 still holds it: the workstation renews while it stays open.
  await page.waitForTimeout(LEASE_MS * 1.5);
  expect((await colleague.claim(opened)).granted).toBe(false);

  // The colleague opens the other request: op1's queue row says who is on it.
  expect((await colleague.claim(other)).granted).toBe(true);
  const otherRow = page.locator(`[data-testid="queue-row"][data-request-id="${other}"]`);
  await expect(otherRow.getByTestId('queue-row-claim')).toHaveAttribute('data-operator-id', colleague.operator.id);
  await expect(otherRow.getByTestId('queue-row-claim')).toContainText('受理员二');
  await expect(
    page.locator(`[data-testid="queue-row"][data-request-id="${opened}"]`).getByTestId('queue-row-claim'),
  ).toHaveCount(0);

  // op1 moves on: the first request is released at once, not when its lease would end.
  await page.keyboard.press('j');
  await expect(detail).toHaveAttribute('data-request-id', other);
  await expect(page.getByTestId('detail-claim')).toContainText('受理员二');
  expect((await colleague.claim(opened)).granted).toBe(true);

  // Deciding on the colleague's request asks first; Esc leaves it to them.
  await page.keyboard.press('d');
  const question = page.getByTestId('take-over');
  await expect(question).toBeVisible();
  await expect(question).toHaveAttribute('data-holder', '受理员二');
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(otherRow).toHaveAttribute('data-status', 'new');
  const status = await host.call('sync.status', {});
  expect(status.ok && status.value.outbox).toBe(0);

  // Asked again, Enter takes it over: the decision is made, and goes to the server as op1's.
  await page.keyboard.press('d');
  await expect(question).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(question).toBeHidden();
  await expect(otherRow).toHaveCount(0);
  await expect
    .poll(
      async () => {
        const reply = await host.call('request.get', { id: other });
        return (
          reply.ok &&
          reply.value &&
          `${reply.value.status}:${reply.value.pending}:${reply.value.lastDecision?.operatorName}`
        );
      },
      { timeout: 30_000 },
    )
    .toBe('junk:0:受理员一');
});
