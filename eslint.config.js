// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of docs/ARCHITECTURE.md, enforced: each folder lists what it may never import.
 * To add a rule, add a pattern to the folder's list below and a case to tests/unit/layer-rules.test.ts.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'worker_threads',
  'stream',
  'url',
  'zlib',
  'util',
];
const NODE_LIBRARIES = ['better-sqlite3', 'fastify', '@fastify/*', 'kysely', 'pg', 'pdfkit', 'exceljs'];

/** @param {string[]} names @param {string} why */
const forbid = (names, why) => ({ group: names, message: why });

const RENDERER = [
  forbid(NODE_BUILTINS, 'The renderer runs in the page: no Node built-ins.'),
  forbid([...NODE_LIBRARIES, 'electron'], 'The renderer reaches data only through the host bridge.'),
  forbid(['**/server/**', '**/electron/**', '**/simulator/**'], 'The renderer imports shared/ and itself only.'),
];

const LAYERS = {
  'shared/**': [
    forbid(NODE_BUILTINS, 'shared/ is pure TypeScript that runs everywhere: no Node built-ins.'),
    forbid(
      [...NODE_LIBRARIES, 'electron', 'react', 'react-dom', 'react/*', 'zustand'],
      'shared/ has no I/O, UI or database libraries.',
    ),
    forbid(
      ['**/server/**', '**/electron/**', '**/renderer/**', '**/simulator/**', '**/tests/**', '**/scripts/**'],
      'shared/ imports only shared/.',
    ),
  ],
  'renderer/src/**': RENDERER,
  // Later entries replace earlier ones for their files, so a sub-folder repeats its parent's rules.
  'renderer/src/store/**': [
    ...RENDERER,
    forbid(['**/i18n/*'], 'Stores emit notice ids with parameters; the components translate them.'),
  ],
  'server/**': [
    forbid(['electron', 'react', 'react-dom', 'zustand'], 'The server runs under plain Node.'),
    forbid(
      ['**/electron/**', '**/renderer/**', '**/simulator/**', '**/tests/**'],
      'The server imports shared/ and itself only.',
    ),
  ],
  'electron/host/**': [
    forbid(
      ['electron'],
      'Only electron/main.ts and electron/preload.ts import electron: the host runs under plain Node.',
    ),
    forbid(['react', 'react-dom', 'zustand'], 'The host has no UI.'),
    forbid(
      ['**/server/**', '**/renderer/**', '**/simulator/**', '**/tests/**'],
      'The host imports shared/ and itself only; it reaches the server over HTTP.',
    ),
    forbid(['**/browser-shell/**'], 'The host knows neither shell: the shells start the host, never the reverse.'),
  ],
  'electron/browser-shell/**': [
    forbid(['electron'], 'The browser shell serves a plain Chromium under plain Node: no electron.'),
    forbid(['react', 'react-dom', 'zustand'], 'The shell serves the built renderer; it has no UI of its own.'),
    forbid(
      ['**/server/**', '**/renderer/**', '**/simulator/**', '**/tests/**'],
      'The browser shell imports shared/, the host and itself only.',
    ),
  ],
  // Document making the server (reports) and the host (ledger) share: plain Node, neither side's code.
  'documents/**': [
    forbid(
      ['electron', 'react', 'react-dom', 'zustand'],
      'documents/ runs under plain Node, in the server and the host.',
    ),
    forbid(
      ['**/server/**', '**/electron/**', '**/renderer/**', '**/simulator/**', '**/tests/**'],
      'documents/ imports shared/ and itself only: the server and the host both use it.',
    ),
  ],
  'simulator/**': [
    forbid(
      [
        '**/server/channels/wechat/**',
        '**/server/channels/weibo/**',
        '**/server/channels/alipay/*',
        '!**/server/channels/alipay/demo-keys',
        '**/server/channels/*-signature',
        '**/server/channels/signed-query',
      ],
      "The simulator signs with its own code (simulator/platform-signing.ts): the server's verifiers would agree with themselves.",
    ),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.data/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Playwright reads a fixture's needs from its destructured first parameter, `{}` included.
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      // The ideographic space (U+3000) is how Chinese documents set text apart.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...Object.entries(LAYERS).map(([folder, patterns]) => ({
    files: [`${folder}/*.{ts,tsx}`, `${folder}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
);
