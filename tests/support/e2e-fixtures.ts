import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { HOST_READY_PREFIX } from '../../electron/host/browser-shell';
import { startServer, type ServerProcess } from './server-process';

export { expect } from '@playwright/test';

export interface HostShell {
  /** The address to open, with its access token. */
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/** Short sync timings so a decision reaches the server within a second or two. */
export const FAST_SYNC_ENV = { YIWANG_POLL_MS: '500', YIWANG_HOLD_MS: '300' };

/** Starts the real browser shell (`electron/host/shell-main.ts`) on a free port with its own cache folder. */
export async function startHostShell(serverUrl: string): Promise<HostShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-host-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/shell-main.ts'], {
    env: { ...process.env, ...FAST_SYNC_ENV, YIWANG_SERVER_URL: serverUrl, YIWANG_WORKSTATION_DIR: dataDir, YIWANG_SHELL_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host shell did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(HOST_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(HOST_READY_PREFIX.length).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host shell exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface WorkstationFixtures {
  /** The real central server, on a free port with a fresh SQLite file. */
  server: ServerProcess;
  /** The real workstation host behind the browser shell, synced with `server`. */
  host: HostShell;
  /** A page opened at the browser shell: the renderer, not yet signed in. */
  workstation: Page;
}

/** Processes are stopped and their folders removed after each test; their output is attached when it fails. */
export const test = base.extend<WorkstationFixtures>({
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    try {
      await use(server);
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server output', { body: server.output() });
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  },
  host: async ({ server }, use, testInfo) => {
    const host = await startHostShell(server.url);
    try {
      await use(host);
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('host output', { body: host.output() });
      rmSync(host.dataDir, { recursive: true, force: true });
    }
  },
  workstation: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});
