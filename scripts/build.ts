import { performance } from 'node:perf_hooks';
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { pdfkitStandardFonts } from './lib/pdfkit-standard-fonts';
import { SHELL_HOST_BUNDLE } from './lib/shell-host';

/**
 * Builds what the workstation runs: the renderer with Vite (→ out/renderer) and the Electron
 * main and preload scripts with esbuild (→ out/electron/*.cjs), and the browser shell's host
 * (→ out/electron/shell-main.mjs). Prints one line unless it fails.
 */

const started = performance.now();

const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // electron is provided by the runtime; better-sqlite3 is native and is loaded from node_modules.
  external: ['electron', 'better-sqlite3'],
  // The PDF writer's font metrics, which pdfkit requires in a way esbuild does not follow by itself.
  plugins: [pdfkitStandardFonts],
};

try {
  await Promise.all([
    viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' }),
    esbuild({
      ...node,
      entryPoints: ['electron/main.ts'],
      outfile: 'out/electron/main.cjs',
      // Host modules written as ESM may read import.meta.url; give them the bundle's own URL.
      banner: { js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
      define: { 'import.meta.url': '__import_meta_url' },
    }),
    // The browser shell's host as the packaged app runs it: bundled JS, not TypeScript compiled at every start.
    // ESM for its top-level await; bundled CommonJS dependencies still find require().
    esbuild({
      ...node,
      format: 'esm',
      entryPoints: ['electron/browser-shell/shell-main.ts'],
      outfile: SHELL_HOST_BUNDLE,
      banner: {
        js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
      },
    }),
    // A sandboxed preload can only require('electron'), so everything else is inside the bundle;
    // minified because the shared API module brings zod along.
    esbuild({ ...node, entryPoints: ['electron/preload.ts'], outfile: 'out/electron/preload.cjs', minify: true }),
  ]);
} catch (error) {
  // esbuild and Vite have already printed the details.
  console.error(`build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  process.exit(1);
}

console.log(`built out/renderer and out/electron in ${((performance.now() - started) / 1000).toFixed(1)} s`);
