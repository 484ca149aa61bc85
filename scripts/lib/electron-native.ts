import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * Electron and Node load different builds of a native module (their NODE_MODULE_VERSIONs differ).
 * The server and the tests need node_modules/better-sqlite3 built for Node, so the workstation under
 * Electron gets its own build beside it, in out/native/, and finds it through YIWANG_SQLITE_BINDING
 * (better-sqlite3's `nativeBinding` option). Building fetches Electron's headers, so it runs only
 * where the Electron binary itself could be downloaded.
 */
export const NATIVE_DIR = resolve('out/native');

export function electronSqliteBinding(): string {
  const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  const binding = join(NATIVE_DIR, `electron-${electronVersion}`, 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  const source = resolve('node_modules/better-sqlite3');
  const work = join(NATIVE_DIR, 'better-sqlite3-src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(NATIVE_DIR, { recursive: true });
  cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
  const nodeGyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  execFileSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  mkdirSync(join(binding, '..'), { recursive: true });
  cpSync(join(work, 'build/Release/better_sqlite3.node'), binding);
  rmSync(work, { recursive: true, force: true });
  return binding;
}
