import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerExport, LedgerExportArgs, LedgerFormat } from '../../../shared/api/workstation-api';
import { beijingDayNumber, dateKeyOf } from '../../../shared/deadline';
import { buildLedger, type Ledger, type LedgerPeriod } from '../../../shared/ledger';
import { LedgerQuery } from '../../../shared/reports/ledger';
import type { WorkstationCache } from '../cache/workstation-cache';
import { DecisionError } from '../decisions';
import { exportLedgerCsv } from './csv-export';
import type { ExportOptions } from './export-options';
import type { SyncClient } from '../sync/sync-client';
import { ledgerSource } from './ledger-source';

// The xlsx and PDF libraries take most of a second to load: loaded at the first such export, not at host start.
const WRITERS: Record<LedgerFormat, (ledger: Ledger, path: string, options: ExportOptions) => Promise<void>> = {
  xlsx: async (...args) => (await import('./xlsx-export')).exportLedgerXlsx(...args),
  csv: exportLedgerCsv,
  pdf: async (...args) => (await import('./pdf-export')).exportLedgerPdf(...args),
};

/** Names a file may have in the exports folder: what `exportLedger` and the audit export make, nothing with a path in it. */
export const EXPORT_FILE_NAME = /^(ledger|audit-log)-[0-9a-z-]+\.(xlsx|csv|pdf)$/;

/**
 * Builds the ledger from the server's lines (or the cache's, offline) and writes it into `exportsDir`; the file
 * name says period, scope and time.
 */
export async function exportLedger(
  cache: WorkstationCache,
  client: SyncClient,
  exportsDir: string,
  args: LedgerExportArgs,
  now = new Date(),
): Promise<LedgerExport> {
  const period: LedgerPeriod =
    args.from && args.to
      ? { from: args.from, to: args.to }
      : { from: args.day ?? today(now), to: args.day ?? today(now) };
  const operator = cache.session.get().operator;
  if (args.scope === 'me' && !operator) throw new DecisionError('not-signed-in', 'sign in to export your own ledger');
  // A range that ends before it starts, or a date like 2026-02-30, is the caller's mistake: refused before asking.
  const mask = args.mask ?? true;
  const checked = LedgerQuery.safeParse({
    ...period,
    scope: args.scope,
    format: args.format,
    masked: mask ? '1' : '0',
  });
  if (!checked.success) throw new DecisionError('invalid-args', checked.error.issues.map((i) => i.message).join('; '));
  const { lines, completeness } = await ledgerSource(cache, client, checked.data, now);
  const ledger = buildLedger({
    lines,
    range: period,
    ...(args.scope === 'me' && operator
      ? { operator: { id: operator.id, name: operator.displayName } }
      : { centre: true as const }),
    completeness,
    generatedAt: now.toISOString(),
  });
  mkdirSync(exportsDir, { recursive: true });
  const span = period.from === period.to ? period.from : `${period.from}-to-${period.to}`;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const fileName = `ledger-${span}-${args.scope}-${stamp}.${args.format}`;
  const path = join(exportsDir, fileName);
  await WRITERS[args.format](ledger, path, { mask });
  return { fileName, path, lines: ledger.lines.length, completeness: ledger.completeness };
}

function today(now: Date): string {
  return dateKeyOf(beijingDayNumber(now.getTime()));
}
