import { readFileSync } from 'node:fs';
import type { Db } from '../db/open-database';
import { fileCommandArgs } from '../file-command';
import { trainModels } from '../suggestions/retrainer';
import { HistoryImportError } from './history-csv';
import { importHistory, type HistoryImportResult } from './import-history';

export const IMPORT_HISTORY_USAGE =
  'import-history <file.csv> --text COL[,COL] [--category COL] [--unit COL] [--unit-from-answer COL] [--received-at COL]';

/** Bad rows listed one per line up to this many; the rest are counted. */
const LISTED_BAD_ROWS = 20;

/**
 * `tsx server/main.ts import-history FILE.csv --text 留言主题,留言详情 --category 一级标签 …`: imports past
 * requests with their labels and trains the suggestion models from them at once. Returns the exit code:
 * 0 imported (bad rows skipped and listed), 2 the file or the flags are wrong and nothing was imported.
 */
export async function importHistoryCommand(db: Db, args: string[], minPerClass: number): Promise<number> {
  const flags = {
    text: { type: 'string' },
    category: { type: 'string' },
    unit: { type: 'string' },
    'unit-from-answer': { type: 'string' },
    'received-at': { type: 'string' },
  } as const;
  const parsed = fileCommandArgs(args, flags, IMPORT_HISTORY_USAGE, ['text']);
  if (!parsed) return 2;
  const { file, values } = parsed;
  let result: HistoryImportResult;
  try {
    result = await importHistory(
      db,
      readFileSync(file, 'utf8'),
      {
        text: values.text.split(',').map((c) => c.trim()),
        category: values.category,
        unit: values.unit,
        unitFromAnswer: values['unit-from-answer'],
        receivedAt: values['received-at'],
      },
      (done, total) => process.stderr.write(`\rimporting ${file}: ${done} of ${total} messages`),
    );
  } catch (err) {
    if (!(err instanceof HistoryImportError)) throw err;
    console.error(`${file}: ${err.message}\nnothing was imported`);
    return 2;
  }
  process.stderr.write('\n');
  console.log(historyReport(file, result));
  console.log('training the suggestion models from the history…');
  const trained = await trainModels(db, minPerClass);
  if (trained.length === 0) console.log('  too few examples per class to train a model yet');
  for (const { kind, version, examples, labels } of trained)
    console.log(`  ${kind} model version ${version}: ${examples} examples, ${labels} classes`);
  return 0;
}

/** What came in and what was left out, in lines an administrator reads. */
export function historyReport(file: string, result: HistoryImportResult): string {
  const lines = [
    `imported ${file}: ${result.imported} messages with a category or a unit` +
      (result.alreadyPresent > 0 ? ` (${result.alreadyPresent} already imported, their labels updated)` : ''),
  ];
  if (result.unlabelled > 0) lines.push(`  ${result.unlabelled} rows without a category or unit left out`);
  if (result.unitNotInDirectory > 0)
    lines.push(`  ${result.unitNotInDirectory} answers name an office with no unit in the directory (unit left out)`);
  if (result.bad.length > 0) {
    lines.push(`  ${result.bad.length} bad rows skipped:`);
    for (const { line, reason } of result.bad.slice(0, LISTED_BAD_ROWS)) lines.push(`    line ${line}: ${reason}`);
    if (result.bad.length > LISTED_BAD_ROWS) lines.push(`    … and ${result.bad.length - LISTED_BAD_ROWS} more`);
  }
  return lines.join('\n');
}
