import type { Page } from '@playwright/test';
import type { Request } from '../../shared/model';
import { makeRequest } from '../support/seeded-workstation';
import { expect, test } from '../support/triage-fixtures';

// The merged queue in deadline order (docs/triage.md): overdue first, then escalated, then least time
// left; every row says whether its answer clock is amber, red or overdue.

const MIN = 60_000;

/** Arrival and the server's answer due time, in minutes from now; arrival order differs from deadline order. */
const SEEDS = [
  { name: 'overdue-1h', arrived: -180, due: -60 },
  { name: 'overdue-20m', arrived: -120, due: -20 },
  { name: 'red-8m', arrived: -50, due: 8 },
  { name: 'amber-20m', arrived: -40, due: 20 },
  { name: 'crosses-3m', arrived: -10, due: 3 },
  { name: 'escalated-3h', arrived: -5, due: 180, escalated: true },
  { name: 'ok-4h', arrived: -1, due: 240 },
] as const;

let byName = new Map<string, Request>();

function deadlineRequests(): Request[] {
  const now = Date.now();
  const requests = SEEDS.map((seed, i) => {
    const request = makeRequest(
      {
        text: `${seed.name}：小区门口积水`,
        citizenName: seed.name,
        receivedAt: new Date(now + seed.arrived * MIN).toISOString(),
      },
      i,
      now,
    );
    return {
      ...request,
      escalated: 'escalated' in seed,
      deadlines: { ...request.deadlines, answerDueAt: new Date(now + seed.due * MIN).toISOString() },
    };
  });
  byName = new Map(SEEDS.map((seed, i) => [seed.name, requests[i]!]));
  return requests;
}

const id = (name: string) => byName.get(name)!.id;

/** The rows in the order the queue shows them, by seed name, with their deadline state. */
async function rows(page: Page): Promise<string[]> {
  const names = new Map([...byName].map(([name, request]) => [request.id, name]));
  const shown = await page
    .getByTestId('queue-row')
    .evaluateAll((els) => els.map((el) => [el.getAttribute('data-request-id'), el.getAttribute('data-deadline')]));
  return shown.map(([rowId, state]) => `${names.get(rowId!) ?? rowId} ${state}`);
}

test.use({ seedRequests: async ({}, use) => use(deadlineRequests) });

test('overdue requests are on top, then the escalated one, then the least time left; rows turn amber and red', async ({
  seeded,
}) => {
  const { page } = seeded;
  await expect
    .poll(() => rows(page))
    .toEqual([
      'overdue-1h overdue',
      'overdue-20m overdue',
      'escalated-3h ok',
      'crosses-3m red',
      'red-8m red',
      'amber-20m amber',
      'ok-4h ok',
    ]);
  // The cursor starts on the most overdue, and the detail pane says so on its answer clock.
  await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', id('overdue-1h'));
  await expect(page.getByTestId('clock-answer')).toHaveAttribute('data-state', 'overdue');
  await expect(page.getByTestId('clock-answer').getByTestId('deadline')).toHaveAttribute('data-status', 'overdue');
});

test.describe('as time passes', () => {
  test.use({ fakeClock: true });

  test('a request that turns overdue rises, and the cursor stays on it while the operator reads it', async ({
    seeded,
  }) => {
    const { page } = seeded;
    await expect.poll(() => rows(page)).toContain('crosses-3m red');
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', id('crosses-3m'));
    await expect(page.locator(`[data-testid="queue-row"][data-request-id="${id('crosses-3m')}"]`)).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // Four minutes later, in the page: its answer promise has passed.
    await page.clock.fastForward('04:00');
    await expect
      .poll(() => rows(page))
      .toEqual([
        'overdue-1h overdue',
        'overdue-20m overdue',
        'crosses-3m overdue',
        'escalated-3h ok',
        'red-8m red',
        'amber-20m amber',
        'ok-4h ok',
      ]);
    // Still on the same request, now one row higher: the cursor followed it rather than its old place.
    await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', id('crosses-3m'));
    await expect(page.locator(`[data-testid="queue-row"][data-request-id="${id('crosses-3m')}"]`)).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByTestId('clock-answer')).toHaveAttribute('data-state', 'overdue');

    // And the next key goes on from where it now stands.
    await page.keyboard.press('j');
    await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', id('escalated-3h'));
  });
});
