import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the browser shell's host (electron/browser-shell/shell-main.ts) as one bundled JS file. */
export const SHELL_HOST_BUNDLE = fileURLToPath(new URL('../../out/electron/shell-main.mjs', import.meta.url));
