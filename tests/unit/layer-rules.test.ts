import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by eslint.config.js: a forbidden import
 * planted in a file of each layer must be refused, and an allowed one must pass.
 */
const eslint = new ESLint();

async function refusal(file: string, source: string): Promise<string | null> {
  const [result] = await eslint.lintText(source, { filePath: file });
  const message = result?.messages.find((m) => m.ruleId === 'no-restricted-imports');
  return message?.message ?? null;
}

const PLANTED: [file: string, source: string][] = [
  ['shared/model/planted.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ['shared/model/planted.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
  ['shared/model/planted.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
  ['shared/model/planted.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;\n"],
  ['renderer/src/components/planted.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
  ['renderer/src/components/planted.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
  [
    'renderer/src/components/planted.ts',
    "import { startHost } from '../../../electron/host/start-host';\nexport const x = startHost;\n",
  ],
  ['renderer/src/store/planted.ts', "import { translator } from '../i18n/translate';\nexport const x = translator;\n"],
  ['renderer/src/store/planted.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
  [
    'server/sync/planted.ts',
    "import { startHost } from '../../electron/host/start-host';\nexport const x = startHost;\n",
  ],
  ['server/sync/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ['electron/host/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ['electron/host/cache/planted.ts', "import { buildApp } from '../../../server/app';\nexport const x = buildApp;\n"],
  ['electron/host/planted.ts', "import { pageCsp } from '../browser-shell/page-csp';\nexport const x = pageCsp;\n"],
  ['electron/browser-shell/planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ['electron/browser-shell/planted.ts', "import { buildApp } from '../../server/app';\nexport const x = buildApp;\n"],
  [
    'simulator/planted.ts',
    "import { wechatSignature } from '../server/channels/wechat/signature';\nexport const x = wechatSignature;\n",
  ],
  ['simulator/planted.ts', "import { rsa2Sign } from '../server/channels/alipay/rsa2';\nexport const x = rsa2Sign;\n"],
  ['documents/planted.ts', "import { buildApp } from '../server/app';\nexport const x = buildApp;\n"],
  ['documents/planted.ts', "import { startHost } from '../electron/host/start-host';\nexport const x = startHost;\n"],
];

describe('layer rules', () => {
  it.each(PLANTED)('refuses a forbidden import in %s: %s', async (file, source) => {
    expect(await refusal(file, source)).not.toBeNull();
  });

  it.each([
    ['shared/model/planted.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    [
      'renderer/src/components/planted.ts',
      "import { decide } from '../../../shared/model/decide';\nexport const x = decide;\n",
    ],
    ['server/sync/planted.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['electron/main-planted.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'simulator/planted.ts',
      "import { DEMO_APP_PRIVATE_KEY } from '../server/channels/alipay/demo-keys';\nexport const x = DEMO_APP_PRIVATE_KEY;\n",
    ],
    [
      'electron/browser-shell/planted.ts',
      "import { startHost } from '../host/start-host';\nexport const x = startHost;\n",
    ],
  ])('lets an allowed import through in %s', async (file, source) => {
    expect(await refusal(file, source)).toBeNull();
  });
});

/** Each layer's tsconfig gives it only its own runtime's globals. */
function typeErrors(layer: string, source: string): string[] {
  const configPath = `${layer}/tsconfig.json`;
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, layer);
  const file = join(mkdtempSync(join(tmpdir(), 'yiwang-layer-')), 'planted.ts');
  writeFileSync(file, source);
  // The layer's own declarations (its runtime's globals) come along; its modules need not.
  const program = ts.createProgram([file, ...fileNames.filter((f) => f.endsWith('.d.ts'))], options);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layer globals', () => {
  it.each([
    ['shared', 'export const title = document.title;\n'],
    ['shared', 'export const home = process.env.HOME;\n'],
    ['renderer', 'export const home = process.env.HOME;\n'],
    ['server', 'export const title = document.title;\n'],
    ['electron', 'export const title = window.name;\n'],
  ])('%s cannot use %s', (layer, source) => {
    expect(typeErrors(layer, source).join('\n')).toMatch(/Cannot find name/);
  });

  it('shared can use what every runtime has', () => {
    expect(typeErrors('shared', "export const text = new TextDecoder('utf-8').decode(new Uint8Array(1));\n")).toEqual(
      [],
    );
  });
});
