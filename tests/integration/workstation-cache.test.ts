import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CacheError } from '../../electron/host/cache/cache-error';
import { MIGRATIONS } from '../../electron/host/cache/migrations';
import { CACHE_APPLICATION_ID, openCache } from '../../electron/host/cache/open-cache';
import { CACHE_FILE_NAME, openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import { makeRequest, storeRequests } from '../support/seeded-workstation';

const freshDir = () => mkdtempSync(join(tmpdir(), 'yiwang-cache-'));

function openError(file: string): CacheError {
  try {
    openCache(file).close();
  } catch (error) {
    if (error instanceof CacheError) return error;
    throw error;
  }
  throw new Error('expected a CacheError');
}

describe('workstation cache file', () => {
  it('is created in WAL mode with our application id and every migration applied', () => {
    const file = join(freshDir(), CACHE_FILE_NAME);
    const db = openCache(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL: an acknowledged decision is on disk
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('application_id', { simple: true })).toBe(CACHE_APPLICATION_ID);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'decision_results',
        'device',
        'directory',
        'local_requests',
        'outbox',
        'requests',
        'session',
        'sync_state',
      ]),
    );
    db.close();
    // Reopening migrates nothing and keeps the data.
    const again = openCache(file);
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });

  it('rejects a file that is not SQLite as corrupt', () => {
    const file = join(freshDir(), CACHE_FILE_NAME);
    writeFileSync(file, 'this is not a database, just some bytes that happen to be here '.repeat(100));
    const error = openError(file);
    expect(error.reason).toBe('corrupt');
    expect(error.message).toContain(file);
  });

  it('rejects another program’s SQLite file as foreign, leaving it untouched', () => {
    const file = join(freshDir(), CACHE_FILE_NAME);
    const other = new Database(file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    expect(openError(file).reason).toBe('foreign');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    check.close();
  });

  it('rejects a cache written by a newer Yiwang', () => {
    const file = join(freshDir(), CACHE_FILE_NAME);
    openCache(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(openError(file).reason).toBe('too-new');
  });

  it('stops the host shell with a clear message when its cache was written by a newer Yiwang', () => {
    const dir = freshDir();
    openCache(join(dir, CACHE_FILE_NAME)).close();
    const db = new Database(join(dir, CACHE_FILE_NAME));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/browser-shell/shell-main.ts'], {
      env: {
        ...process.env,
        YIWANG_WORKSTATION_DIR: dir,
        YIWANG_SHELL_PORT: '0',
        YIWANG_SERVER_URL: 'http://127.0.0.1:9',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('YIWANG_HOST_READY');
    expect(run.stderr).toContain('is too-new');
  });
});

describe('the integrity check at open', () => {
  /** A cache with some rows, closed in order by the workstation cache (which marks it so). */
  function closedCache(): string {
    const dir = freshDir();
    const cache = openWorkstationCache(dir, 'http://127.0.0.1:9');
    storeRequests(
      cache,
      Array.from({ length: 300 }, (_, i) => makeRequest({ text: `井盖松动第${i}处，晚上看不见` }, i)),
    );
    cache.close();
    return join(dir, CACHE_FILE_NAME);
  }

  /** Garbage over the pages after the schema: SQLite still opens the file, only reading those pages finds it. */
  function damagePages(file: string): void {
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(file, bytes);
  }

  it('is skipped after an orderly close: the close leaves a mark, and the next open takes it away', () => {
    const file = closedCache();
    expect(existsSync(`${file}.clean`)).toBe(true);
    const db = openCache(file);
    // From here a crash must leave no mark, so the open after it checks every page.
    expect(existsSync(`${file}.clean`)).toBe(false);
    db.close();
  });

  it('still finds damaged pages in a file changed after its orderly close', () => {
    const file = closedCache();
    damagePages(file);
    expect(openError(file).reason).toBe('corrupt');
  });

  it('finds damaged pages after a close that left no mark (a crash)', () => {
    const file = closedCache();
    rmSync(`${file}.clean`);
    damagePages(file);
    expect(openError(file).reason).toBe('corrupt');
  });

  it('still tells a foreign file by its header after an orderly close', () => {
    const file = closedCache();
    const other = new Database(file);
    other.pragma('application_id = 12345');
    other.close();
    expect(openError(file).reason).toBe('foreign');
  });
});
