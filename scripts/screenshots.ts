import { mkdirSync, rmSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { requestStream } from '../tests/bench/request-stream';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';
import { startHostProcess } from '../tests/support/host-process';
import { makeRequest, seedWorkstation } from '../tests/support/seeded-workstation';
import { NO_SERVER } from '../tests/support/triage-fixtures';

/**
 * npm run screenshots: the README's pictures of the workstation — queue, detail pane, palette and
 * key overlay — taken from a seeded workstation in Chromium (npm run build first).
 */
const OUT = 'docs/screenshots';

const now = Date.now();
const archive = requestStream(3000, 7, true).map((r, i) => makeRequest({ ...r.seed, receivedAt: new Date(now - 30 * 86_400_000 + i * 600_000).toISOString() }, 500 + i));
const queue = requestStream(400, 11, false).map((r, i) => makeRequest({ ...r.seed, receivedAt: new Date(now - 75 * 60_000 + i * 20_000).toISOString() }, i));
const dataDir = seedWorkstation([...archive, ...queue], NO_SERVER);
const host = await startHostProcess({ serverUrl: NO_SERVER, dataDir, pollMs: 60_000 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });

async function open(width: number, height: number, theme: 'dark' | 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await page.goto(host.pageUrl);
  await page.evaluate((t) => localStorage.setItem('yiwang.ui', JSON.stringify({ state: { locale: 'zh-CN', theme: t }, version: 0 })), theme);
  await page.reload();
  await page.getByTestId('suggestion').and(page.locator('[data-ready="true"]')).waitFor();
  // A few requests in: the operator's counter is running and the cursor is mid-queue.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
  }
  await page.keyboard.press('j');
  await page.getByTestId('suggestion').and(page.locator('[data-ready="true"]')).waitFor();
  await page.waitForTimeout(400);
  return page;
}

try {
  const page = await open(1366, 768, 'dark');
  await page.screenshot({ path: `${OUT}/queue-1366.png` });
  await page.getByTestId('detail').screenshot({ path: `${OUT}/detail.png` });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('路灯');
  await page.getByTestId('picker-option').first().waitFor();
  await page.screenshot({ path: `${OUT}/palette.png` });
  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  await page.getByTestId('help-overlay').waitFor();
  await page.screenshot({ path: `${OUT}/keys.png` });
  const wide = await open(1920, 1080, 'light');
  await wide.screenshot({ path: `${OUT}/queue-1920-light.png` });
  console.log(`screenshots in ${OUT}`);
} finally {
  await browser.close();
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
