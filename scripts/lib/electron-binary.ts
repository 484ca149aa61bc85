import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable when the `electron` package's binary was downloaded, else null.
 * require('electron') throws when the package was installed without its postinstall download.
 */
export function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
