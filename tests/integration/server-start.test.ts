import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** How the real server process starts, or refuses to. */
describe('server start', () => {
  it('stops with exit code 2 and names a wrong setting', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, YIWANG_DATA_DIR: mkdtempSync(join(tmpdir(), 'yiwang-start-')), YIWANG_PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('YIWANG_PORT="abc": expected a whole number');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
