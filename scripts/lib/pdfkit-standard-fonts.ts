import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** pdfkit's Node entry points (ESM and CommonJS); each registers the standard fonts' loaders. */
const PDFKIT_ENTRY = /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/;

/** `require$1('#standard-fonts/Helvetica')`: a require made by createRequire, named by pdfkit's own bundler. */
const FONT_REQUIRE = /\b[\w$]+\((['"])(#standard-fonts\/\w+)\1\)/g;

/**
 * pdfkit loads the metrics of its 14 standard fonts on first use through `createRequire(import.meta.url)`
 * and its package's `imports` map (`#standard-fonts/*`). esbuild leaves such a require alone, so in a bundle
 * it resolves against the bundle's own folder and fails (`Cannot find module '#standard-fonts/Helvetica'`)
 * at every PDF, since a new document opens Helvetica before the Chinese font is chosen. The packaged app
 * ships no node_modules to fall back on, so this plugin turns those calls into plain `require`s, which
 * esbuild resolves through pdfkit's imports map and bundles (about 190 kB of metrics).
 */
export const pdfkitStandardFonts: Plugin = {
  name: 'pdfkit-standard-fonts',
  setup(build) {
    build.onLoad({ filter: PDFKIT_ENTRY }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      let found = 0;
      const contents = source.replace(FONT_REQUIRE, (_call, quote: string, specifier: string) => {
        found += 1;
        return `require(${quote}${specifier}${quote})`;
      });
      // A pdfkit that loads its fonts another way must be looked at, not shipped with PDFs failing again.
      if (found === 0) throw new Error(`${path}: no #standard-fonts require found; pdfkit changed how it loads fonts`);
      return { contents, loader: 'js' };
    });
  },
};
