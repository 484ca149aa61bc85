import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The packaged workstation's Electron fuses (build/electron-builder.yml, applied by electron-builder with @electron/fuses). */
describe('Electron fuses in the build', () => {
  const config = readFileSync('build/electron-builder.yml', 'utf8');
  const block = /^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(config)?.[1] ?? '';
  const fuses = Object.fromEntries(
    block
      .trim()
      .split('\n')
      .map((line) => line.trim().split(': ')),
  );

  it('turns off every way to run the app as plain Node or attach a debugger, and loads only the checked asar', () => {
    expect(fuses).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
  });

  it('packs the app into an asar (onlyLoadAppFromAsar needs one)', () => {
    expect(config).not.toMatch(/^asar: false/m);
  });
});
