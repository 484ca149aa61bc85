import { mkdirSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ModelKind } from '../shared/sync/protocol';
import { startPlatforms } from '../simulator/platforms/platform-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';
import { DEMO_CHANNELS } from '../server/channels/demo-accounts';
import { FAST_SYNC } from '../tests/support/e2e-fixtures';
import { startHostProcess, type HostProcess } from '../tests/support/host-process';
import { startNetworkLink, type NetworkLink } from '../tests/support/network-link';
import { startServer, type ServerProcess } from '../tests/support/server-process';
import { signIn } from '../tests/support/walking-skeleton-flow';
import { boardTraffic, junkMessages } from './screenshots/board-traffic';
import { serverDatabase, stageAnswered, stageArchive, stageQueue } from './screenshots/centre-history';
import { colleagueDesk, type ColleagueDesk } from './screenshots/colleague-desk';

/**
 * npm run screenshots (after npm run build): the README's pictures of a workstation at work, online
 * with the central server in demo mode. A month of handled requests and this morning's traffic are
 * real message-board posts (../shared/data) sent through the channels' webhooks and decided through
 * sync and the units' API (scripts/screenshots/), so the suggestion, the similar requests, the
 * conflicts and the supervisors' view all come from the server. Operator 受理员一 (op1) works the
 * queue; 督查员 (sup1) supervises from a second workstation.
 */
const OUT = 'docs/screenshots';
const ARCHIVE = 800;
const QUEUE = 60;
const QUEUE_MINUTES = 9;
/** This morning's requests a unit has answered already, back in the queue. */
const ANSWERED = 3;
/** A term the board's posts use often, for the palette's search. */
const PALETTE_QUERY = '物业';
/** How far down the queue to look for a request to show, and how long its text may be. */
const SHOWCASE_SEARCH = 12;
const SHOWCASE_CHARS = 160;
/** Where the colleague sends the requests the operator decided offline. */
const DISTRICT = 'district-furong';

const started = Date.now();
const step = (what: string) => console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${what}`);

/** The server trains in a worker thread; workstations should get the models in their first pull. */
async function modelsTrained(server: ServerProcess): Promise<void> {
  const db = serverDatabase(server);
  try {
    for (const until = Date.now() + 90_000; Date.now() < until; await sleep(500)) {
      const kinds = new Set((await db.selectFrom('models').select('kind').execute()).map((m) => m.kind));
      if (ModelKind.options.every((k) => kinds.has(k))) return;
    }
    throw new Error(`the server trained no models:\n${server.output().slice(-2000)}`);
  } finally {
    await db.destroy();
  }
}

/** Fails rather than take a picture of a workstation that is offline, behind, or showing an error. */
async function healthy(page: Page): Promise<void> {
  await page.locator('[data-testid="sync-status"][data-online="true"][data-outbox="0"]').waitFor({ timeout: 15_000 });
  const errors = await page
    .locator('.status-bar .status-error, .status-bar .notice-error, [role="alert"]')
    .allInnerTexts();
  if (errors.length > 0) throw new Error(`the workstation shows an error: ${errors.join(' | ')}`);
}

async function suggestionReady(page: Page): Promise<void> {
  await page.locator('[data-testid="suggestion"][data-ready="true"][data-source="model"]').waitFor({ timeout: 30_000 });
}

/** A page on the workstation, signed in as `operator` (password = name) unless the host already is. */
async function open(
  browser: Browser,
  host: HostProcess,
  operator: string,
  width: number,
  height: number,
  theme: 'dark' | 'light',
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(host.pageUrl);
  await page.evaluate(
    (t) => localStorage.setItem('yiwang.ui', JSON.stringify({ state: { locale: 'zh-CN', theme: t }, version: 0 })),
    theme,
  );
  await page.reload();
  const signInName = page.getByTestId('sign-in-name');
  await signInName.or(page.getByTestId('queue')).first().waitFor();
  if (await signInName.isVisible()) await signIn(page, operator, operator);
  await suggestionReady(page);
  return page;
}

/** The next request, once its detail and suggestion are shown. */
async function next(page: Page): Promise<void> {
  const id = await page.getByTestId('detail').getAttribute('data-request-id');
  await page.keyboard.press('j');
  await page.locator(`[data-testid="detail"][data-request-id]:not([data-request-id="${id}"])`).waitFor();
  await suggestionReady(page);
  await page.waitForTimeout(150);
}

/**
 * A few requests in, the operator's counter running, the cursor mid-queue on a request that reads whole
 * in a picture: a short text, a confident suggestion and similar requests handled before.
 */
async function workAFew(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
  }
  await suggestionReady(page);
  for (let moves = 0; moves < SHOWCASE_SEARCH; moves++) {
    await next(page);
    const short = (await page.getByTestId('detail-text').innerText()).length <= SHOWCASE_CHARS;
    const sure = (await page.locator('[data-testid^="unsure-"]').count()) === 0;
    const similar = await page.getByTestId('similar-requests').getByTestId('related-request').count();
    if (short && sure && similar >= 3) break;
  }
  await page.mouse.move(0, 0);
  await healthy(page);
  await page.waitForTimeout(400);
}

/**
 * Two requests decided offline (the cable pulled) while a colleague, online, transfers them elsewhere:
 * back online, the server refuses the stale decisions and the conflicts view (g c) shows both sides.
 */
async function stageConflicts(page: Page, link: NetworkLink, colleague: ColleagueDesk): Promise<void> {
  link.cut();
  await page.locator('[data-testid="sync-status"][data-online="false"]').waitFor();
  const decided: { id: string; categoryId: string; unitId: string }[] = [];
  for (let i = 0; i < 2; i++) {
    await suggestionReady(page);
    const id = (await page.getByTestId('detail').getAttribute('data-request-id'))!;
    const suggested = async (what: string) =>
      (await page.getByTestId(`suggested-${what}`).getAttribute('data-value')) ?? '';
    decided.push({ id, categoryId: await suggested('category'), unitId: await suggested('unit') });
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="detail"]:not([data-request-id="${id}"])`).waitFor();
  }
  const requests = await colleague.pullAll();
  await colleague.push(
    decided.flatMap(({ id, categoryId, unitId }) => {
      const { version } = requests.get(id)!;
      const district = unitId === DISTRICT ? 'city-housing' : DISTRICT;
      return [
        { requestId: id, baseVersion: version, action: { kind: 'classify' as const, categoryId } },
        {
          requestId: id,
          baseVersion: version + 1,
          action: { kind: 'transfer' as const, unitId: district, note: '属地问题，转区里办理' },
        },
      ];
    }),
  );
  link.restore();
  await page.keyboard.press('S');
  await page.locator('[data-testid="conflict-badge"][data-count="2"]').waitFor({ timeout: 30_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await page.locator('[data-testid="conflicts"][data-loaded="true"]').waitFor();
  await page.locator('[data-testid="sync-status"][data-online="true"][data-outbox="0"]').waitFor();
  await page.waitForTimeout(400);
}

/**
 * The requests units answered come back on top of the queue (their answer promise long kept, so they sort
 * with the overdue), marked 单位已答复: the cursor on one, its answer in full and its timeline below.
 */
async function showAnswered(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await page.locator('[data-testid="sync-status"][data-online="true"][data-outbox="0"]').waitFor({ timeout: 15_000 });
  const answered = page.locator('[data-testid="queue-row"]:has([data-news="answered"])');
  await answered.first().waitFor({ timeout: 30_000 });
  await answered.first().dispatchEvent('mousedown');
  const id = await answered.first().getAttribute('data-request-id');
  await page.locator(`[data-testid="detail"][data-request-id="${id}"]`).waitFor();
  await page.locator('[data-testid="timeline"][data-source="server"] [data-kind="unit-answer"]').waitFor();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
}

// Whatever was started is stopped at the end, last first, also when a step fails.
const stops: (() => Promise<unknown>)[] = [];
try {
  mkdirSync(OUT, { recursive: true });
  const now = new Date();
  const { queue, archive } = boardTraffic(QUEUE, ARCHIVE, now);
  const platforms = await startPlatforms(DEMO_CHANNELS);
  stops.unshift(() => platforms.close());
  // One training, once the archive's classify and transfer decisions are all in.
  const server = await startServer({
    YIWANG_DEMO: '1',
    YIWANG_PLATFORM_URL: platforms.url,
    YIWANG_RETRAIN_EVERY: String(2 * ARCHIVE),
  });
  stops.unshift(async () => {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  });
  const startHost = async (serverUrl: string) => {
    const host = await startHostProcess({ serverUrl, ...FAST_SYNC });
    stops.unshift(async () => {
      await host.stop();
      rmSync(host.dataDir, { recursive: true, force: true });
    });
    return host;
  };
  // op1's workstation reaches the server through a cable that can be pulled.
  const link = await startNetworkLink(server.url);
  stops.unshift(() => link.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  stops.unshift(() => browser.close());

  await stageQueue(server, queue, junkMessages(now), now, QUEUE_MINUTES);
  step(`queue: ${queue.length} requests`);
  const colleague = await colleagueDesk(server.url, 'op2');
  await stageArchive(server, colleague, archive, now);
  step(`archive: ${archive.length} requests handled through the webhooks, sync and the units' API`);
  await modelsTrained(server);
  step('models trained');

  const host = await startHost(link.url);
  const page = await open(browser, host, 'op1', 1366, 768, 'dark');
  await workAFew(page);
  await page.screenshot({ path: `${OUT}/queue-1366.png` });
  await page.getByTestId('detail').screenshot({ path: `${OUT}/detail.png` });
  await page.keyboard.press('Control+k');
  await page.keyboard.type(PALETTE_QUERY);
  await page.getByTestId('picker-option').first().waitFor();
  await page.screenshot({ path: `${OUT}/palette.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.getByTestId('help-overlay').waitFor();
  await page.screenshot({ path: `${OUT}/keys.png` });
  await page.keyboard.press('Escape');
  step('queue, detail, palette, keys');

  const wide = await open(browser, host, 'op1', 1920, 1080, 'light');
  await workAFew(wide);
  await wide.screenshot({ path: `${OUT}/queue-1920-light.png` });
  await wide.close();
  step('queue at 1920×1080, light');

  await stageConflicts(page, link, colleague);
  await page.screenshot({ path: `${OUT}/conflicts.png` });
  step('conflicts');

  const supervisor = await open(browser, await startHost(server.url), 'sup1', 1366, 768, 'dark');
  await supervisor.keyboard.press('g');
  await supervisor.keyboard.press('s');
  await supervisor.locator('[data-testid="supervision"][data-loaded="true"]').waitFor();
  await healthy(supervisor);
  await supervisor.waitForTimeout(400);
  await supervisor.screenshot({ path: `${OUT}/supervision.png` });
  step('supervision');

  await stageAnswered(server, colleague, ANSWERED, 'city-urban-management');
  await showAnswered(page);
  await page.screenshot({ path: `${OUT}/queue-answered.png` });
  await page.getByTestId('timeline').screenshot({ path: `${OUT}/timeline.png` });
  step('answered requests and a timeline');
  console.log(`screenshots in ${OUT}`);
} finally {
  for (const stop of stops) await stop();
}
