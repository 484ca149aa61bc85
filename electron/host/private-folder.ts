import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workstation's folder holds the session token (in the cache), citizens' requests and exports:
 * only the signed-in user of this computer may read it. The folder is made 0700 and the files already
 * in it 0600 (SQLite gives its -wal and -shm files the cache file's mode). No effect on Windows,
 * where the user's profile folder is private already.
 */
export function keepPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) chmodSync(path, 0o600);
  }
}
