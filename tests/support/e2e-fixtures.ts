import { rmSync } from 'node:fs';
import { test as base, type Page } from '@playwright/test';
import { startPlatforms, type PlatformServer } from '../../simulator/platforms/platform-server';
import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';
import { startHostProcess, type HostProcess } from './host-process';
import { startServer, type ServerProcess } from './server-process';

export { expect } from '@playwright/test';

/** Short sync timings so a decision reaches the server within a second or two. */
export const FAST_SYNC = { pollMs: 500, holdMs: 300 };

export interface WorkstationFixtures {
  /** Extra environment for the server, e.g. `test.use({ serverEnv: { YIWANG_DEMO: '1' } })` for the demo staff. */
  serverEnv: Record<string, string>;
  /** Open the workstation at the host's printed one-time launch address, as `npm start` does. */
  openWithLaunchCode: boolean;
  /** The real central server, on a free port with a fresh SQLite file. */
  server: ServerProcess;
  /** The real workstation host behind the browser shell, synced with `server`. */
  host: HostProcess;
  /** A page opened at the browser shell: the renderer, not yet signed in. */
  workstation: Page;
}

/** Processes are stopped and their folders removed after each test; their output is attached when it fails. */
export const test = base.extend<WorkstationFixtures>({
  serverEnv: [{}, { option: true }],
  openWithLaunchCode: [false, { option: true }],
  server: async ({ serverEnv }, use, testInfo) => {
    const server = await startServer(serverEnv);
    try {
      await use(server);
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus)
        await testInfo.attach('server output', { body: server.output() });
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  },
  host: async ({ server, openWithLaunchCode }, use, testInfo) => {
    const host = await startHostProcess({ serverUrl: server.url, ...FAST_SYNC, keepLaunchCode: openWithLaunchCode });
    try {
      await use(host);
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host output', { body: host.output() });
      rmSync(host.dataDir, { recursive: true, force: true });
    }
  },
  workstation: async ({ page, host }, use) => {
    await page.goto(host.pageUrl);
    await use(page);
  },
});

/**
 * The same, with the simulated Weibo, WeChat and Alipay APIs for the demo accounts; a spec points the
 * server at them through `serverEnv` (YIWANG_PLATFORM_URL: platforms.url) with its own timings.
 */
export const testWithPlatforms = test.extend<{ platforms: PlatformServer }>({
  platforms: async ({}, use) => {
    const platforms = await startPlatforms(DEMO_CHANNELS);
    try {
      await use(platforms);
    } finally {
      await platforms.close();
    }
  },
});
