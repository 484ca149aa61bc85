import { rmSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import type { LocalRequest } from '../../shared/api/workstation-api';
import type { Request } from '../../shared/model';
import { startHostProcess, type HostProcess } from './host-process';
import { makeRequest, seedWorkstation, type RequestSeed } from './seeded-workstation';

export { expect };

/** No server listens here: the seeded workstation works offline, as operators do when the network is down. */
export const NO_SERVER = 'http://127.0.0.1:9';

/** The queue the triage tests work through, oldest (most urgent) first, and a resolved archive behind it. */
export const QUEUE: readonly RequestSeed[] = [
  { text: '门口的路灯坏了一个星期，晚上很黑，走路不安全', citizenId: 'wechat:citizen-lamp', citizenName: '张三' },
  { text: '手机被偷了，已经报警，想问案件进展', citizenName: '李四' },
  { text: '楼下饭店油烟太大，晚上噪音扰民', channel: 'weibo', citizenName: '王五' },
  { text: '公司拖欠工资三个月了', channel: 'alipay', citizenName: '赵六' },
  { text: '路灯还是没有修好，请尽快处理', citizenId: 'wechat:citizen-lamp', citizenName: '张三' },
  { text: '加微信领红包 广告', citizenName: null },
  { text: '加群领奖品 广告', citizenName: null },
  { text: '点击链接领取补贴 广告', citizenName: null },
];
export const ARCHIVE: readonly RequestSeed[] = [
  { text: '路灯不亮了好几天', status: 'transferred', categoryId: '城乡建设', unitId: 'city-urban-management' },
  { text: '饭店油烟扰民严重', status: 'closed', categoryId: '环境保护', unitId: 'city-ecology', channel: 'weibo' },
];

export interface SeededWorkstation {
  host: HostProcess;
  requests: Request[];
  page: Page;
  /** The request as the workstation sees it now. */
  local(id: string): Promise<LocalRequest>;
}

/** Archive first so the queue is what the operator sees; the archive's arrival times are older. */
export function seededRequests(): Request[] {
  const start = Date.now() - 3 * 3600_000;
  const archive = ARCHIVE.map((seed, i) =>
    makeRequest({ ...seed, receivedAt: new Date(start + i * 1000).toISOString() }, 100 + i),
  );
  const queue = QUEUE.map((seed, i) =>
    makeRequest({ ...seed, receivedAt: new Date(Date.now() - 1800_000 + i * 1000).toISOString() }, i),
  );
  return [...queue, ...archive];
}

export interface TriageOptions {
  holdMs: number;
  /** What the workstation holds; default seededRequests(). */
  seedRequests: () => Request[];
  /** Install Playwright's clock in the page before it loads, so a test can move the page's time (page.clock). */
  fakeClock: boolean;
  /** Extra environment for the host process (e.g. TZ). */
  hostEnv: Record<string, string>;
  /** Run the host as `npm run build` bundled it, as the product runs, instead of from the TypeScript source. */
  builtHost: boolean;
}

export const test = base.extend<TriageOptions & { seeded: SeededWorkstation }>({
  holdMs: 3_000,
  // A function-valued option is given as a fixture: test.use({ seedRequests: async ({}, use) => use(myRequests) }).
  seedRequests: [async ({}, use) => use(seededRequests), { option: true }],
  fakeClock: [false, { option: true }],
  hostEnv: [{}, { option: true }],
  builtHost: [false, { option: true }],
  seeded: async ({ page, holdMs, seedRequests, fakeClock, hostEnv, builtHost }, use, testInfo) => {
    const requests = seedRequests();
    const dataDir = seedWorkstation(requests, NO_SERVER);
    const host = await startHostProcess({
      serverUrl: NO_SERVER,
      dataDir,
      pollMs: 60_000,
      holdMs,
      env: hostEnv,
      built: builtHost,
    });
    try {
      if (fakeClock) await page.clock.install();
      await page.goto(host.pageUrl);
      await expect(page.getByTestId('queue-row').first()).toBeVisible();
      await use({
        host,
        requests,
        page,
        async local(id) {
          const reply = await host.call('request.get', { id });
          if (!reply.ok || !reply.value) throw new Error(`no request ${id}`);
          return reply.value;
        },
      });
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host output', { body: host.output() });
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

/** Waits until the detail pane shows this request and its suggestion has arrived. */
export async function expectShown(page: Page, request: Request): Promise<void> {
  await expect(page.getByTestId('detail')).toHaveAttribute('data-request-id', request.id);
  await expect(page.getByTestId('suggestion')).toHaveAttribute('data-ready', 'true');
}
