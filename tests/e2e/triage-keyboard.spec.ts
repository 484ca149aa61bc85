import { KEYMAP } from '../../renderer/src/keyboard/keymap';
import { expect, expectShown, test } from '../support/triage-fixtures';

// The keyboard triage flow on a seeded workstation, keys only: every action of the issue once.

test('Enter accepts the whole suggestion — accept, classify, transfer, acknowledge — and moves on', async ({
  seeded,
}) => {
  const { page, requests } = seeded;
  const [lamp, theft] = requests;
  await expectShown(page, lamp!);
  await expect(page.getByTestId('suggested-category')).toHaveAttribute('data-value', '城乡建设');
  await expect(page.getByTestId('suggested-unit')).toHaveAttribute('data-value', 'city-urban-management');
  await expect(page.getByTestId('suggested-reply')).toHaveAttribute('data-template', 'transferred');
  // The detail pane already holds what is needed: the citizen's other request and a similar resolved one.
  await expect(page.getByTestId('citizen-history').getByTestId('related-request')).toHaveCount(1);
  await expect(page.getByTestId('similar-requests').getByTestId('related-request').first()).toBeVisible();

  await page.keyboard.press('Enter');
  await expectShown(page, theft!);
  const done = await seeded.local(lamp!.id);
  expect(done).toMatchObject({
    status: 'transferred',
    categoryId: '城乡建设',
    unitId: 'city-urban-management',
    pending: 4,
  });
  await expect(page.getByTestId('today-counter')).toHaveAttribute('data-handled', '1');
});

test('each part changes on its own: category by number key, unit by pinyin initials, reply by template', async ({
  seeded,
}) => {
  const { page, requests } = seeded;
  const lamp = requests[0]!;
  await expectShown(page, lamp);
  const eighth = KEYMAP.find((b) => b.action === 'category8')!.keys[0]!;
  await page.keyboard.press(eighth[0]!);
  await expect(page.getByTestId('suggested-category')).toHaveAttribute('data-value', '政法');

  await page.keyboard.press('t');
  await page.keyboard.type('gaj');
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', 'city-public-security');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('suggested-unit')).toHaveAttribute('data-value', 'city-public-security');

  await page.keyboard.press('c');
  await page.keyboard.type('环境');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('suggested-category')).toHaveAttribute('data-value', '环境保护');

  await page.keyboard.press('r');
  await page.keyboard.press('2');
  const reply = page.getByTestId('suggested-reply');
  await expect(reply).toHaveAttribute('data-template', 'received');
  // Fields filled in: the citizen's name and the request number.
  await expect(reply).toContainText(lamp.number);
  await expect(reply).toContainText(lamp.citizen.name!);

  await page.keyboard.press('Enter');
  await expect
    .poll(() => seeded.local(lamp.id))
    .toMatchObject({ status: 'transferred', categoryId: '环境保护', unitId: 'city-public-security' });
});

test('junk, escalate, snooze, note and merge take one key each', async ({ seeded }) => {
  const { page, requests } = seeded;
  const [lamp, theft, smoke, wages, lampAgain] = requests;
  await expectShown(page, lamp!);

  // Escalate: stays open, marked for the supervisor, and the cursor moves on.
  await page.keyboard.press('e');
  await expectShown(page, theft!);
  await expect.poll(() => seeded.local(lamp!.id)).toMatchObject({ escalated: true });

  // Note: one key, the text, Enter.
  await page.keyboard.press('n');
  await page.getByTestId('note-input').pressSequentially('已电话联系市民');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note')).toBeHidden();
  await expect.poll(async () => (await seeded.local(theft!.id)).pending).toBe(1);

  // Snooze: out of the queue until later.
  await page.keyboard.press('s');
  await expectShown(page, smoke!);
  await expect.poll(async () => (await seeded.local(theft!.id)).snoozedUntil).not.toBeNull();

  // Junk.
  await page.keyboard.press('d');
  await expectShown(page, wages!);
  await expect.poll(async () => (await seeded.local(smoke!.id)).status).toBe('junk');

  // Merge: the citizen's earlier request is offered first.
  await page.keyboard.press('j');
  await expectShown(page, lampAgain!);
  await page.keyboard.press('m');
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', lamp!.id);
  await page.keyboard.press('Enter');
  await expect.poll(() => seeded.local(lampAgain!.id)).toMatchObject({ status: 'merged', mergedInto: lamp!.id });
});

test('several marked with x and Shift+J are junked with one key', async ({ seeded }) => {
  const { page, requests } = seeded;
  const ads = requests.slice(5, 8);
  for (let i = 0; i < 5; i++) await page.keyboard.press('j');
  await expectShown(page, ads[0]!);
  await page.keyboard.press('x');
  await page.keyboard.press('Shift+J');
  await page.keyboard.press('Shift+J');
  await expect(page.getByTestId('marked-count')).toHaveAttribute('data-count', '3');
  await page.keyboard.press('d');
  for (const ad of ads) await expect.poll(async () => (await seeded.local(ad.id)).status).toBe('junk');
  await expect(page.getByTestId('marked-count')).toHaveCount(0);
});

test('undo inside the hold window drops the whole step before it leaves', async ({ seeded }) => {
  const { page, requests, host } = seeded;
  const lamp = requests[0]!;
  await expectShown(page, lamp);
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await host.call('sync.status', {})).ok && (await seeded.local(lamp.id)).status)
    .toBe('transferred');
  await page.keyboard.press('z');
  await expect
    .poll(() => seeded.local(lamp.id))
    .toMatchObject({ status: 'new', categoryId: null, unitId: null, pending: 0 });
  // The request is back under the cursor.
  await expectShown(page, lamp);
});

test('the palette finds actions and requests by number, citizen or text', async ({ seeded }) => {
  const { page, requests } = seeded;
  const wages = requests[3]!;
  await expectShown(page, requests[0]!);

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await page.keyboard.type(wages.number);
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', `request:${wages.id}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', wages.id);
  await expect(page.getByTestId('detail')).toHaveAttribute('data-opened', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', requests[0]!.id);

  for (const query of [wages.citizen.name!, '拖欠工资']) {
    await page.keyboard.press('Control+k');
    await page.keyboard.type(query);
    await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', `request:${wages.id}`);
    await page.keyboard.press('Escape');
  }

  // Every action is there too.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('help');
  await expect(page.getByTestId('picker-option').first()).toHaveAttribute('data-id', 'action:help');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('help-overlay')).toBeVisible();
});

test('full-text search finds one, two and more characters, with filters', async ({ seeded }) => {
  const { page, requests } = seeded;
  const [lamp, , smoke] = requests;
  const archivedSmoke = requests.find((r) => r.text.startsWith('饭店油烟'))!;
  await expectShown(page, lamp!);
  const found = async (query: string) => {
    await page.keyboard.press('/');
    await page.keyboard.type(query);
    await expect(page.getByTestId('search')).toBeVisible();
    const ids = page.getByTestId('picker-option');
    await expect(ids.first()).toBeVisible();
    const values = await ids.evaluateAll((nodes) =>
      nodes.map((n) => n.getAttribute('data-id')?.replace(/^request:/, '')),
    );
    await page.keyboard.press('Escape');
    return values;
  };
  expect(await found('灯')).toContain(lamp!.id);
  expect(await found('路灯')).toContain(lamp!.id);
  expect(await found('路灯坏了')).toEqual([lamp!.id]);
  expect(await found('油烟')).toEqual(expect.arrayContaining([smoke!.id, archivedSmoke.id]));
  expect(await found('油烟 st:closed')).toEqual([archivedSmoke.id]);
  expect(await found('油烟 unit:环保')).toEqual([archivedSmoke.id]);
  expect(await found('ch:alipay')).toEqual([requests[3]!.id]);
});

test('? lists every key, keys can be remapped, and language and theme switch', async ({ seeded }) => {
  const { page, requests } = seeded;
  await expectShown(page, requests[0]!);
  await page.keyboard.press('?');
  await expect(page.getByTestId('help-key')).toHaveCount(KEYMAP.length);
  await page.keyboard.press('Escape');

  // Junk moves from d to q.
  await page.keyboard.press(',');
  const settings = page.getByTestId('settings');
  await expect(settings).toBeFocused();
  const junkAt = KEYMAP.findIndex((b) => b.action === 'junk');
  for (let i = 0; i < junkAt; i++) await page.keyboard.press('ArrowDown');
  await expect(settings.locator('[aria-selected="true"]')).toHaveAttribute('data-action', 'junk');
  await page.keyboard.press('Enter');
  await expect(settings).toHaveAttribute('data-capturing', 'true');
  await page.keyboard.press('q');
  await page.keyboard.press('Escape');
  await page.reload();
  await expectShown(page, requests[0]!);
  await page.keyboard.press('q');
  await expect.poll(async () => (await seeded.local(requests[0]!.id)).status).toBe('junk');

  await page.keyboard.press('L');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('T');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
