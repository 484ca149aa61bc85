import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../electron/host/cache/workstation-cache';
import { checkServerAddress } from '../../electron/host/server-address';
import { startHostProcess } from '../support/host-process';

/** A workstation never sends its password and token to another computer over plain http:// unless told to. */
describe("the workstation's server address", () => {
  const warnings: string[] = [];
  const check = (url: string, allow = false) => checkServerAddress(url, allow, (line) => warnings.push(line));

  it('takes https:// anywhere and http:// on this computer', () => {
    for (const url of [
      'https://yiwang.city.gov.cn',
      'http://127.0.0.1:7300',
      'http://localhost:7300',
      'http://[::1]:7300',
    ])
      expect(() => check(url)).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('refuses http:// to another computer, saying what to set, unless an administrator allows it (loudly)', () => {
    expect(() => check('http://10.20.0.5:7300')).toThrow(/use https:\/\/, or set YIWANG_ALLOW_HTTP_SERVER=1/);
    expect(() => check('ftp://10.20.0.5')).toThrow(/expected https:\/\//);
    check('http://10.20.0.5:7300', true);
    expect(warnings).toEqual([expect.stringMatching(/^WARNING: http:\/\/10\.20\.0\.5:7300 is another computer/)]);
  });

  it('stops the browser shell before it starts, with one line', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/browser-shell/shell-main.ts'], {
      env: {
        ...process.env,
        YIWANG_WORKSTATION_DIR: mkdtempSync(join(tmpdir(), 'yiwang-address-')),
        YIWANG_SHELL_PORT: '0',
        YIWANG_SERVER_URL: 'http://192.0.2.10:7300',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('YIWANG_HOST_READY');
    expect(run.stderr).toMatch(/^yiwang host: YIWANG_SERVER_URL=http:\/\/192\.0\.2\.10:7300: .*use https:\/\//m);
  });

  it("starts with the administrator flag, and says so; its folder, token included, is the user's alone", async () => {
    const host = await startHostProcess({
      serverUrl: 'http://192.0.2.10:7300',
      env: { YIWANG_ALLOW_HTTP_SERVER: '1' },
    });
    try {
      expect(host.output()).toContain('WARNING: http://192.0.2.10:7300 is another computer');
      expect(statSync(host.dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(host.dataDir, CACHE_FILE_NAME)).mode & 0o777).toBe(0o600);
    } finally {
      await host.stop();
    }
  });
});
