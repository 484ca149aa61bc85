/**
 * Regenerates docs/ledger-sample.png, the picture of the PDF ledger in the README: a day's ledger made
 * from the invented test lines, exported to PDF, first page rendered with pdftoppm (poppler-utils).
 *   npx tsx scripts/ledger-sample.ts [out.png]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportLedgerPdf } from '../electron/host/ledger';
import { buildLedger } from '../shared/ledger';
import { FIXTURE_DAY, fixtureLines } from '../tests/support/ledger-fixture';

const out = resolve(process.argv[2] ?? 'docs/ledger-sample.png');
const dir = mkdtempSync(join(tmpdir(), 'yiwang-ledger-sample-'));
try {
  const ledger = buildLedger({
    lines: fixtureLines(),
    day: FIXTURE_DAY,
    centre: true,
    completeness: { kind: 'may-miss-other-operators', lastSyncAt: '2026-11-27T08:55:00.000Z' },
    generatedAt: '2026-11-27T09:05:00.000Z',
  });
  const pdf = join(dir, 'ledger.pdf');
  await exportLedgerPdf(ledger, pdf);
  const render = spawnSync(
    'pdftoppm',
    ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'page')],
    {
      encoding: 'utf8',
    },
  );
  if (render.error || render.status !== 0) {
    throw new Error(`pdftoppm failed (install poppler-utils): ${render.error?.message ?? render.stderr}`);
  }
  copyFileSync(join(dir, 'page.png'), out);
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
