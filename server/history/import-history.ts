import { sql } from 'kysely';
import type { Db } from '../db/open-database';
import { loadDirectory } from '../directory/load-directory';
import { readHistoryCsv, type BadRow, type HistoryColumns, type HistoryRow } from './history-csv';

const BATCH = 200;

export interface HistoryImportResult {
  /** Messages read with a category or a unit (a message the file repeats counts once). */
  imported: number;
  /** Of those, messages already imported (their labels added to, not copied). */
  alreadyPresent: number;
  bad: BadRow[];
  unlabelled: number;
  unitNotInDirectory: number;
}

/**
 * Imports past requests with their categories and units for the suggestion models, all in one
 * transaction: a file refused for its form (HistoryImportError) or a failure half-way leaves nothing of
 * it behind. A message imported before keeps its labels unless this file gives one.
 */
export async function importHistory(
  db: Db,
  csvText: string,
  columns: HistoryColumns,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<HistoryImportResult> {
  const directory = await loadDirectory(db);
  const read = readHistoryCsv(csvText, columns, directory);
  const { bad, unlabelled, unitNotInDirectory } = read;
  const rows = onePerMessage(read.rows);
  const importedAt = new Date().toISOString();
  const alreadyPresent = await db.transaction().execute(async (trx) => {
    const before = await countHistory(trx);
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('imported_history')
        .values(
          rows.slice(i, i + BATCH).map((row) => ({
            text_hash: row.textHash,
            text: row.text,
            category_id: row.categoryId,
            unit_id: row.unitId,
            received_at: row.receivedAt,
            imported_at: importedAt,
          })),
        )
        .onConflict((oc) =>
          oc.column('text_hash').doUpdateSet({
            category_id: sql`coalesce(excluded.category_id, imported_history.category_id)`,
            unit_id: sql`coalesce(excluded.unit_id, imported_history.unit_id)`,
            received_at: sql`coalesce(excluded.received_at, imported_history.received_at)`,
          }),
        )
        .execute();
      onProgress(Math.min(i + BATCH, rows.length), rows.length);
    }
    const added = (await countHistory(trx)) - before;
    return rows.length - added;
  });
  return { imported: rows.length, alreadyPresent, bad, unlabelled, unitNotInDirectory };
}

/** A message the file repeats is one row with the labels its copies give (PostgreSQL refuses two upserts of one key in one statement). */
function onePerMessage(rows: readonly HistoryRow[]): HistoryRow[] {
  const byHash = new Map<string, HistoryRow>();
  for (const row of rows) {
    const earlier = byHash.get(row.textHash);
    byHash.set(
      row.textHash,
      earlier
        ? {
            ...row,
            categoryId: row.categoryId ?? earlier.categoryId,
            unitId: row.unitId ?? earlier.unitId,
            receivedAt: row.receivedAt ?? earlier.receivedAt,
          }
        : row,
    );
  }
  return [...byHash.values()];
}

async function countHistory(db: Pick<Db, 'selectFrom'>): Promise<number> {
  const row = await db
    .selectFrom('imported_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
