import { join } from 'node:path';
import { openDatabase } from '../../server/db/open-database';
import { MAX_PULL_PAGE } from '../../shared/sync/protocol';
import { expect, test } from '../support/e2e-fixtures';
import { seedBacklog } from '../support/seed-backlog';
import { signIn } from '../support/walking-skeleton-flow';

// A fresh workstation signing in to a centre with a large archive fetches it in pages, and the
// status bar shows how far along it is until the last page is in.

const BACKLOG = MAX_PULL_PAGE * 3;

test('a fresh workstation shows the bootstrap progress while it pulls page after page', async ({
  server,
  workstation: page,
}) => {
  const db = openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
  try {
    await seedBacklog(db, BACKLOG);
  } finally {
    await db.destroy();
  }
  // Every state the progress bar is drawn in, recorded as it happens: pages come faster than a poll.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { catchUpSeen: string[] }).catchUpSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="catch-up"]');
      const state = bar ? `${bar.getAttribute('data-received')}/${bar.getAttribute('data-total')}` : 'none';
      if (seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await signIn(page);
  await expect(page.getByTestId('view-count')).toHaveAttribute('data-count', String(BACKLOG), { timeout: 60_000 });
  await expect(page.getByTestId('catch-up')).toBeHidden();
  const seen = await page.evaluate(() => (window as unknown as { catchUpSeen: string[] }).catchUpSeen);
  const shown = seen.filter((state) => state !== 'none');
  expect(shown.length).toBeGreaterThan(0);
  for (const state of shown) {
    const [received, total] = state.split('/').map(Number) as [number, number];
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(total);
    expect(total).toBeGreaterThanOrEqual(BACKLOG);
  }
});
